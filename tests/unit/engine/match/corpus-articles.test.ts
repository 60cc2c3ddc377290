/**
 * The corpus articles themselves, scanned as pages: every highlight must sit on a span the pack
 * builder recorded as a quote of the same group (narration never highlighted), nearly all quotes found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { analysePage } from '../../../../src/engine/analyse';
import type { PackIndex } from '../../../../src/engine/match/pack-index';
import type { Pack } from '../../../../src/engine/types';
import { indexPack, loadPack } from './fixture-eval';
import { ROOT } from '../../../support/repo';

const CORPUS = join(ROOT, 'assets/corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'corpus.json'), 'utf8')) as {
  documents: { id: string; file: string; url: string | null; title: string | null }[];
};

let pack: Pack;
let index: PackIndex;
let bundled = false;
beforeAll(async () => {
  const loaded = await loadPack();
  pack = loaded.pack;
  bundled = loaded.source.startsWith('bundled');
  index = indexPack(pack);
});

it.each(manifest.documents.map((d) => [d.id, d] as const))('%s: highlights only recorded quotes, finds nearly all', (_id, doc) => {
  if (!bundled) return; // variant offsets come from the real pack builder
  const text = readFileSync(join(CORPUS, doc.file), 'utf8');
  const analysis = analysePage(index, { url: doc.url ?? '', title: doc.title ?? '', text });
  expect(analysis.topic.match).toBe(true);
  const spans = pack.groups.flatMap((g) =>
    g.variants.filter((v) => v.document === doc.id).map((v) => ({ group: g.id, start: v.start, end: v.end })),
  );
  const wrong = analysis.quotes.filter((m) => !spans.some((s) => s.group === m.group && s.start < m.end && m.start < s.end));
  expect(wrong.map((m) => m.text)).toEqual([]);
  const found = spans.filter((s) => analysis.quotes.some((m) => m.group === s.group && s.start < m.end && m.start < s.end));
  // Only stand-alone fragments under 6 words (a subhead quoting "It all felt very real") may be missed.
  const missed = spans.filter((s) => !found.includes(s)).filter((s) => text.slice(s.start, s.end).split(/\s+/).length >= 6);
  expect(missed).toEqual([]);
});
