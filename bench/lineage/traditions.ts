/**
 * Synthetic traditions with known trees, the test bed stemmatology uses (cf. stemmabench): an original
 * holding a few real corpus quotes is copied by 5–30 outlets, each copying an earlier outlet or the
 * original, carrying a subset of its source's quotes and changing each word with a set probability
 * (omission, substitution, re-punctuation, [bracket], truncation, tense, typography, respelling).
 * Dates follow the copying with noise; some are missing, some are known to the month only. Seeded.
 */
import { classifyChange } from '../../src/engine/compare/classify';
import { consensusIndex } from '../../src/engine/consensus';
import type { LineageDocument } from '../../src/engine/lineage/lineage';
import { wordKeys } from '../../src/engine/normalize';
import type { QuoteGroup } from '../../src/engine/types';
import { rng } from '../corpus-generator';

export interface TraditionOptions {
  /** Probability per word, per copy, of an edit event. */
  rate: number;
  copies: number;
  quotes: number;
  /** The original is a corpus document (a transcript) rather than absent. */
  originalInCorpus: boolean;
  seed: number;
}

export interface Tradition {
  groups: QuoteGroup[];
  documents: LineageDocument[];
  /** True parent of each copy (its document id), null = the original. */
  parent: Map<string, string | null>;
  /** The original's document id (in `documents` only when `originalInCorpus`). */
  original: string;
}

interface Word {
  text: string;
  gap: string;
}

const SYNONYMS: Record<string, string[]> = {
  very: ['so', 'really'],
  really: ['truly', 'very'],
  close: ['tight', 'near'],
  real: ['genuine', 'true'],
  scene: ['moment', 'sequence'],
  relationship: ['bond', 'friendship'],
  something: ['a lot', 'much'],
  kissed: ['held', 'touched'],
  script: ['screenplay', 'scripts'],
  costume: ['outfit', 'dress'],
  wanted: ['chose', 'asked'],
  keep: ['take', 'have'],
  asked: ['told', 'invited'],
  constantly: ['always', 'often'],
  annoyed: ['irritated', 'upset'],
  material: ['writing', 'script'],
  faking: ['pretending', 'acting'],
};
const FILLERS = ['really', 'just', 'actually', 'so', 'very', 'truly', 'all', 'even'];
const TENSE: Record<string, string> = {
  had: 'have',
  have: 'had',
  was: 'is',
  is: 'was',
  did: 'does',
  felt: 'feels',
  meant: 'means',
  think: 'thought',
  are: 'were',
  held: 'holds',
  asked: 'ask',
  said: 'say',
};
const BRACKETS = ['[Hamm]', '[Moss]', '[the show]', '[in 2012]', '[Don]', '[Peggy]', '[the scene]'];

function split(text: string): Word[] {
  const out: Word[] = [];
  const re = /(\S+)(\s*)/g;
  for (const m of text.matchAll(re)) out.push({ text: m[1]!, gap: m[2]! });
  return out;
}

function join(words: readonly Word[]): string {
  return words
    .map((w, i) => (i === words.length - 1 ? w.text : w.text + (w.gap || ' ')))
    .join('')
    .trim();
}

/** The word's letters and the punctuation stuck to it: "Jon," → ["Jon", ","]. */
function core(text: string): [string, string, string] {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
  return [m[1]!, m[2]!, m[3]!];
}

