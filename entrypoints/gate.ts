import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runGate } from '../src/content/gate-main';

// The only script on every page, declared in the manifest's `content_scripts` by wxt.config.ts.
// An *unlisted* script on purpose: WXT wraps it in a bare IIFE (no ContentScriptContext, no polyfill),
// so a page that fails the gate never touches an extension API (docs/performance.md).
export default defineUnlistedScript(runGate);
