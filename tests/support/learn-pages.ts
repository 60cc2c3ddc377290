/**
 * Unseen pages of one interview, as new outlets would write them, to measure how learning groups their
 * quotes. Seeded: every run makes the same pages. Each page quotes utterances of the bundled corpus the
 * way reporters reword them — commas and fillers inserted ("There was, sort of like, a …"), one clause of
 * a longer sentence, a quote cut short ("… I wanted to keep, I said…"), small words dropped, a spinner's
 * synonyms (tests/support/rewrites.ts, which shares nothing with the matcher's lexicon), a quote broken
 * by its attribution — and names titles, episodes and scare quotes in quote marks, which must never be
 * grouped. Every planted span records its answer: the bundled group it belongs to, or none (a decoy).
 */
import type { Pack } from '../../src/engine/types';
import { seeded, spin } from './rewrites';

export interface PlantedSpan {
  start: number;
  end: number;
  /** The bundled group the words belong to; null for a title or scare quote. */
  group: string | null;
  /** How the wording was made, for reports. */
  how: string;
}

export interface GeneratedPage {
  id: string;
  text: string;
  planted: PlantedSpan[];
}

type Rand = () => number;

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const OUTLETS = ['Screen Digest', 'The Reel Report', 'Couch Critic', 'Primetime Post', 'The Box Set', 'Telly Times', 'Series Wire'];
const TITLES = ['Mad Men', 'The Suitcase', 'The Other Woman', 'Waterloo', 'Person to Person', 'The Handmaid’s Tale', 'Top of the Lake'];
const SCARE = ['real', 'mentor', 'masterclass', 'very special period piece', 'once in a generation', 'peak TV'];
const VERBS = ['said', 'recalled', 'explained', 'told the magazine', 'added', 'remembered'];
const FILLERS = ['you know', 'like', 'I mean', 'honestly'];
const SMALL = new Set(['and', 'so', 'that', 'actually', 'just', 'the', 'which', 'very', 'really']);

/** Commas round a filler or a hedge the speaker let fall: "There was, sort of like, a …". */
function commas(words: string[], rand: Rand): string[] {
  const hedge = words.findIndex((w, i) => w.toLowerCase() === 'sort' && words[i + 1] === 'of' && words[i + 2] === 'like');
  if (hedge > 0) return [...words.slice(0, hedge - 1), `${words[hedge - 1]},`, 'sort', 'of', 'like,', ...words.slice(hedge + 3)];
  const at = 2 + Math.floor(rand() * Math.max(1, words.length - 4));
  const before = words[at - 1]!.replace(/,$/, '');
  return [...words.slice(0, at - 1), `${before},`, `${pick(rand, FILLERS)},`, ...words.slice(at)];
}

function dropSmall(words: string[], rand: Rand): string[] {
  const small = words.map((w, i) => (SMALL.has(w.toLowerCase()) && i > 0 ? i : -1)).filter((i) => i >= 0);
  const gone = new Set(small.filter(() => rand() < 0.5).slice(0, 2));
  if (gone.size === 0 && small.length > 0) gone.add(pick(rand, small));
  return words.filter((_, i) => !gone.has(i));
}

/** The clauses of a sentence (cut after a comma, or before "and"/"but"), of 5 words or more, in order, covering it. */
function clauses(words: string[]): string[][] {
  const out: string[][] = [];
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    const boundary = i === words.length || words[i - 1]!.endsWith(',') || /^(and|but)$/i.test(words[i]!);
    if (!boundary) continue;
    // A short clause ("90-something episodes,") stays with the next one: none is dropped from between.
    if (i - from < 5 && i < words.length) continue;
    if (i - from >= 5 || out.length === 0) out.push(words.slice(from, i));
    else out[out.length - 1]!.push(...words.slice(from, i));
    from = i;
  }
  return out;
}

const strip = (w: string) => w.replace(/[,.]$/, '');

interface Wording {
  parts: string[];
  how: string;
}

/** Small rewordings, each applied with some chance: commas and fillers, small words dropped, synonyms. */
function surface(words: string[], rand: Rand, how: string[]): string[] {
  let out = words;
  if (rand() < 0.4) [out] = [commas(out, rand), how.push('commas')];
  if (rand() < 0.35) [out] = [dropSmall(out, rand), how.push('words dropped')];
  if (rand() < 0.4) [out] = [spin(out.join(' '), rand, 0.4).split(' '), how.push('spun')];
  return out;
}

