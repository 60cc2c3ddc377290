import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHighlighter } from '../src/content/highlighter';

// Injected by the background into pages that passed the gate (never listed in the manifest).
// `ctx` ends every listener, observer and timer when the extension reloads or a newer copy starts.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    void runHighlighter(ctx);
  },
});
