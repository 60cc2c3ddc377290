/** No mark past the corpus, in real Firefox: quotations running on past every corpus wording. */
import { describe } from 'vitest';
import { useFirefox } from './support/fixture';
import { continuedSuite } from './support/continued-suite';

const env = useFirefox();

describe('Firefox: marks stop where the corpus wording stops', () => continuedSuite(env));
