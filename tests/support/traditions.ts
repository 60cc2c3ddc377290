/**
 * Copy traditions as articles (seeded): families of outlets copying one interview, each family a random
 * tree whose root is the first article to transcribe it. Every copy inherits its parent's wording, makes
 * a few edits of its own (omission, synonym, tense, ellipsis, [bracket], truncation, re-punctuation) and
 * prints it in its house style (quote marks, dashes, "OK", the Oxford comma) — edits that unrelated
 * outlets make independently. Dates follow the tree, some missing. Degenerate cases on purpose: pure
 * reprints (no edit at all) and AMP twins (the same page at another URL, same date).
 *
 * The articles are plain texts with a manifest, so callers run them through `buildPack` exactly as
 * `verbatim lineage --add` does (`traditionPack`).
 */
import { buildPackLeavingOut } from '../../src/engine/corpus/build-pack';
import type { CorpusSource, ManifestDocument } from '../../src/engine/corpus/manifest';
import type { LineageDocument } from '../../src/engine/lineage/lineage';
import type { Pack } from '../../src/engine/types';
import { rng } from '../../bench/corpus-generator';
import { editQuote, houseStyle, randomStyle, type Style } from './tradition-edits';

/** What the interview said: lists, dashes, "okay" and contractions give house styles something to change. */
const INTERVIEW = [
  'I had a very close relationship with Jon, and it meant something to the both of us when we did that scene.',
  'He held onto my hand and did not let go - none of that was in the script, and he did it on my close-up.',
  'Okay, I was nervous, I was tired, and I was honestly a little scared of the whole thing.',
  'We shot it in one take because Matt wanted it raw, quiet and real, and nobody argued with him.',
  'The costume I kept is the one from that episode, the blue dress with the white collar and the long sleeves.',
  'I think Peggy was always the one who knew exactly what she wanted - she just had to wait for the room to catch up.',
  'It was okay to be scared, he told me, because the scene was about being scared and staying anyway.',
  'People ask me if they were in love, and I always say it was something bigger, stranger and more honest than that.',
  'Every season we read the scripts at the table together, and every season somebody cried before lunch.',
  'I still have the notebook, the pen and the coffee mug from the office set, and I am not giving them back.',
];

export interface TraditionArticle {
  id: string;
  /** True parent (its document id); null for a family's root. */
  parent: string | null;
  /** The AMP copy of this article's page, or the page this AMP copy mirrors. */
  twin: string | null;
  /** The quote wordings as printed (index into the interview → text). */
  quotes: Map<number, string>;
  manifest: ManifestDocument;
  text: string;
}

export interface TraditionOptions {
  seed: number;
  /** Families (independent transcriptions of the interview) and articles per family. */
  families?: number;
  articles?: number;
  quotes?: number;
  /** Share of copies that are pure reprints (default 0.08): their wording is indistinguishable from their source's. */
  reprints?: number;
}

const HOUR = 3_600_000;
const T0 = Date.UTC(2022, 9, 12, 12);

interface Node {
  id: string;
  parent: Node | null;
  time: number;
  style: Style;
  site: string;
  outlet: string;
  quotes: Map<number, string>;
  twin: string | null;
}

/** One tradition: `families` × `articles` articles over `quotes` sentences of the interview. */
export function generateTradition(o: TraditionOptions): TraditionArticle[] {
  const rand = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chosen = [...INTERVIEW.keys()].sort(() => rand() - 0.5).slice(0, o.quotes ?? 4);
  const nodes: Node[] = [];
  let serial = 0;
  const outletNode = (parent: Node | null, quotes: Map<number, string>, time: number): Node => {
    serial++;
    const id = `a${String(serial).padStart(2, '0')}`;
    return { id, parent, time, style: randomStyle(rand), site: `${id}.example`, outlet: `Outlet ${id}`, quotes, twin: null };
  };
  for (let f = 0; f < (o.families ?? 2); f++) {
    // The family's root transcribes the interview with slips of its own.
    const rootQuotes = new Map(chosen.map((i) => [i, editQuote(INTERVIEW[i]!, 1 + Math.floor(rand() * 2), rand)]));
    const root = outletNode(null, new Map(), T0 + HOUR * rand() * 6);
    root.quotes = styled(rootQuotes, root.style);
    const family = [root];
    while (family.length < (o.articles ?? 12)) {
      const r = rand();
      const parent = rand() < 0.3 ? root : pick(family);
      const time = parent.time + HOUR * (1 + rand() * 40);
      if (r < 0.06 && !parent.twin && parent.parent) {
        // An AMP twin: the same page, same outlet and date, another URL.
        const twin: Node = { ...parent, id: `${parent.id}-amp`, parent, twin: parent.id, quotes: new Map(parent.quotes) };
        parent.twin = twin.id;
        family.push(twin);
        continue;
      }
      const node = outletNode(parent, new Map(), time);
      if (r < 0.06 + (o.reprints ?? 0.08)) {
        node.quotes = new Map(parent.quotes); // a pure reprint: not a word changed, its style kept
      } else {
        const carried = [...parent.quotes].filter(() => parent.quotes.size <= 2 || rand() < 0.9);
        const edits = new Map(carried.map(([i, text]) => [i, editQuote(text, rand() < 0.5 ? 1 : 2, rand)]));
        node.quotes = styled(edits, node.style);
      }
      family.push(node);
    }
    nodes.push(...family);
  }
  // In no particular order, as pages reach a user: document order must not hint at the tree.
  return nodes.map((n) => article(n, rand)).sort(() => rand() - 0.5);
}

function styled(quotes: Map<number, string>, style: Style): Map<number, string> {
  return new Map([...quotes].map(([i, t]) => [i, houseStyle(t, style)]));
}

function article(n: Node, rand: () => number): TraditionArticle {
  const quote = (t: string) => (n.style.curly ? `“${t.replace(/[.,]$/, '')},” Moss said.` : `"${t.replace(/[.,]$/, '')}," Moss said.`);
  const paragraphs = [...n.quotes.values()].map(quote);
  const text = [`Elisabeth Moss looks back on Mad Men`, `Elisabeth Moss talked about Mad Men in a new interview.`, ...paragraphs].join(
    '\n\n',
  );
  const dated = n.twin && n.parent?.id === n.twin ? n.parent.time : n.time;
  const own = n.twin && n.parent?.id === n.twin ? n.parent : n;
  return {
    id: n.id,
    parent: n.parent?.id ?? null,
    twin: n.twin,
    quotes: n.quotes,
    text,
    manifest: {
      id: n.id,
      file: `${n.id}.txt`,
      outlet: own.outlet,
      site: own.site,
      url: `https://${own.site}/${own === n ? '' : 'amp/'}tv/moss-mad-men`,
      title: null,
      published: rand() < 0.15 ? null : new Date(dated).toISOString(),
    },
  };
}

/** The tradition as `verbatim lineage --add` sees it: one pack built from the articles, and its lineage documents. */
export function traditionPack(articles: readonly TraditionArticle[]): { pack: Pack; documents: LineageDocument[] } {
  const source: CorpusSource = {
    manifest: { topic: 'Mad Men', documents: articles.map((a) => a.manifest) },
    texts: Object.fromEntries(articles.map((a) => [a.id, a.text])),
  };
  // As the CLI does: an article whose edits left no quote it recognises is left out (and warned of).
  const { pack } = buildPackLeavingOut(source);
  return { pack, documents: pack.documents.map((d) => ({ ...d, text: source.texts[d.id], links: [] })) };
}