export function mutate(text: string, rate: number, rand: () => number): string {
  let words = split(text);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Truncation: a quote cut at either end, now and then.
  if (rand() < rate * 3 && words.length > 6) {
    if (rand() < 0.5) words = words.slice(1 + Math.floor(rand() * 3));
    else words = words.slice(0, words.length - 2 - Math.floor(rand() * 4));
  }
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = { ...words[i]! };
    if (rand() >= rate) {
      out.push(w);
      continue;
    }
    const [pre, body, post] = core(w.text);
    const lower = body.toLowerCase();
    const r = rand();
    if (r < 0.2 && i > 0 && i < words.length - 2) {
      // omission of 1–2 words
      i += Math.floor(rand() * 2);
      continue;
    } else if (r < 0.42) {
      const syn = SYNONYMS[lower];
      w.text = pre + (syn ? pick(syn) : pick(FILLERS) + ' ' + body) + post;
    } else if (r < 0.6) {
      // re-punctuation
      const marks = [',', ';', ' —', '/', ''];
      w.text = pre + body + pick(marks.filter((m) => m !== post));
    } else if (r < 0.68) {
      w.text = `${w.text} ${pick(BRACKETS)}`;
    } else if (r < 0.8) {
      const t = TENSE[lower];
      if (t) w.text = pre + t + post;
      else w.text = pre + body + post + ' ' + pick(FILLERS);
    } else if (r < 0.9) {
      w.text = w.text.includes('’') ? w.text.replace(/’/g, "'") : w.text.replace(/'/g, '’');
      if (w.text === words[i]!.text) w.text = w.text.replace(/-/g, ' ');
    } else if (body.length >= 6) {
      const k = 1 + Math.floor(rand() * (body.length - 2));
      w.text = pre + body.slice(0, k) + body[k] + body.slice(k) + post;
    }
    if (w.text) out.push(w);
  }
  return join(out.length ? out : words);
}

const HOUR = 3_600_000;

function iso(ms: number, monthOnly: boolean): string {
  const d = new Date(ms).toISOString();
  return monthOnly ? d.slice(0, 7) : d.slice(0, 10);
}

/** A tradition over `sentences` (real corpus quotes). */
export function tradition(sentences: readonly string[], o: TraditionOptions): Tradition {
  const rand = rng(o.seed);
  const shuffled = [...sentences].sort(() => rand() - 0.5).slice(0, o.quotes);
  const original = 'original';
  const t0 = Date.UTC(2022, 9, 12, 12);
  // Each node: its texts per sentence index, its time, its parent.
  const nodes: { id: string; parent: string | null; time: number; texts: Map<number, string> }[] = [];
  const originalTexts = new Map(shuffled.map((s, i) => [i, s]));
  for (let c = 0; c < o.copies; c++) {
    const fromOriginal = nodes.length === 0 || rand() < 0.35;
    const source = fromOriginal ? null : nodes[Math.floor(rand() * nodes.length)]!;
    const sourceTexts = source ? source.texts : originalTexts;
    const texts = new Map<number, string>();
    for (const [i, text] of sourceTexts) if (rand() < 0.8) texts.set(i, mutate(text, o.rate, rand));
    if (texts.size === 0) {
      const [i, text] = [...sourceTexts][0]!;
      texts.set(i, mutate(text, o.rate, rand));
    }
    // News copies follow within hours to days.
    const time = (source ? source.time : t0) + HOUR * (1 + -Math.log(1 - rand()) * 30);
    nodes.push({ id: `c${String(c + 1).padStart(2, '0')}`, parent: source?.id ?? null, time, texts });
  }
  const documents: LineageDocument[] = nodes.map((n) => {
    const r = rand();
    // Noise: a published date can be off by up to half a day either way (time zones, late updates).
    const noisy = n.time + (rand() - 0.5) * 24 * HOUR;
    return { id: n.id, outlet: `Outlet ${n.id}`, published: r < 0.15 ? null : iso(noisy, r < 0.25) };
  });
  if (o.originalInCorpus) documents.unshift({ id: original, outlet: 'Transcript', published: iso(t0, false), primary: true });
  const carried = shuffled.map((s, i) => [s, i] as const).filter(([, i]) => nodes.some((n) => n.texts.has(i)));
  const groups: QuoteGroup[] = carried.map(([s, i]) => {
    const variants = nodes.filter((n) => n.texts.has(i)).map((n) => ({ document: n.id, text: n.texts.get(i)! }));
    if (o.originalInCorpus) variants.unshift({ document: original, text: s });
    const wordings = variants.map((v, k) => ({ doc: k, text: v.text, keys: wordKeys(v.text) }));
    const consensus = variants[consensusIndex(wordings)]!.text;
    return {
      id: `q${i}`,
      speaker: 'Elisabeth Moss',
      source: null,
      consensus,
      variants: variants.map((v) => ({ ...v, start: 0, end: v.text.length, change: classifyChange(consensus, v.text) })),
    };
  });
  return { groups, documents, parent: new Map(nodes.map((n) => [n.id, n.parent])), original };
}
