import gateTerms from 'virtual:verbatim-gate';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { gatePattern, passesGate } from '../src/content/gate';
import { send } from '../src/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    if (passesGate(gatePattern(gateTerms))) void send({ type: 'activate' });
  },
});
