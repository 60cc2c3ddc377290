/** A quote the card tests show: one utterance worded by three outlets, two alike. */
import type { QuoteMatch } from '../../../../src/engine/match/match';

export const quote: QuoteMatch = {
  start: 0,
  end: 10,
  text: 'That right there is the real Jon.',
  group: 'g',
  speaker: 'Elisabeth Moss',
  similarity: 1,
  strong: true,
  outlets: [
    { document: 'a', outlet: 'NME', text: 'That right there is the real Jon.', change: ['identical'] },
    { document: 'b', outlet: 'IndieWire', text: 'Like, that right there is real Jon.', change: ['omitted'] },
    { document: 'c', outlet: '/Film', text: 'Like, that right there is real Jon.', change: ['omitted'] },
  ],
};
