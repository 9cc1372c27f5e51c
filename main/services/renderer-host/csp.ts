/**
 * The Content-Security-Policy of the renderer page, on both transports: scripts only from the
 * app itself (no inline or eval; wasm allowed for tfjs), inline styles (React Flow positions
 * nodes with style attributes), and network access only to `connect` (the API's socket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
