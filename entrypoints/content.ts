import gateTerms from 'virtual:verbatim-gate';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { gatePattern, passesGate } from '../src/content/gate';
import { onNavigation } from '../src/content/navigation';
import { send } from '../src/messages';

// The only script on every page: one bounded check, then either hand over to the highlighter or keep
// a single message listener for in-page navigation (see src/content/navigation.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const pattern = gatePattern(gateTerms);
    let activated = false;
    const check = () => {
      if (activated || !passesGate(pattern)) return activated;
      activated = true;
      void send({ type: 'activate' }).catch(() => undefined);
      return true;
    };
    if (!check()) onNavigation(ctx, check);
  },
});
