/**
 * Regression tests on the saved-page fixtures (tests/fixtures/pages): each page's topic verdict,
 * the quotes that must be found, the text that must never be highlighted — then precision and
 * recall over all of them, printed and held to a floor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNames, indexPack, loadPack, runFixture, type FixtureResult } from './fixture-eval';
import type { PackIndex } from '../../../../src/engine/match/pack-index';

let index: PackIndex;
let source = '';
const results: FixtureResult[] = [];

beforeAll(async () => {
  const loaded = await loadPack();
  index = indexPack(loaded.pack);
  source = loaded.source;
});

describe('page fixtures', () => {
  it.each(fixtureNames())('%s', (name) => {
    const r = runFixture(index, name);
    results.push(r);
    expect(r.absent, 'fixture snippets missing from the page text').toEqual([]);
    expect(r.analysis.topic.match, `topic verdict (score ${r.analysis.topic.score})`).toBe(r.expected.topic);
    expect(
      r.wrong.map((m) => m.text),
      'wrong highlights',
    ).toEqual([]);
    expect(r.touched, 'text that must not be highlighted').toEqual([]);
    expect(
      r.missed.filter((q) => !q.miss).map((q) => q.page),
      'missed quotes',
    ).toEqual([]);
    if (r.expected.topic) expect(r.analysis.status).toBe('topic');
    else expect(r.analysis.status).toBe(r.expected.quotes.length > 0 ? 'quotes-only' : 'none');
  });
});

afterAll(() => {
  if (results.length === 0) return;
  const tp = results.reduce((n, r) => n + r.found.length, 0);
  const fn = results.reduce((n, r) => n + r.missed.length, 0);
  const fp = results.reduce((n, r) => n + r.wrong.length + r.touched.length, 0);
  const topicRight = results.filter((r) => r.analysis.topic.match === r.expected.topic).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log(
    `[fixtures] pack: ${source}\n` +
      `[fixtures] ${results.length} pages · quotes: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} ` +
      `(tp ${tp}, fp ${fp}, fn ${fn}) · topic verdicts ${topicRight}/${results.length}`,
  );
});

describe('fixture totals', () => {
  it('keeps precision at 1 and recall ≥ 0.9 over all fixtures', () => {
    const rs = fixtureNames().map((n) => runFixture(index, n));
    const tp = rs.reduce((n, r) => n + r.found.length, 0);
    const fn = rs.reduce((n, r) => n + r.missed.length, 0);
    const fp = rs.reduce((n, r) => n + r.wrong.length + r.touched.length, 0);
    expect(fp).toBe(0);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});
