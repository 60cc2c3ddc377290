/**
 * Readers for the popup and options pages, shared by the Chromium and Firefox UI tests. Every function
 * passed to `evaluate` is serialised by the driver: keep those self-contained.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface StatusInfo {
  kind: string;
  text: string;
  counts: string;
  own: string;
  why: { term: string; where: string; text: string }[];
}

export function readStatus(): StatusInfo {
  const s = document.querySelector('[data-testid="status"]');
  return {
    kind: s?.getAttribute('data-status') ?? '',
    text: s?.textContent ?? '',
    counts: s?.querySelector('[data-testid="status-counts"]')?.textContent ?? '',
    own: s?.querySelector('[data-testid="status-own"]')?.textContent ?? '',
    why: Array.from(s?.querySelectorAll('[data-testid="why"] li') ?? []).map((li) => ({
      term: li.getAttribute('data-term') ?? '',
      where: li.getAttribute('data-where') ?? '',
      text: li.textContent ?? '',
    })),
  };
}

export interface RowInfo {
  group: string;
  text: string;
  outletsChip: string;
  differs: boolean;
  expanded: boolean;
  comparisonVisible: boolean;
}

/** Rows of a quote list (`quotes` on a page, `corpus-quotes` when browsing), visible ones only. */
export function readRows(testid: string): RowInfo[] {
  return Array.from(document.querySelectorAll(`[data-testid="${testid}"] > li`))
    .filter((li) => !(li as HTMLElement).hidden)
    .map((li) => ({
      group: li.getAttribute('data-verbatim-group') ?? '',
      text: li.querySelector('[data-testid="quote-text"]')?.textContent ?? '',
      outletsChip: li.querySelector('[data-testid="chip-outlets"]')?.textContent ?? '',
      differs: li.querySelector('[data-testid="chip-differs"]') !== null,
      expanded: li.querySelector('.quote__toggle')?.getAttribute('aria-expanded') === 'true',
      comparisonVisible: (() => {
        const c = li.querySelector('[data-testid="comparison"]') as HTMLElement | null;
        return !!c && !c.hidden && c.getBoundingClientRect().height > 0;
      })(),
    }));
}

export interface OutletLineInfo {
  document: string;
  own: boolean;
  consensus: boolean;
  name: string;
  href: string | null;
  date: string;
  wording: string;
  ins: string[];
  del: string[];
  srLabels: string[];
  /** Computed text-decoration of the first <ins>/<del>, to prove the marks read without colour. */
  insDecoration: string;
  delDecoration: string;
  kinds: string[];
}

export function readComparison(group: string): OutletLineInfo[] {
  const li = document.querySelector(`li[data-verbatim-group="${group}"]`);
  return Array.from(li?.querySelectorAll('.outlet') ?? []).map((o) => {
    const q = o.querySelector('q')!;
    const copy = q.cloneNode(true) as Element;
    copy.querySelectorAll('del, .vh').forEach((n) => n.remove());
    const text = (sel: string) =>
      Array.from(q.querySelectorAll(sel)).map((e) => {
        const c = e.cloneNode(true) as Element;
        c.querySelectorAll('.vh').forEach((n) => n.remove());
        return c.textContent ?? '';
      });
    const ins = q.querySelector('ins');
    const del = q.querySelector('del');
    return {
      document: o.getAttribute('data-verbatim-document') ?? '',
      own: o.hasAttribute('data-own'),
      consensus: o.hasAttribute('data-consensus'),
      name: o.querySelector('.outlet__name')?.textContent ?? '',
      href: o.querySelector('a')?.getAttribute('href') ?? null,
      date: o.querySelector('.outlet__date')?.textContent ?? '',
      wording: copy.textContent ?? '',
      ins: text('ins'),
      del: text('del'),
      srLabels: Array.from(q.querySelectorAll('.vh')).map((e) => e.textContent ?? ''),
      insDecoration: ins ? getComputedStyle(ins).textDecorationLine : '',
      delDecoration: del ? getComputedStyle(del).textDecorationLine : '',
      kinds: Array.from(o.querySelectorAll('.kind')).map((k) => k.textContent ?? ''),
    };
  });
}

export function readFidelity(): { document: string; text: string }[] {
  return Array.from(document.querySelectorAll('[data-testid="fidelity"] li[data-verbatim-document]')).map((li) => ({
    document: li.getAttribute('data-verbatim-document') ?? '',
    text: li.textContent ?? '',
  }));
}

/** axe-core's source, injected into extension pages by `evaluate` (the driver bypasses the page CSP). */
export function axeSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs in the page after `axeSource()` was evaluated there. */
export async function runAxe(): Promise<AxeViolation[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
      };
    }
  ).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Render timings the popup writes on its root after the first render. */
export function readTimings(): { renderMs: number; loadMs: number; readyAt: number } {
  const app = document.getElementById('app')!;
  return { renderMs: Number(app.dataset.renderMs), loadMs: Number(app.dataset.loadMs), readyAt: Number(app.dataset.readyAt) };
}

export interface FontSizes {
  /** Smallest computed font size (px) of the quote texts on show. */
  quoteMin: number;
  /** Visible elements with their own text below `floor` px: `selector-ish text…: size`. */
  small: string[];
  /** How many visible text elements were measured. */
  measured: number;
}

/**
 * Computed font sizes of what a reader sees: every visible element with text of its own (screen-reader
 * only text excluded), and the quote texts. Chrome styles extension pages' body at 75 %, so sizes set
 * on :root alone shrink there and not in Firefox.
 */
export function readFontSizes(floor: number): FontSizes {
  const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
  const visible = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.vh');
  };
  const texts = Array.from(document.body.querySelectorAll('*')).filter(
    (e) => visible(e) && Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
  );
  const quotes = Array.from(document.querySelectorAll('[data-testid="quote-text"]')).filter(visible).map(size);
  return {
    quoteMin: quotes.length ? Math.min(...quotes) : NaN,
    small: texts
      .filter((e) => size(e) < floor)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: "${(e.textContent ?? '').trim().slice(0, 30)}" ${size(e)}px`),
    measured: texts.length,
  };
}
