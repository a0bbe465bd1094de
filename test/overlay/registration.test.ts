import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncRegistration } from '../../entrypoints/background';
import { applySettings } from '../../utils/settings-store';

/**
 * The background registers the overlay at runtime for helpdesk hosts a team enabled, once their
 * optional permission is granted. WXT's fake browser has no permissions/scripting, so those two are
 * stand-ins recording what the background asks for (the settings store is the real one).
 */

type Registered = { id: string; matches: string[]; js: string[]; allFrames?: boolean };
let registered: Registered[] = [];
const granted = new Set<string>();

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((r) => ids.includes(r.id)),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((r) => !ids.includes(r.id));
      }),
      registerContentScripts: vi.fn(async (scripts: Registered[]) => {
        registered.push(...scripts);
      }),
    },
  });
});

const site = (matches: string[], enabled = true) => ({ adapter: 'rt', matches, enabled });

describe('runtime registration', () => {
  it('registers the overlay for enabled sites and recipes whose permission is granted', async () => {
    const saved = await applySettings({
      version: 1,
      sites: [
        site(['https://rt.example.com/*']),
        site(['https://old.example.com/*'], false),
        site(['https://zendesk.example.com/*']),
        site(['http://127.0.0.1/*']),
      ],
      recipes: [
        {
          id: 'desk',
          name: 'Desk',
          matches: ['https://desk.example.org/*'],
          ticket: 'tr',
          anchor: 'td',
          fields: { id: { selector: 'td' } },
        },
      ],
    });
    expect(saved.ok).toBe(true);
    granted.add('https://rt.example.com/*').add('https://old.example.com/*').add('https://desk.example.org/*');
    await syncRegistration();
    // Not the disabled site, not the ungranted one, not loopback (the manifest already matches it).
    // In every frame: ServiceNow's Next Experience shows its tickets in an iframe.
    expect(registered).toEqual([
      expect.objectContaining({
        id: 'sla-overlay-sites',
        matches: ['https://desk.example.org/*', 'https://rt.example.com/*'],
        js: ['content-scripts/overlay.js'],
        allFrames: true,
      }),
    ]);

    granted.clear();
    await syncRegistration();
    expect(registered).toEqual([]);
  });

  it('never registers a pattern that names no host, even when imported settings come with it granted', async () => {
    const saved = await applySettings({
      version: 1,
      sites: [{ adapter: 'osticket', matches: ['https://*/scp/*', 'https://*.zendesk.com/*'], enabled: true }],
      recipes: [
        { id: 'any', name: 'Any', matches: ['*://*/*'], ticket: 'tr', anchor: 'td', fields: { id: { selector: 'td' } } },
      ],
    });
    expect(saved.ok).toBe(true);
    granted.add('https://*/scp/*').add('*://*/*').add('https://*.zendesk.com/*');
    await syncRegistration();
    // The subdomain wildcard names a host and stays.
    expect(registered).toEqual([expect.objectContaining({ matches: ['https://*.zendesk.com/*'] })]);
  });

  it("registers a site on a port by its host (browser match patterns have no port), once, when the host's permission is granted", async () => {
    const saved = await applySettings({
      version: 1,
      sites: [site(['https://rt.example.com:8443/*', 'https://rt.example.com:9443/*', 'http://127.0.0.1:8080/*'])],
    });
    expect(saved.ok).toBe(true);
    await syncRegistration();
    expect(registered).toEqual([]);
    granted.add('https://rt.example.com/*');
    await syncRegistration();
    expect(registered).toEqual([expect.objectContaining({ matches: ['https://rt.example.com/*'] })]);
  });

  it('registers https loopback once granted: the manifest grants only http loopback', async () => {
    await applySettings({ version: 1, sites: [site(['https://localhost/*', 'http://localhost:8080/*'])] });
    granted.add('https://localhost/*').add('http://localhost:8080/*');
    await syncRegistration();
    expect(registered).toEqual([expect.objectContaining({ matches: ['https://localhost/*'] })]);
  });
});
