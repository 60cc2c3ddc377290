import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCard } from '../src/content/card/card';
import { installCardFactory } from '../src/content/card/lazy';

// Injected by the background the first time a page shows a hover card (src/content/card/lazy.ts).
export default defineUnlistedScript(() => installCardFactory(createCard));
