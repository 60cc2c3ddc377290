/** No mark past the corpus, in real Chromium: quotations running on past every corpus wording. */
import { describe } from 'vitest';
import { useChromium } from './support/fixture';
import { continuedSuite } from './support/continued-suite';

const env = useChromium();

describe('Chromium: marks stop where the corpus wording stops', () => continuedSuite(env));
