/**
 * Word-level keys the matcher compares beyond the exact normalised key of `normalize.ts`:
 * a consonant skeleton (respelled names), a crude lemma (tense/number changes) and a
 * stopword test (what counts as "content" when deciding whether a match is real).
 */

/**
 * Function words and very common verbs/adverbs. A match made only of these is never evidence
 * of a quote ("I had a very", "that right there is", "the only", "in the script" all fail the
 * content-token gate because at most one of their words is outside this list).
 */
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being " +
    "below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down " +
    "during each even ever every few for from further get gets got gonna had hadn't has hasn't have haven't having he " +
    "he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it " +
    "it's its itself just know let's like made make many may me might more most much must mustn't my myself no nor not " +
    'now of off often on once one only or other ought our ours ourselves out over own really right said same say says ' +
    "shan't she she'd she'll she's should shouldn't so some sort still such than that that's the their theirs them " +
    "themselves then there there's these they they'd they'll they're they've thing things think this those though " +
    "through to too under until up upon us very was wasn't way we we'd we'll we're we've well were weren't what " +
    "what's when when's where where's which while who who's whom why why's will with won't would wouldn't yeah yes " +
    "yet you you'd you'll you're you've your yours yourself yourselves actually kind lot going go went want wanted"
  ).split(' '),
);

/** True for words that carry meaning of their own (not in the stopword list, not a lone digit/letter). */
export function isContentWord(key: string): boolean {
  return key.length > 1 && !STOPWORDS.has(key);
}

/**
 * Consonant skeleton: first letter kept, later vowels dropped, doubled letters collapsed, and a few
 * spelling alternations folded, so names respelled by hand or by machine translation collide:
 * Jon/John → "jn", Hamm/Ham → "hm", Olson/Olsen → "olsn", Elisabeth/Elizabeth → "elsbt".
 * Only used for words of 3+ letters; short words must match exactly.
 */
export function skeleton(key: string): string {
  // One pass (a page resolves thousands of distinct words): ph→f, c/q/ck→k, z→s; after the first
  // letter drop vowels and "h" (what respellings change: John/Jon, Elisabeth/Elisabet); collapse doubles.
  let out = '';
  let last = '';
  for (let i = 0; i < key.length; i++) {
    let c = key[i]!;
    if (c === "'") continue;
    if (c === 'p' && key[i + 1] === 'h') {
      c = 'f';
      i++;
    } else if (c === 'c' || c === 'q') c = 'k';
    else if (c === 'z') c = 's';
    if (out.length > 0 && (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'h')) continue;
    if (c === last) continue;
    out += c;
    last = c;
  }
  return out;
}

/** Irregular forms folded to one lemma: a tense change (had/have, is/was) is a small edit, not a new word. */
const IRREGULAR: Record<string, string> = {
  has: 'have',
  had: 'have',
  having: 'have',
  "'ve": 'have',
  is: 'be',
  was: 'be',
  are: 'be',
  were: 'be',
  been: 'be',
  being: 'be',
  am: 'be',
  does: 'do',
  did: 'do',
  done: 'do',
  doing: 'do',
  says: 'say',
  said: 'say',
  saying: 'say',
  gets: 'get',
  got: 'get',
  gotten: 'get',
  goes: 'go',
  went: 'go',
  gone: 'go',
  makes: 'make',
  made: 'make',
  feels: 'feel',
  felt: 'feel',
  keeps: 'keep',
  kept: 'keep',
  thinks: 'think',
  thought: 'think',
  holds: 'hold',
  held: 'hold',
  asks: 'ask',
  asked: 'ask',
  "doesn't": "don't",
  "didn't": "don't",
  "isn't": "aren't",
  "wasn't": "aren't",
  "weren't": "aren't",
  "hasn't": "haven't",
  "hadn't": "haven't",
};

/** A crude lemma: irregular table, then a regular suffix strip for words long enough to keep a stem. */
export function lemma(key: string): string {
  const irregular = IRREGULAR[key];
  if (irregular) return irregular;
  if (key.length >= 6 && key.endsWith('ing')) return key.slice(0, -3);
  if (key.length >= 5 && key.endsWith('ed')) return key.slice(0, -2);
  if (key.length >= 4 && key.endsWith("'s")) return key.slice(0, -2);
  if (key.length >= 4 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/** Key used for seeding: skeleton for words of 3+ letters (tolerates respelling), the word itself otherwise. */
export function seedKey(key: string): string {
  return key.length >= 3 ? skeleton(key) || key : key;
}
