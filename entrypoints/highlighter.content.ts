import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHighlighter } from '../src/content/highlighter';

// Injected by the background into pages that passed the gate (never listed in the manifest).
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main() {
    void runHighlighter();
  },
});
