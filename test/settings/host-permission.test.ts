import { describe, expect, it } from 'vitest';
import { hostPattern, isSitePattern, isStaticLoopback, namesNoHost, onPort, splitPort } from '../../core/settings/host-permission';

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

describe('a site pattern with a port', () => {
  it.each([
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1/*', 8080],
    ['https://rt.example.com:8443/*', 'https://rt.example.com/*', 8443],
    [' https://rt.example.com:8443/rt/* ', 'https://rt.example.com/rt/*', 8443],
    ['*://desk.example.org:9000/*', '*://desk.example.org/*', 9000],
    ['https://rt.example.com:*/*', 'https://rt.example.com/*', undefined],
    ['https://rt.example.com/*', 'https://rt.example.com/*', undefined],
  ])('%s → the browser\'s pattern %s, port %s', (site, browser, port) => {
    expect(splitPort(site)).toEqual(port === undefined ? { pattern: browser } : { pattern: browser, port });
    expect(hostPattern(site)).toBe(browser);
  });

  it('restricts pages to its port, the scheme\'s default port included', () => {
    expect(onPort(8443, new URL('https://rt.example.com:8443/Ticket/Display.html?id=7'))).toBe(true);
    expect(onPort(8443, new URL('https://rt.example.com/Ticket/Display.html?id=7'))).toBe(false);
    expect(onPort(443, new URL('https://rt.example.com/'))).toBe(true);
    expect(onPort(80, new URL('http://rt.example.com:8080/'))).toBe(false);
    expect(onPort(undefined, new URL('http://rt.example.com:8080/'))).toBe(true);
  });
});

describe('isSitePattern', () => {
  it.each([
    'http://127.0.0.1:8080/*',
    'https://rt.example.com:8443/*',
    'https://rt.example.com/*',
    'https://*.zendesk.com/*',
    '*://*/*',
    'https://rt.example.com:*/*',
    '<all_urls>',
  ])('accepts %s', (pattern) => {
    expect(isSitePattern(pattern)).toBe(true);
  });

  it.each([
    'rt.example.com:8443',
    'https://rt.example.com:8443',
    'https://rt.example.com:0/*',
    'https://rt.example.com:65536/*',
    'https://rt.example.com:http/*',
    'ftp://rt.example.com/*',
    'https://rt.*.com/*',
    'https://rt example.com/*',
  ])('refuses %s', (pattern) => {
    expect(isSitePattern(pattern)).toBe(false);
  });
});
