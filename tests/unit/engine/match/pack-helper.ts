/**
 * Test packs built by hand from corpus sentences, so matcher tests do not depend on the pack builder.
 * `corpusPack()` splits the four bundled articles into sentences and groups near-identical ones
 * (word-set Jaccard ≥ 0.5) — crude, but enough to give each quote several outlet wordings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordKeys } from '../../../../src/engine/normalize';
import { PACK_FORMAT, PACK_VERSION, type Pack, type QuoteGroup, type TopicSpec } from '../../../../src/engine/types';
import { ROOT } from '../../../support/repo';

/** Repo root. A string path, not `new URL(...)`: happy-dom replaces the global URL class in tests. */
const CORPUS = join(ROOT, 'assets/corpus');

export function topicSpec(): TopicSpec {
  return JSON.parse(readFileSync(join(CORPUS, 'topic.json'), 'utf8')) as TopicSpec;
}

/** A pack from literal groups: each inner array is one utterance as several outlets worded it. */
export function packOf(groups: string[][], speaker: string | null = 'Elisabeth Moss'): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: 'test',
    topic: topicSpec(),
    documents: groups[0]!.map((_, k) => ({ id: `doc${k}`, outlet: `Outlet ${k}`, site: null, url: null, title: null, published: null })),
    groups: groups.map((variants, g) => ({
      id: `g${g}`,
      speaker,
      source: null,
      consensus: variants[0]!,
      variants: variants.map((text, k) => ({ document: `doc${k}`, text, start: 0, end: text.length, change: [] })),
    })),
  };
}

/** Sentences of a text: split after . ? ! (and closing quotes) and at line breaks. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^\n.?!]+(?:[.?!]+["'\u201D\u2019]?|$)/gm;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw
      .trim()
      .replace(/^["\u201C\u2018']+/, '')
      .replace(/["\u201D\u2019']+$/, '');
    if (wordKeys(t).length >= 3) out.push({ text: t, start: (m.index ?? 0) + lead });
  }
  return out;
}

/** Sentences inside quote marks (“…”, "…"), the only text a real pack holds. */
export function quotedSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of text.matchAll(/["\u201C]([^"\u201C\u201D]{12,}?)(?:["\u201D]|\n\n)/g)) {
    for (const s of sentences(m[1]!)) out.push({ text: s.text, start: (m.index ?? 0) + 1 + s.start });
  }
  return out;
}

let cached: Pack | undefined;

export function corpusPack(): Pack {
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'corpus.json'), 'utf8')) as {
    documents: { id: string; file: string; outlet: string }[];
  };
  const groups: (QuoteGroup & { words: Set<string> })[] = [];
  for (const doc of manifest.documents) {
    const text = readFileSync(join(CORPUS, doc.file), 'utf8');
    for (const s of quotedSentences(text)) {
      const words = new Set(wordKeys(s.text));
      const variant = { document: doc.id, text: s.text, start: s.start, end: s.start + s.text.length, change: [] };
      const home = groups.find((g) => {
        let shared = 0;
        for (const w of words) if (g.words.has(w)) shared++;
        return shared / (words.size + g.words.size - shared) >= 0.5;
      });
      if (home) home.variants.push(variant);
      else groups.push({ id: `q${groups.length}`, speaker: null, source: null, consensus: s.text, variants: [variant], words });
    }
  }
  cached = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: 'mad-men-test',
    topic: topicSpec(),
    documents: manifest.documents.map((d) => ({ id: d.id, outlet: d.outlet, site: null, url: null, title: null, published: null })),
    groups: groups.map(({ words: _words, ...g }) => g),
  };
  return cached;
}
