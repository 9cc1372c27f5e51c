// Vite bundles the stylesheets the reference page imports; TypeScript only needs to know they exist.
declare module '*.css';
