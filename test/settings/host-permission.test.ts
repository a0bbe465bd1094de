import { describe, expect, it } from 'vitest';
import { isStaticLoopback, namesNoHost } from '../../core/settings/host-permission';

describe('namesNoHost', () => {
  it.each([
    'https://*/scp/*',
    '*://*/*',
    'https://*/*',
    'http://*:8080/*',
    ' https://*/* ',
    '<all_urls>',
  ])('is true for %s (every site)', (pattern) => {
    expect(namesNoHost(pattern)).toBe(true);
  });

  it.each([
    'https://support.example.com/scp/*',
    'https://*.zendesk.com/*',
    '*://*.atlassian.net/*',
    'http://localhost:8080/*',
    'https://[::1]/*',
    'not a pattern',
  ])('is false for %s (names a host, or is no pattern at all)', (pattern) => {
    expect(namesNoHost(pattern)).toBe(false);
  });
});

describe('isStaticLoopback', () => {
  it.each(['http://127.0.0.1/*', 'http://localhost/*', 'http://localhost:3000/tickets/*'])(
    'is true for %s (granted by the manifest)',
    (pattern) => {
      expect(isStaticLoopback(pattern)).toBe(true);
    },
  );

  it.each(['https://localhost/*', 'http://localhost.example.com/*', 'http://127.0.0.10/*', '*://localhost/*'])(
    'is false for %s (needs its own permission)',
    (pattern) => {
      expect(isStaticLoopback(pattern)).toBe(false);
    },
  );
});
