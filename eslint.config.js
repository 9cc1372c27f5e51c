import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'url'];

/** Which folder may import what: the process boundaries of DESIGN.md, enforced. */
const boundary = (files, banned, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((group) => ({ group: [group], message: why })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      'release',
      'resources/generated',
      'coverage',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  boundary(
    ['shared/**'],
    [...nodeBuiltins, 'electron', 'react', 'react-dom', '@tensorflow/*', '@xyflow/*'],
    'shared/ is plain TypeScript: no Node, DOM, Electron, React or TensorFlow imports.',
  ),
  boundary(
    ['main/services/**', 'main/engine/**', 'main/cli/**', 'main/export/**', 'main/serve/**'],
    ['electron'],
    'Only main/app imports electron.',
  ),
  boundary(
    ['renderer/**'],
    [...nodeBuiltins, 'electron', '@tensorflow/*'],
    'The renderer talks to main through the typed API only.',
  ),
);
