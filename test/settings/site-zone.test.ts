import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../core/settings/validate';

describe('a site’s time zone', () => {
  it('is refused on import when it is not an IANA zone, with its path (the site’s dates would all be unreadable)', () => {
    const result = validateSettings({
      version: 1,
      sites: [
        { adapter: 'rt', matches: ['https://rt.example.com/*'], timeZone: 'Europe/Berlin' },
        { adapter: 'zammad', matches: ['https://zammad.example.com/*'], timeZone: 'Europe/Berln' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code, e.params?.value])).toEqual([['sites.1.timeZone', 'invalid', 'Europe/Berln']]);
  });

  it('is kept when valid', () => {
    const result = validateSettings({ version: 1, sites: [{ adapter: 'rt', matches: ['https://rt.example.com/*'], timeZone: 'Asia/Tokyo' }] });
    expect(result.ok && result.settings.sites[0]?.timeZone).toBe('Asia/Tokyo');
  });
});

describe('a recipe’s time zone', () => {
  it('is refused on import when it is not an IANA zone, with its path', () => {
    const recipe = { id: 'desk', name: 'Desk', matches: ['https://desk.example.com/*'], ticket: 'tr', anchor: 'td', fields: {} };
    const result = validateSettings({ version: 1, recipes: [{ ...recipe, timeZone: 'Asia/Tokio' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code, e.params?.value])).toEqual([['recipes.0.timeZone', 'invalid', 'Asia/Tokio']]);
  });
});
