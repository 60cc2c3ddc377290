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
