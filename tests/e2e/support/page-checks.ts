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
