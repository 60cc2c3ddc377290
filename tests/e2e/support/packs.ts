/** Pack files for the options-page import tests: a good one carrying hostile text, and broken ones. */
import type { Pack } from '../../../src/engine/types';

export const HOSTILE = '<img src=x onerror="window.__verbatimPwned=1">';

/**
 * A valid pack derived from the bundled one: new id, other outlets' articles (new URLs) printing the same
 * wordings, markup in names and speakers.
 */
export function goodPack(bundled: Pack): Pack {
  const pack = structuredClone(bundled);
  pack.id = 'extra-pack';
  pack.documents = pack.documents.map((d, i) => ({
    ...d,
    outlet: i === 0 ? `${HOSTILE}Hostile Outlet` : `Extra ${d.outlet}`,
    site: 'extra.example',
    url: `https://extra.example/${d.id}`,
  }));
  pack.groups = pack.groups.map((g, i) => (i === 0 ? { ...g, speaker: `<script>window.__verbatimPwned=2</script>${g.speaker ?? ''}` } : g));
  return pack;
}

/** Wrong version and a duplicate group id: must be refused with both reasons named. */
export function brokenPack(bundled: Pack): unknown {
  const pack = structuredClone(bundled) as unknown as Record<string, unknown> & { groups: { id: string }[] };
  pack.id = 'broken-pack';
  pack.version = 99;
  pack.groups[1]!.id = pack.groups[0]!.id;
  return pack;
}

/** A deterministic generator (mulberry32): the same large pack on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid pack of about `bytes` bytes, shaped like one `verbatim build-pack` makes of a season of news:
 * many stories, each quoted by four outlets (one of them dropping a word), ten quotes a story.
 */
export function largePack(bundled: Pack, bytes: number): Pack {
  const rnd = random(7);
  const syllables = ['ka', 'lo', 'mi', 'ter', 'ran', 'so', 'vel', 'dor', 'pa', 'qui', 'nes', 'tra', 'bel', 'fo', 'gu'];
  const common = ['the', 'we', 'I', 'said', 'would', 'never', 'show', 'season', 'scene', 'script', 'really', 'people'];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const word = () => (rnd() < 0.25 ? pick(common) : Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(syllables)).join(''));
  const pack: Pack = { ...structuredClone(bundled), id: 'large-pack', documents: [], groups: [] };
  let size = JSON.stringify(pack).length;
  for (let story = 1; size < bytes; story++) {
    const documents = [0, 1, 2, 3].map((o) => ({
      id: `s${story}-o${o}`,
      outlet: `Outlet ${o}`,
      site: `o${o}.example`,
      url: `https://o${o}.example/story-${story}`,
      title: `Story ${story}`,
      published: '2024-01-02',
    }));
    pack.documents.push(...documents);
    for (let q = 0; q < 10; q++) {
      const said = `${Array.from({ length: 12 + Math.floor(rnd() * 10) }, word).join(' ')} story${story} quote${q}`;
      const group = {
        id: `s${story}-q${q}`,
        speaker: 'A Speaker',
        source: null,
        consensus: said,
        variants: documents.map((d, o) => {
          const text = o === 3 ? said.replace(/^\S+ /, '') : said;
          return {
            document: d.id,
            text,
            start: q * 300,
            end: q * 300 + text.length,
            change: [o === 3 ? 'omitted' : 'identical'] as Pack['groups'][number]['variants'][number]['change'],
          };
        }),
      };
      pack.groups.push(group);
      size += JSON.stringify(group).length + 1;
    }
    size += JSON.stringify(documents).length;
  }
  return pack;
}
