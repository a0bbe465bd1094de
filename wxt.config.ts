import { defineConfig } from 'wxt';

// The extension reads helpdesk pages and computes deadlines locally: no network access, no <all_urls>.
// Built-in helpdesk hosts are optional and requested at runtime from the options page; the demo
// helpdesk on loopback works out of the box.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // MV3 for Firefox too: MV2 has no optional_host_permissions (WXT drops them) and one code path is enough.
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the background wakes at the next at-risk or breach instant (desktop alerts), no polling.
    permissions: ['storage', 'scripting', 'alarms'],
    // Asked for when the agent turns desktop alerts on (idle: only for "quiet while I am away").
    optional_permissions: ['notifications', 'idle'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // IT pushes a team's contracts by browser policy (storage.managed); Firefox reads managed
    // values from its own policies file and ignores this key.
    storage: { managed_schema: 'managed_schema.json' },
    // Firefox needs a stable add-on id (storage, managed policies); data collection: none.
    browser_specific_settings: {
      gecko: {
        id: 'sla-lens@example.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
