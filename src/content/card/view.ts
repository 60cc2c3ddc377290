/**
 * The card's content, built from nodes only (page and corpus text is untrusted: no markup strings).
 * Shows the speaker, the original source when known, how many corpus outlets carry the quote, and a
 * compact word diff of each distinct outlet wording against this page's wording, presented as the popup
 * presents it (src/ui/diff-view.ts).
 */
import { wordDiff } from '../../engine/compare/word-diff';
import type { QuoteMatch } from '../../engine/match/match';
import type { MeaningFlag } from '../../engine/lineage/meaning';
import { t } from '../../shared/i18n';
import type { StepShortcuts } from '../../shared/shortcuts';
import { meaningLabel } from '../../shared/meaning-labels';
import { repeatedNote, wordingsPerDocument } from '../../shared/repeated-quotes';
import { diffNodes } from '../../ui/diff-view';
import { h } from '../../ui/dom';

export interface CardQuote {
  quote: QuoteMatch;
  source: string | null;
  /** How this page's wording changes what was said (the background's `card-details`). */
  meaning?: MeaningFlag[];
  meaningAgainst?: 'original' | 'consensus';
  /** Where the quote is among the page's quotes, when the reader stepped to it ("Quote 3 of 11"). */
  position?: { index: number; count: number };
  /** The step shortcuts as bound now, shown at the foot of the card. */
  shortcuts?: StepShortcuts;
}

/** A short warning when the page's wording changes what was said: the first change, and how many more. */
function meaningWarning(flags: readonly MeaningFlag[] | undefined, against: CardQuote['meaningAgainst']): HTMLElement | null {
  if (!flags?.length) return null;
  const first = flags[0]!;
  const what = `${meaningLabel(first.kind)} (${first.words})${flags.length > 1 ? ` +${flags.length - 1}` : ''}`;
  return h(
    'p',
    {
      class: 'meaning',
      role: 'note',
      'data-testid': 'card-meaning',
      'data-kind': first.kind,
      title: flags.map((f) => f.detail).join('\n'),
    },
    '⚠ ',
    t('cardMeaning', against === 'original' ? t('cardMeaningOriginal') : t('cardMeaningConsensus'), what),
  );
}

/** Outlet wordings shown at most; the popup has the rest. */
const MAX_WORDINGS = 3;
/**
 * Distinct wordings, each with the outlets that use it, most outlets first. An article that quotes the line
 * more than once is in several rows: each says so, as the popup does, rather than list the outlet twice unexplained.
 */
function wordings(quote: QuoteMatch): { text: string; outlets: string[] }[] {
  const times = wordingsPerDocument(quote.outlets);
  const byText = new Map<string, Set<string>>();
  for (const o of quote.outlets) {
    const n = times.get(o.document)!;
    const set = byText.get(o.text) ?? new Set<string>();
    set.add(n > 1 ? `${o.outlet} (${repeatedNote(n)})` : o.outlet);
    byText.set(o.text, set);
  }
  return [...byText].map(([text, outlets]) => ({ text, outlets: [...outlets] })).sort((a, b) => b.outlets.length - a.outlets.length);
}

export function outletCount(quote: QuoteMatch): number {
  return new Set(quote.outlets.map((o) => o.outlet)).size;
}

