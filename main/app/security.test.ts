import { describe, expect, it } from 'vitest';
import { isAppUrl } from './security.js';

describe('the app origin check', () => {
  it.each(['strata://app/index.html', 'strata://app/', 'strata://app/assets/x.js?v=1'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'strata://app.evil/index.html',
    'strata://evil/app/index.html',
    'strata://app@evil/',
    'strata://user@app/',
    'file:///app/index.html',
    'https://app/index.html',
    'http://localhost:5173/',
    'strata:app',
    'not a url',
    '',
    undefined,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
