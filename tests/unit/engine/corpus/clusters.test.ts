import { describe, expect, it } from 'vitest';
import { clusterComponent, type UnitPlace } from '../../../../src/engine/corpus/clusters';
import { WordingGraph } from '../../../../src/engine/corpus/wording-graph';
import { wordKeys } from '../../../../src/engine/normalize';

/** [unit id, article, sentence, wording] */
type Unit = [string, string, number, string];

/** NME quotes both sentences; IndieWire's shorter wording is close to each (0.71 and 0.88). */
const chain: Unit[] = [
  ['nme#1', 'nme', 1, 'That right there is real.'],
  ['nme#2', 'nme', 2, 'Like, that right there is the real Jon.'],
  ['indiewire#5', 'indiewire', 5, 'That right there is the real Jon'],
  ['slashfilm#3', 'slashfilm', 3, 'Like, that right there is the real Jon.'],
];

function cluster(units: readonly Unit[]): string[][] {
  const graph = new WordingGraph();
  const places = new Map<string, UnitPlace[]>();
  for (const [id, doc, sentence, text] of units) {
    const { key } = graph.addUnit(id, wordKeys(text));
    places.set(key, [...(places.get(key) ?? []), { doc, sentence }]);
  }
  const component = graph.component(wordKeys(units[0]![3]).join(' '));
  return clusterComponent(graph, component, (w) => places.get(w) ?? []).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('clustering a connected part of the wording graph', () => {
  it('never chains two sentences one article keeps apart, whatever order the units came in', () => {
    const expected = [['like that right there is the real jon', 'that right there is the real jon'], ['that right there is real']];
    for (const order of permutations(chain)) expect(cluster(order)).toEqual(expected);
  });

  it('joins what the weaker edge would have joined when no article keeps the two apart', () => {
    const without = chain.filter(([, doc]) => doc !== 'nme');
    const withOther: Unit[] = [...without, ['other#1', 'other', 1, 'That right there is real.']];
    expect(cluster(withOther)).toEqual([
      ['like that right there is the real jon', 'that right there is real', 'that right there is the real jon'],
    ]);
  });
});
