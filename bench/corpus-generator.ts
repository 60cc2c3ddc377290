/**
 * Seeded generator of corpus-shaped input for benchmarks: stories (one speaker, a few utterances)
 * retold by several outlets, each wording the quotes a little differently — typos, omissions,
 * bracketed insertions, tense changes, typography, truncation, sentences glued with an ellipsis.
 * Same seed ⇒ same corpus.
 */
import type { CorpusSource } from '../src/engine/corpus/manifest';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba be bi bo da de di do fa fe ka ke ki ko la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo'.split(
    ' ',
  );
const GLUE = "I we you it that the a of to and in was have had don't didn't it's really very just like so but".split(' ');
const FIRST = 'Anna Ben Carla Dev Elena Farid Greta Hugo Ines Jon Kira Liam Mona Nils Olga Pavel Rosa Sami Tara Uma'.split(' ');
const OUTLETS = 'Daily Ledger|Screen Post|The Reel|Stagewire|Pop Courier|Night Desk|Frame Report|Cue Times'.split('|');
const VENUES = ['Vanity Fair', 'Variety', 'Vulture', 'Rolling Stone', 'Esquire', 'GQ'];

interface Story {
  speaker: string;
  venue: string;
  sentences: string[];
}

export function generateCorpus(articles: number, seed = 42): CorpusSource {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const vocab = Array.from({ length: 4000 }, () => pick(SYLLABLES) + pick(SYLLABLES) + (rand() < 0.5 ? pick(SYLLABLES) : ''));
  const word = (): string => (rand() < 0.35 ? pick(GLUE) : vocab[Math.floor(vocab.length * rand() * rand())]!);
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, word);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    return words.join(' ') + '.';
  };
  const stories: Story[] = Array.from({ length: Math.max(5, Math.ceil(articles / 5)) }, () => ({
    speaker: `${pick(FIRST)} ${cap(pick(vocab))}`,
    venue: pick(VENUES),
    sentences: Array.from({ length: 4 + Math.floor(rand() * 5) }, sentence),
  }));
  const documents: CorpusSource['manifest']['documents'] = [];
  const texts: Record<string, string> = {};
  for (let i = 0; i < articles; i++) {
    const id = `a${String(i).padStart(5, '0')}`;
    documents.push({ id, file: `${id}.txt`, outlet: pick(OUTLETS), site: null, url: null, title: null, published: null });
    texts[id] = article(pick(stories), rand);
  }
  return { manifest: { topic: 'Bench Topic', documents }, texts };
}

function cap(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

function article(story: Story, rand: () => number): string {
  const curly = rand() < 0.6;
  const [open, close] = curly ? ['\u201C', '\u201D'] : ['"', '"'];
  const surname = story.speaker.split(' ')[1]!;
  const chosen = story.sentences.filter(() => rand() < 0.75);
  if (chosen.length === 0) chosen.push(story.sentences[0]!);
  const paras = [
    `${story.speaker} talks about the new season`,
    `Speaking to ${story.venue} in a new interview, ${story.speaker} looked back on the show.`,
  ];
  for (let k = 0; k < chosen.length; k += 2) {
    let body = vary(chosen[k]!, rand, curly);
    const next = chosen[k + 1];
    if (next) body += (rand() < 0.05 ? ' ... ' : ' ') + vary(next, rand, curly);
    paras.push(`${open}${body.replace(/\.$/, ',')}${close} ${surname} said.`);
  }
  return paras.join('\n\n') + '\n';
}

/** One outlet's wording of a sentence. */
function vary(sentence: string, rand: () => number, curly: boolean): string {
  let words = sentence.slice(0, -1).split(' ');
  if (rand() < 0.2) words = words.map((w) => (w === 'have' ? 'had' : w === 'had' ? 'have' : w));
  if (rand() < 0.15 && words.length > 6) words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  if (rand() < 0.1) {
    const at = Math.floor(rand() * words.length);
    const w = words[at]!;
    if (w.length > 4) words[at] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
  }
  if (rand() < 0.1) words.splice(1 + Math.floor(rand() * (words.length - 1)), 0, '[Smith]');
  if (rand() < 0.05 && words.length > 10) words = words.slice(0, Math.ceil(words.length * 0.7));
  let text = words.join(' ') + '.';
  if (curly) text = text.replace(/'/g, '\u2019');
  return text;
}