/** One reworded quote of `text` (one or two parts: a quote broken by its attribution has two). */
function reword(text: string, rand: Rand): Wording {
  const words = text.replace(/[.”"]+$/, '').split(/\s+/);
  const parts = clauses(words);
  const how: string[] = [];
  const roll = rand();
  let out: string[][];
  if (roll < 0.25 && parts.length >= 2) {
    out = [pick(rand, parts)];
    how.push('clause');
  } else if (roll < 0.45 && parts.length >= 2) {
    // Cut short, the tail dropped: "they asked me what costume I wanted to keep, I said…".
    const k = 1 + Math.floor(rand() * (parts.length - 1));
    const tail = parts[k]!.filter((w) => !/^and$/i.test(w)).slice(0, 2);
    out = [[...parts[k - 1]!, ...tail.map(strip)]];
    how.push('cut short');
  } else if (roll < 0.6 && parts.length >= 2) {
    const k = 1 + Math.floor(rand() * (parts.length - 1));
    out = [parts.slice(0, k).flat(), parts.slice(k).flat()];
    how.push('broken by attribution');
  } else out = [words];
  const texts = out.map((ws) => surface(ws, rand, how).join(' ').replace(/,$/, ''));
  if (how.includes('cut short')) texts[0] += '…';
  if (how.length === 0) texts[0] = spin(texts[0]!, rand, 0.6);
  return { parts: texts, how: [...new Set(how)].join(', ') || 'spun' };
}

class PageWriter {
  text = '';
  readonly planted: PlantedSpan[] = [];

  add(s: string): void {
    this.text += s;
  }

  quote(words: string, group: string | null, how: string, marks: [string, string] = ['“', '”']): void {
    this.text += marks[0];
    this.planted.push({ start: this.text.length, end: this.text.length + words.length, group, how });
    this.text += words + marks[1];
  }
}

const upper = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function decoys(w: PageWriter, rand: Rand): void {
  const title = pick(rand, TITLES);
  w.add('Fans of ');
  w.quote(title, null, 'title');
  w.add(` still talk about the episode `);
  w.quote(pick(rand, TITLES.slice(1)), null, 'episode');
  w.add(', which critics called a ');
  w.quote(pick(rand, SCARE), null, 'scare quote');
  w.add(' of the form.\n\n');
}

/** A page quoting `count` of `groups` (the bundled groups of one interview), reworded. */
function page(id: string, outlet: string, groups: Pack['groups'], rand: Rand, count: number): GeneratedPage {
  const w = new PageWriter();
  w.add(`${outlet}: Elisabeth Moss looks back at Peggy, Don and the scene nobody scripted\n\n`);
  w.add(`Elisabeth Moss has been talking about her years on the show again, in an interview with Vanity Fair.\n\n`);
  const chosen = [...groups].sort(() => rand() - 0.5).slice(0, count);
  chosen.forEach((g, i) => {
    if (i === 1) decoys(w, rand);
    const base = pick(rand, g.variants).text;
    const { parts, how } = reword(base, rand);
    const verb = pick(rand, VERBS);
    if (parts.length === 2) {
      w.quote(parts[0]!, g.id, how);
      w.add(`, Moss ${verb}, `);
      w.quote(parts[1]!, g.id, how);
      w.add('\n\n');
    } else if (rand() < 0.5) {
      w.add(`Moss ${verb}: `);
      w.quote(upper(parts[0]!), g.id, how);
      w.add('\n\n');
    } else {
      w.quote(upper(parts[0]!), g.id, how);
      w.add(` she ${verb}.\n\n`);
    }
  });
  w.add(`The series, `);
  w.quote('Mad Men', null, 'title', ['‘', '’']);
  w.add(', is streaming now.\n');
  return { id, text: w.text, planted: w.planted };
}

/** `n` pages of one interview (the groups whose source is `source`), seeded. */
export function generatePages(pack: Pack, source: string, n: number, seed: number): GeneratedPage[] {
  const rand = seeded(seed);
  const groups = pack.groups.filter((g) => g.source === source);
  return Array.from({ length: n }, (_, i) =>
    page(`gen-${seed}-${i}`, OUTLETS[i % OUTLETS.length]!, groups, rand, 3 + Math.floor(rand() * 3)),
  );
}
