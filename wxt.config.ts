import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { packPlugin } from './scripts/pack-plugin';
import { linkedomBrowser } from './scripts/linkedom-browser';
import { readabilitySafe } from './scripts/readability-safe';
import { iconManifest, renderIcons, themeIcons } from './scripts/icons';

const GECKO_ID = 'verbatim@verbatim.example';

// See docs/decisions.md for why each permission is here.
export default defineConfig({
  imports: false,
  publicDir: 'assets/public',
  // A separate output folder lets parallel builds (e.g. two test runs) not overwrite each other.
  outDir: process.env.VERBATIM_OUT_DIR ?? '.output',
  // The Firefox sources zip is for store review: the code and corpus, not test screenshots or bench output.
  zip: { excludeSources: ['artifacts/**', 'bench/results/**', '.output-*/**'] },
  vite: () => ({
    plugins: [packPlugin(), readabilitySafe(), linkedomBrowser()],
  }),
  hooks: {
    // PNGs from assets/icon*.svg (scripts/icons.ts), rendered per build into WXT's own scratch folder.
    'build:publicAssets': (wxt, files) => {
      files.push(...renderIcons(resolve(wxt.config.wxtDir, 'icons', wxt.config.browser), wxt.config.browser === 'firefox'));
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'activeTab'],
    // No content script runs on every page: the background reads each tab's URL and title (which these
    // host permissions let it see) and injects the highlighter only where they name the topic
    // (src/background/tab-gate.ts, docs/decisions.md).
    host_permissions: ['http://*/*', 'https://*/*'],
    icons: iconManifest(),
    // Named for the manifest version: WXT writes an MV2 `browser_action` for the popup before it would
    // convert `action`, which it then drops (the icons were lost from the Firefox build).
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_title: '__MSG_actionTitle__',
      default_icon: iconManifest(),
      // Firefox draws a dark or a light toolbar glyph to suit the theme; Chrome has no such key.
      ...(browser === 'firefox' ? { theme_icons: themeIcons() } : {}),
    },
    // Commands, so readers can change the keys (chrome://extensions/shortcuts, Firefox's add-on shortcuts).
    // They add nothing to pages: the browser hands them to the background, which tells the highlighter of
    // that tab, where one runs (docs/decisions.md).
    commands: {
      'next-quote': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextQuote__' },
      'previous-quote': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPreviousQuote__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
