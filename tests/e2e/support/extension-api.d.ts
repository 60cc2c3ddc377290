// The extension API as seen inside the service worker / extension pages that the e2e tests evaluate in.
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: typeof Browser & { action: typeof Browser.action; tabs: typeof Browser.tabs };
}
