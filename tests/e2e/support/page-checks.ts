/**
 * What the tests read from a page with highlights, the same in both browsers:
 * evaluated in the page, so it sees the real DOM after the extension ran.
 */
export interface MarkInfo {
  group: string;
  text: string;
  /** The closest landmark the mark sits in: article, header, nav, aside, footer or body. */
  landmark: string;
}

/** Runs in the page (serialised by the driver): keep it self-contained. */
export function readMarks(): MarkInfo[] {
  return Array.from(document.querySelectorAll('mark.verbatim-quote')).map((m) => ({
    group: m.getAttribute('data-verbatim-group') ?? '',
    text: m.textContent ?? '',
    landmark: m.closest('article, header, nav, aside, footer')?.tagName.toLowerCase() ?? 'body',
  }));
}

/**
 * Runs in the page: the lowest contrast ratio (WCAG) of any mark's text against the mark's own background,
 * or false when that is under `atLeast` (so it can be waited for).
 */
export function lowestMarkContrast(atLeast = 0): number | false {
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  let lowest = Infinity;
  for (const m of Array.from(document.querySelectorAll('mark.verbatim-quote'))) {
    const s = getComputedStyle(m);
    const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
    lowest = Math.min(lowest, (a! + 0.05) / (b! + 0.05));
  }
  return lowest >= atLeast && lowest;
}

/** Runs in the popup page. An outlet's `q` may hold a word diff: its own wording is the text minus <del> and screen-reader labels. */
export function readPopup(): {
  status: string;
  rows: { group: string; text: string; outlets: { document: string; text: string; href: string | null }[] }[];
} {
  const wording = (q: Element | null): string => {
    if (!q) return '';
    const copy = q.cloneNode(true) as Element;
    copy.querySelectorAll('del, .vh').forEach((n) => n.remove());
    return copy.textContent ?? '';
  };
  const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
  const rows = Array.from(document.querySelectorAll('[data-testid="quotes"] > li')).map((li) => ({
    group: li.getAttribute('data-verbatim-group') ?? '',
    text: (li.querySelector('[data-testid="quote-text"]') ?? li.querySelector('blockquote'))?.textContent ?? '',
    outlets: Array.from(li.querySelectorAll('[data-verbatim-document]')).map((o) => ({
      document: o.getAttribute('data-verbatim-document') ?? '',
      text: wording(o.querySelector('q')),
      href: o.querySelector('a')?.getAttribute('href') ?? null,
    })),
  }));
  return { status, rows };
}
