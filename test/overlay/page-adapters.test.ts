import { describe, expect, it } from 'vitest';
import { Settings } from '../../core/settings/schema';
import { adaptersForPage, matchesAny, pageTimeZone } from '../../entrypoints/overlay.content/page-adapters';

const settings = Settings.parse({
  version: 1,
  sites: [
    { adapter: 'rt', matches: ['https://rt.example.com:8443/*'], timeZone: 'Europe/Berlin' },
    { adapter: 'zammad', matches: ['http://127.0.0.1:8080/*'], timeZone: 'Asia/Tokyo' },
  ],
});

describe('site patterns with a port', () => {
  it("match the site's pages on that port only", () => {
    expect(matchesAny(['https://rt.example.com:8443/*'], 'https://rt.example.com:8443/Ticket/Display.html?id=7')).toBe(true);
    expect(matchesAny(['https://rt.example.com:8443/*'], 'https://rt.example.com/Ticket/Display.html?id=7')).toBe(false);
    expect(matchesAny(['https://rt.example.com:8443/*'], 'https://rt.example.com:9443/')).toBe(false);
    expect(matchesAny(['https://rt.example.com:443/*'], 'https://rt.example.com/')).toBe(true);
    expect(matchesAny(['https://rt.example.com/*'], 'https://rt.example.com:8443/')).toBe(true);
  });

  it("pick the configured site's adapter and time zone there, not on another port of the host", () => {
    const rt = adaptersForPage('https://rt.example.com:8443/Search/Results.html', settings);
    expect(rt.site?.adapter).toBe('rt');
    expect(rt.adapters.map((a) => a.id)).toEqual(['rt']);
    expect(pageTimeZone(rt.site, settings, 'https://rt.example.com:8443/')).toBe('Europe/Berlin');
    expect(adaptersForPage('https://rt.example.com/Search/Results.html', settings).site).toBeUndefined();
    expect(adaptersForPage('http://127.0.0.1:8080/#ticket/zoom/1', settings).site?.adapter).toBe('zammad');
    expect(adaptersForPage('http://127.0.0.1:8090/#ticket/zoom/1', settings).site).toBeUndefined();
  });

  it('an invalid pattern matches nothing', () => {
    expect(matchesAny(['rt.example.com:8443', 'https://rt.example.com:http/*'], 'https://rt.example.com:8443/')).toBe(false);
  });
});
