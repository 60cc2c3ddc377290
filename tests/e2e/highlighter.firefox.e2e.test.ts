/** The highlighter in the page, in real Firefox: dynamic pages, hostile CSS, the per-site switch, the hover card. */
import { describe } from 'vitest';
import { useFirefox } from './support/fixture';
import { highlighterSuite } from './support/highlighter-suite';

const env = useFirefox();

describe('Firefox: the highlighter in the page', () => highlighterSuite(env));