export function cardContent(
  { quote, source, meaning, meaningAgainst, position, shortcuts }: CardQuote,
  onCompare: () => void,
): HTMLElement {
  const rows = wordings(quote);
  const shown = rows.slice(0, MAX_WORDINGS);
  return h(
    'section',
    { class: 'card', role: 'dialog', 'aria-label': t('cardTitle') },
    position && h('p', { class: 'position', 'data-testid': 'card-position' }, t('cardPosition', position.index + 1, position.count)),
    h('p', { class: 'speaker', 'data-testid': 'card-speaker' }, quote.speaker ?? t('cardSpeakerUnknown')),
    meaningWarning(meaning, meaningAgainst),
    source ? h('p', { class: 'source', 'data-testid': 'card-source' }, t('cardSource', source)) : null,
    h('p', { class: 'count', 'data-testid': 'card-outlets', 'data-count': outletCount(quote) }, t('cardOutlets', outletCount(quote))),
    h(
      'ul',
      { class: 'diffs' },
      shown.map((row) => {
        const parts = wordDiff(quote.text, row.text);
        const same = parts.every((p) => p.op === 'same');
        const titles = { added: t('cardAdded'), removed: t('cardRemoved') };
        return h(
          'li',
          {},
          h('span', { class: 'outlets' }, row.outlets.join(', ')),
          same
            ? h('span', { class: 'same' }, t('cardSameWording'))
            : h('span', { class: 'diff' }, diffNodes(parts, { compact: true, titles })),
        );
      }),
    ),
    rows.length > shown.length ? h('p', { class: 'more' }, t('cardMoreWordings', rows.length - shown.length)) : null,
    h('button', { type: 'button', class: 'compare', onclick: () => onCompare() }, t('cardCompare')),
    h('p', { class: 'hint', hidden: true, 'data-testid': 'card-hint' }, t('cardCompareHint')),
    shortcutsLine(shortcuts),
  );
}

/** "Alt+Shift+J / Alt+Shift+K: next / previous quote", with only the keys that are bound. */
function shortcutsLine(shortcuts: StepShortcuts | undefined): HTMLElement | null {
  if (!shortcuts || (!shortcuts.next && !shortcuts.previous)) return null;
  const keys = [
    shortcuts.next && t('cardShortcutNext', shortcuts.next),
    shortcuts.previous && t('cardShortcutPrevious', shortcuts.previous),
  ];
  return h('p', { class: 'keys', 'data-testid': 'card-shortcuts' }, keys.filter(Boolean).join(' · '));
}

/** Styles inside the shadow root: the page cannot reach them, and they cannot reach the page. */
export const CARD_CSS = `
:host { all: initial; }
.card { box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: 50vh; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fffdf5; border: 1px solid #8a6d00;
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 10px 12px; }
p { margin: 0 0 4px; }
.speaker { font-weight: 600; }
.source, .count, .more { color: #444; }
ul { list-style: none; margin: 6px 0; padding: 0; }
li { margin: 0 0 6px; }
.outlets { display: block; font-size: 11px; color: #555; text-transform: uppercase; letter-spacing: .02em; }
del { text-decoration: line-through 2px; color: #8b0000; background: #fde2e2; }
ins { text-decoration: underline 2px; text-underline-offset: 2px; color: #0b5a1c; background: #dcf5e0; }
ins.diff-punct, del.diff-punct { background: transparent; text-decoration-thickness: 1px; text-decoration-style: dotted; }
.same { font-style: italic; color: #444; }
button { font: inherit; margin-top: 4px; padding: 3px 10px; border: 1px solid #8a6d00; border-radius: 4px; background: #ffe066; color: #1b1b1b; cursor: pointer; }
button:focus-visible { outline: 2px solid #1b1b1b; outline-offset: 2px; }
.hint { margin-top: 6px; font-weight: 600; }
.position { font-weight: 600; color: #5c4700; }
.keys { margin-top: 6px; font-size: 12px; color: #444; }
.meaning { margin: 4px 0 6px; padding: 4px 6px; border-left: 3px solid #8b0000; background: #fde2e2; color: #5c1010; font-weight: 600; }
[hidden] { display: none; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .card { color: #f2f2f2; background: #23201a; border-color: #c9a227; }
  .source, .count, .more, .same, .keys { color: #ccc; } .position { color: #e6c65a; } .outlets { color: #bbb; }
  del { color: #ffb4b4; background: #4a1f1f; } ins { color: #b6f0c0; background: #1d3d24; }
  ins.diff-punct, del.diff-punct { background: transparent; }
  .meaning { color: #ffd0cc; background: #4a1a1a; border-left-color: #ffb4b4; }
}
`;
