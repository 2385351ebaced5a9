import { defineConfig } from 'wxt';
import { SELLER_CENTRAL_MATCH_PATTERNS } from './core/sellercentral-hosts';

// Firefox is built as MV3 as well (Firefox ≥ 140 runs MV3 event pages, sidebar_action and optional host
// permissions), so both browsers share one permission model; see docs/permissions.md.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The Seller Central content script runs on every Seller Central page load: it gets WXT's plain `browser`
    // (the browser's own promise API) instead of webextension-polyfill, whose module body costs ~0.5–1 ms
    // there and 2.7 KB gzip (docs/matching.md, "Measured"). It only uses storage.local.get, runtime.id,
    // runtime.getURL and i18n.getMessage, which behave the same on both. The tip card module it loads on demand
    // (sellercentral-card) runs in the same isolated world and gets the same.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entry) => entry.name === 'sellercentral' || entry.name === 'sellercentral-card'))
        return;
      const resolve = (viteConfig.resolve ??= {});
      const alias = resolve.alias ?? [];
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...entries];
    },
  },
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Feed origins are asked for one at a time, when the seller adds a feed.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The tip card module, which the Seller Central content script imports only when a page has a tip
    // (docs/matching.md): reachable from the Seller Central hosts only. Chrome serves it at a per-session URL
    // so that pages cannot probe a fixed address to fingerprint the extension; Firefox does not support
    // `use_dynamic_url` (it warns on the unknown key) and needs none: its moz-extension:// host is already a
    // random per-install id.
    web_accessible_resources: [
      {
        resources: ['sellercentral-card.js'],
        matches: [...SELLER_CENTRAL_MATCH_PATTERNS],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    omnibox: { keyword: 'sn' },
    action: { default_title: '__MSG_extName__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenPopup__',
      },
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sellernav@sellernav.example',
              // 140 is the first Firefox that reads data_collection_permissions (Android: 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
