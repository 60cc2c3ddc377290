/**
 * Where each wording came from, inside a quote row: the changes of meaning first, then the family tree as
 * an SVG built with DOM calls (the original at the top, outlets by date, the page being read marked).
 * The SVG is a list (role="list"): a screen reader reads one "X follows Y" line per outlet; the lines are
 * one tab stop (↑/↓/Home/End move), and the focused line's evidence shows under the picture.
 */
import { parseDate } from '../engine/lineage/dates';
import type { GroupLineage, LineageEdge } from '../engine/lineage/lineage';
import { t } from '../shared/i18n';
import { meaningLabel } from '../shared/meaning-labels';
import { h, svg } from '../ui/dom';
import { formatDate } from './quote-row';

export interface RowLineage {
  group: GroupLineage;
  /** The document the page being read is (its corpus article, or "this page"). */
  page: string;
  names: ReadonlyMap<string, string>;
  dates: ReadonlyMap<string, string | null>;
}

/** The changes of meaning of this quote, the page's own first; null when there are none. */
export function meaningView(l: RowLineage): HTMLElement | null {
  const flags = [...l.group.meaning].sort((a, b) => Number(b.document === l.page) - Number(a.document === l.page));
  if (flags.length === 0) return null;
  return h(
    'div',
    { class: 'meaning', 'data-testid': 'meaning' },
    h('p', { class: 'meaning__heading' }, l.group.original ? t('meaningHeadingOriginal', name(l, l.group.original)) : t('meaningHeading')),
    h(
      'ul',
      { class: 'meaning__list' },
      flags.map((f) =>
        h(
          'li',
          {
            class: 'meaning__item',
            'data-verbatim-meaning': f.kind,
            'data-lineage-document': f.document,
            title: f.detail,
            'data-own': f.document === l.page ? 'true' : null,
          },
          h('span', { class: 'meaning__kind' }, meaningLabel(f.kind)),
          ' — ',
          h('strong', {}, name(l, f.document)),
          `: ${f.words}`,
        ),
      ),
    ),
  );
}

function name(l: RowLineage, id: string): string {
  return l.names.get(id) ?? id;
}

/** "X follows Y", "X follows the original", "X: where its wording came from is unclear". */
export function edgeSentence(l: RowLineage, e: LineageEdge): string {
  const child = name(l, e.document);
  if (e.unclear) return t('lineageUnclear', child);
  const parent = e.parent ?? l.group.original;
  return parent === null || parent === l.group.original ? t('lineageFollowsOriginal', child) : t('lineageFollows', child, name(l, parent));
}

/** `data-lineage-parent`: a document id, "original", or "unclear". */
function parentAttribute(l: RowLineage, e: LineageEdge): string {
  if (e.unclear) return 'unclear';
  const parent = e.parent ?? l.group.original;
  return parent === null || parent === l.group.original ? 'original' : parent;
}

const ROW = 24;
const INDENT = 16;
const TOP = 14;

export function lineageView(l: RowLineage): HTMLElement {
  const edges = l.group.tree.filter((e) => e.document !== l.group.original);
  const when = (id: string) => parseDate(l.dates.get(id) ?? null)?.start ?? Number.POSITIVE_INFINITY;
  edges.sort((a, b) => when(a.document) - when(b.document) || name(l, a.document).localeCompare(name(l, b.document)));
  // Drawn parent: an unclear edge hangs from the root, dashed — no guess is drawn.
  const drawnParent = new Map(edges.map((e) => [e.document, e.unclear ? null : e.parent === l.group.original ? null : e.parent]));
  const depth = (id: string | null, seen = 0): number =>
    id === null || seen > edges.length ? 0 : 1 + depth(drawnParent.get(id) ?? null, seen + 1);
  const row = new Map<string | null, number>([[null, 0], ...edges.map((e, i) => [e.document, i + 1] as const)]);
  const at = (id: string | null) => ({ x: 8 + (id === null ? 0 : depth(id)) * INDENT, y: TOP + row.get(id)! * ROW });
  const height = TOP + edges.length * ROW + 12;

  const detail = h('p', { class: 'lineage__detail', 'aria-live': 'polite', 'data-testid': 'lineage-detail' });
  const rootLabel = l.group.original ? t('lineageOriginal', name(l, l.group.original)) : t('lineageRoot');
  const lines = edges.map((e) => {
    const from = at(drawnParent.get(e.document) ?? null);
    const to = at(e.document);
    return svg('path', {
      class: `lineage__edge${e.unclear ? ' lineage__edge--unclear' : ''}`,
      d: `M${from.x} ${from.y} V${to.y} H${to.x - 5}`,
    });
  });
  const nodes: SVGGElement[] = [];
  const node = (id: string | null, label: string, sentence: string, evidence: string[], attrs: Record<string, string | null>) => {
    const p = at(id);
    const page = id !== null && id === l.page;
    const g = svg(
      'g',
      { class: `lineage__node${page ? ' lineage__node--page' : ''}`, role: 'listitem', tabindex: '-1', 'aria-label': sentence, ...attrs },
      svg('title', {}, [sentence, ...evidence].join('\n')),
      svg('circle', { cx: p.x, cy: p.y, r: page ? 6 : 4.5 }),
      svg('text', { x: p.x + 10, y: p.y + 4 }, label),
    );
    const show = () => {
      detail.textContent = [sentence, ...evidence].join(' · ');
    };
    g.addEventListener('focus', show);
    g.addEventListener('click', () => g.focus());
    nodes.push(g);
    return g;
  };
  const dated = (id: string) => {
    const d = l.dates.get(id);
    return `${name(l, id)} · ${d ? formatDate(d) : t('dateUnknown')}${id === l.page && name(l, id) !== t('lineageThisPage') ? ` (${t('lineageThisPage')})` : ''}`;
  };
  const rootNode = node(null, l.group.original ? dated(l.group.original) : t('lineageRootShort'), rootLabel, [], {
    'data-verbatim-root': 'true',
    'data-lineage-document': l.group.original ?? 'original',
    'data-own': l.group.original !== null && l.group.original === l.page ? 'true' : null,
  });
  const edgeNodes = edges.map((e) =>
    node(e.document, `${dated(e.document)}${e.unclear ? ' ?' : ''}`, edgeSentence(l, e), e.evidence, {
      'data-lineage-document': e.document,
      'data-lineage-parent': parentAttribute(l, e),
      'data-confidence': String(e.confidence),
      'data-own': e.document === l.page ? 'true' : null,
    }),
  );
  const picture = svg(
    'svg',
    {
      class: 'lineage__tree',
      role: 'list',
      'aria-label': t('lineageTreeLabel'),
      viewBox: `0 0 380 ${height}`,
      width: '100%',
      height: String(height),
    },
    svg('g', { 'aria-hidden': 'true' }, lines),
    rootNode,
    edgeNodes,
  );
  nodes[0]!.setAttribute('tabindex', '0');
  picture.addEventListener('keydown', (event) => {
    const i = nodes.indexOf(event.target as SVGGElement);
    if (i < 0) return;
    const next =
      event.key === 'ArrowDown'
        ? i + 1
        : event.key === 'ArrowUp'
          ? i - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? nodes.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    const target = nodes[Math.max(0, Math.min(nodes.length - 1, next))]!;
    for (const n of nodes) n.setAttribute('tabindex', n === target ? '0' : '-1');
    target.focus();
  });
  return h(
    'div',
    { class: 'lineage', 'data-verbatim-lineage': l.group.group, 'data-testid': 'lineage' },
    h('p', { class: 'lineage__heading' }, t('lineageHeading')),
    picture,
    detail,
  );
}
