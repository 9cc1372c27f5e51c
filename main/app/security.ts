import type { WebContents } from 'electron';

/** The app's own scheme and host: the renderer loads from `strata://app/`, never file://. */
export const APP_SCHEME = 'strata';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a frame URL is the app's own page. Parsed, not prefix-matched, so
 * `strata://app.evil/` or `strata://app@evil/` do not pass. (Custom schemes have an opaque
 * `origin` in the URL standard, so scheme and host are compared instead.)
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Denies navigation, new windows and webviews: the page can only stay put. */
export function lockNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The renderer is a single page: it never needs to navigate, so no navigation is allowed.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
