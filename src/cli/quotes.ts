/**
 * `verbatim quotes [--json] [--pack FILE | --corpus DIR]`: every quote group with its speaker,
 * source and each outlet's wording as a word diff against the consensus.
 */
import { CHANGE_INFO } from '../engine/compare/taxonomy';
import type { Pack, QuoteGroup } from '../engine/types';
import { wordDiff } from '../engine/compare/word-diff';
import { parseArgs } from './args';
import { CliError, type CliIO, type Command } from './command';
import { loadPack } from './pack-source';

export const command: Command = async (args, io) => {
  const parsed = parseArgs(args, ['--json'], { '--pack': 'pack', '--corpus': 'corpus' });
  if (parsed.positionals.length > 0) throw new CliError(`unexpected argument "${parsed.positionals[0]}"`, 2);
  const pack = await loadPack({ pack: parsed.values.get('pack'), corpus: parsed.values.get('corpus') });
  io.stdout.write(parsed.flags.has('--json') ? JSON.stringify(quotesJson(pack), null, 2) + '\n' : renderText(pack, useColour(io)));
  return 0;
};

/** The `--json` shape, exactly: {"groups": [{id, speaker, source, consensus, variants: [{document, outlet, text, change}]}]}. */
export function quotesJson(pack: Pack): { groups: unknown[] } {
  const outlets = new Map(pack.documents.map((d) => [d.id, d.outlet]));
  return {
    groups: pack.groups.map((g) => ({
      id: g.id,
      speaker: g.speaker,
      source: g.source,
      consensus: g.consensus,
      variants: g.variants.map((v) => ({
        document: v.document,
        outlet: outlets.get(v.document) ?? v.document,
        text: v.text,
        change: v.change,
      })),
    })),
  };
}

/** Colour when writing to a terminal, or when FORCE_COLOR asks for it; NO_COLOR turns it off. */
export function useColour(io: CliIO, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', dim: '\x1b[2m', bold: '\x1b[1m', strike: '\x1b[9m', reset: '\x1b[0m' };

export function renderText(pack: Pack, colour: boolean): string {
  const outlets = new Map(pack.documents.map((d) => [d.id, d.outlet]));
  const blocks = pack.groups.map((g) => renderGroup(g, outlets, colour));
  const legend = colour ? `${ANSI.red}${ANSI.strike}removed${ANSI.reset} ${ANSI.green}added${ANSI.reset}` : '[-removed-] {+added+}';
  return `${pack.groups.length} quote groups from ${pack.documents.length} articles (${legend}, vs the consensus)\n\n${blocks.join('\n')}`;
}

function renderGroup(g: QuoteGroup, outlets: ReadonlyMap<string, string>, colour: boolean): string {
  const who = `${g.speaker ?? 'unknown speaker'}${g.source ? ` — ${g.source}` : ''}`;
  const head = colour ? `${ANSI.bold}${g.id}${ANSI.reset} ${who}` : `${g.id}  ${who}`;
  const lines = [head, `  consensus: “${g.consensus}”`];
  const width = Math.max(...g.variants.map((v) => (outlets.get(v.document) ?? v.document).length));
  for (const v of g.variants) {
    const outlet = (outlets.get(v.document) ?? v.document).padEnd(width);
    const kinds = v.change.map((k) => CHANGE_INFO[k].label).join(', ');
    lines.push(`  ${outlet}  ${renderDiff(g.consensus, v.text, colour)}  ${colour ? ANSI.dim : ''}(${kinds})${colour ? ANSI.reset : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** The variant over the consensus: removed words marked [-…-] (or red), added ones {+…+} (or green). */
export function renderDiff(consensus: string, variant: string, colour: boolean): string {
  return wordDiff(consensus, variant)
    .map((part) => {
      if (part.op === 'same') return part.text;
      if (colour) return `${part.op === 'removed' ? ANSI.red + ANSI.strike : ANSI.green}${part.text}${ANSI.reset}`;
      return part.op === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`;
    })
    .join('');
}
