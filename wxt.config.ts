import { defineConfig } from 'wxt';

// The extension reads helpdesk pages and computes deadlines locally: no network access, no <all_urls>.
// Built-in helpdesk hosts are optional and requested at runtime from the options page; the demo
// helpdesk on loopback works out of the box.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  },
});
