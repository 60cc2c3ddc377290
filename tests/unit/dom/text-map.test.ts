/**
 * The offset map must send engine spans to exactly the right text in the DOM: `markSpans` highlights
 * exactly the span the engine returned, whatever markup sits around it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, type TextMap } from '../../../src/dom/text-map';
import { markSpans, unhighlight } from '../../../src/content/highlight';
import type { QuoteSpan } from '../../../src/shared/messages';
import { resolveSpan, type ResolvedSpan } from '../../../src/content/resolved-span';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Engine spans resolved to the DOM, as a pass does before marking. */
function resolved(map: TextMap, spans: QuoteSpan[]): ResolvedSpan[] {
  return spans.flatMap((span) => {
    const r = resolveSpan(map, span);
    expect(r, `${span.start}-${span.end} in the DOM`).not.toBeNull();
    return r!;
  });
}

/** Highlights `needle` wherever the engine text has it, and returns the marked text per mark group. */
function markNeedle(root: HTMLElement, needle: string): { engineText: string; marked: string } {
  const map = buildTextMap(root);
  const start = map.text.indexOf(needle);
  expect(start, `"${needle}" in ${JSON.stringify(map.text)}`).toBeGreaterThanOrEqual(0);
  markSpans(map, resolved(map, [{ start, end: start + needle.length, group: 'g1' }]));
  const marked = Array.from(root.querySelectorAll('mark.verbatim-quote'))
    .map((m) => m.textContent)
    .join('');
  return { engineText: map.text, marked };
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('buildTextMap', () => {
  it('joins inline elements into continuous text and breaks blocks and <br>', () => {
    const root = page('<h1>Title</h1><p>That <em>right</em> <a href="#">there</a> is real.</p><p>Line<br>two</p>');
    expect(buildTextMap(root).text).toBe('Title\nThat right there is real.\nLine\ntwo\n');
  });

  it('skips scripts, styles, templates, form fields, editable and hidden regions and Verbatim UI', () => {
    document.head.innerHTML = '<style>.gone{display:none}</style>';
    const root = page(
      '<p>A<script>var s="x"</script>B</p><style>p{}</style><template><p>T</p></template><textarea>typed</textarea>' +
        '<div contenteditable="true">draft</div><div hidden>H</div><div class="gone">G</div><span style="visibility:hidden">V</span>' +
        '<div data-verbatim-ui>card</div><p>C</p>',
    );
    expect(buildTextMap(root).text.replace(/\n/g, '|')).toBe('AB|C|');
  });

  it('keeps text length for length, turning source newlines and tabs into spaces', () => {
    const root = page('<p>one\n\ttwo</p>');
    expect(buildTextMap(root).text).toBe('one  two\n');
  });
});

describe('highlight through the text map', () => {
  const quote = 'That right there is the real Jon.';

  it('marks exactly the span across nested inline markup', () => {
    const root = page(
      `<p>Moss said: “That <em>right <strong>there</strong></em> is <a href="#x">the <span>real</span></a> Jon.” Then left.</p>`,
    );
    expect(markNeedle(root, quote).marked).toBe(quote);
  });

  it('is not thrown off by comments, scripts in the body, entities and non-breaking spaces', () => {
    const root = page(
      `<p>Intro &amp; more<!-- a comment --></p><script>var q = "That right there is the real Jon.";</script>` +
        `<p>She said “That&nbsp;right there is <!-- x -->the real&nbsp;Jon.” &mdash; and smiled.</p>`,
    );
    const { marked } = markNeedle(root, 'That\u00a0right there is the real\u00a0Jon.');
    expect(marked).toBe('That\u00a0right there is the real\u00a0Jon.');
    expect(root.querySelector('script')!.textContent).toContain('That right there');
    expect(root.querySelector('script mark')).toBeNull();
  });

  it('stays aligned after hidden text and text outside the visible flow', () => {
    document.head.innerHTML = '<style>.sr{display:none}</style>';
    const root = page(`<div class="sr">hidden words before</div><p>x <span hidden>y</span> ${quote} z</p>`);
    expect(markNeedle(root, quote).marked).toBe(quote);
  });

  it('sets the DOM contract and restores the DOM exactly when removed', () => {
    const html = `<p>Moss said: “That <em>right there</em> is the real Jon.”</p><p>More.</p>`;
    const root = page(html);
    const before = root.innerHTML;
    markNeedle(root, quote);
    const mark = root.querySelector('mark')!;
    expect(mark.className).toBe('verbatim-quote');
    expect(mark.getAttribute('data-verbatim-group')).toBe('g1');
    unhighlight(root);
    expect(root.innerHTML).toBe(before);
  });

  it('marks several spans with their own groups', () => {
    const root = page('<p>alpha beta gamma</p><p>delta <i>epsilon</i> zeta</p>');
    const map = buildTextMap(root);
    const a = map.text.indexOf('beta');
    const b = map.text.indexOf('epsilon zeta');
    markSpans(
      map,
      resolved(map, [
        { start: a, end: a + 4, group: 'one' },
        { start: b, end: b + 12, group: 'two' },
      ]),
    );
    const marks = Array.from(root.querySelectorAll('mark')).map((m) => [m.getAttribute('data-verbatim-group'), m.textContent]);
    expect(marks).toEqual([
      ['one', 'beta'],
      ['two', 'epsilon'],
      ['two', ' zeta'],
    ]);
  });
});

describe('resumable walk and per-span marking', () => {
  it('gives the same map whether walked at once or in many small steps', async () => {
    const { textMapBuilder } = await import('../../../src/dom/text-map');
    const root = page('<h1>Title</h1>' + '<p>one <em>two</em> three<br>four <a href="#">five</a></p>'.repeat(200));
    const whole = buildTextMap(root);
    const builder = textMapBuilder(root);
    let steps = 0;
    let calls = 0;
    while (!builder.step(() => ++calls % 2 === 0)) steps++;
    expect(steps).toBeGreaterThan(5);
    expect(builder.map().text).toBe(whole.text);
    expect(builder.map().segments.map((s) => [s.textStart, s.length])).toEqual(whole.segments.map((s) => [s.textStart, s.length]));
  });

  it('marks exactly each span one at a time, last first, with several quotes sharing text nodes', () => {
    const root = page(
      '<p>Intro <!-- c --><script>var x = "alpha beta";</script>alpha beta &amp; gamma <em>delta</em> epsilon&nbsp;zeta eta theta.</p><p>iota <b>kappa</b></p>',
    );
    const map = buildTextMap(root);
    const want = ['alpha beta', 'gamma delta epsilon\u00a0zeta', 'theta.\niota kappa'];
    // Resolved once, before any marking: the points of earlier spans must survive marking later ones.
    const spans = resolved(
      map,
      want.map((w, i) => ({ start: map.text.indexOf(w), end: map.text.indexOf(w) + w.length, group: `g${i}` })),
    );
    for (const span of [...spans].reverse()) expect(markSpans(map, [span])?.[0]?.length).toBeGreaterThan(0);
    const byGroup = new Map<string, string>();
    for (const m of Array.from(root.querySelectorAll('mark'))) {
      const g = m.getAttribute('data-verbatim-group')!;
      byGroup.set(g, (byGroup.get(g) ?? '') + m.textContent);
    }
    expect(byGroup.get('g0')).toBe('alpha beta');
    expect(byGroup.get('g1')).toBe('gamma delta epsilon\u00a0zeta');
    expect(byGroup.get('g2')).toBe('theta.iota kappa');
    expect(root.querySelector('script mark')).toBeNull();
    expect(root.querySelector('mark mark')).toBeNull();
  });

  it('unhighlight re-joins only the text marking split, leaving other text nodes alone', () => {
    const root = page('<p>keep</p>');
    const p = root.querySelector('p')!;
    p.append(document.createTextNode(' separate'));
    const html = root.innerHTML;
    const map = buildTextMap(root);
    const start = map.text.indexOf('eep');
    markSpans(map, resolved(map, [{ start, end: start + 3, group: 'g' }]));
    unhighlight(root);
    expect(root.innerHTML).toBe(html);
    expect(p.childNodes).toHaveLength(2); // "keep" re-joined, the page's own " separate" node untouched
  });

  it('skips editable regions, form fields and own UI even when nested in article text', () => {
    const root = page(
      '<p>a <span contenteditable="plaintext-only">typed</span> b <select><option>opt</option></select> c <span data-verbatim-ui>ui</span> d</p>',
    );
    expect(buildTextMap(root).text).toBe('a  b  c  d\n');
  });
});
