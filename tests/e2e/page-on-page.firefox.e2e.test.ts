/** Issue 5 "On the page" in real Firefox: dynamic pages, hostile CSS, the per-site switch, the hover card. */
import { describe } from 'vitest';
import { useFirefox } from './support/fixture';
import { pageSuite } from './support/page-suite';

const env = useFirefox();

describe('Firefox: on the page', () => pageSuite(env));
