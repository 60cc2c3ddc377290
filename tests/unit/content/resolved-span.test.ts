/** Engine spans found in the DOM once per pass, and checked against it again before marking. */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, type TextMap } from '../../../src/dom/text-map';
import { markSpans } from '../../../src/content/highlight';
import { domStillSays, resolveSpan } from '../../../src/content/resolved-span';

beforeEach(() => {
  document.body.innerHTML = '';
});

function spanOf(map: TextMap, text: string, group = 'g') {
  const start = map.text.indexOf(text);
  expect(start, `"${text}" in ${JSON.stringify(map.text)}`).toBeGreaterThanOrEqual(0);
  return { start, end: start + text.length, group };
}

describe('resolveSpan', () => {
  it('gives the text node and offset at each end, across inline markup and block breaks', () => {
    document.body.innerHTML = '<p id="p">Moss said: “That <em>right there</em> is real.”</p><p id="q">Next one.</p>';
    const map = buildTextMap(document.body);
    const r = resolveSpan(map, spanOf(map, 'That right there is real.'))![0]!;
    expect(r.from.node.data).toBe('Moss said: “That ');
    expect(r.from.offset).toBe('Moss said: “'.length);
    expect(r.to.node.data).toBe(' is real.”');
    expect(r.to.offset).toBe(' is real.'.length);
    // A span across a block break comes back in pieces, one per block: marks never wrap the break.
    const across = resolveSpan(map, spanOf(map, 'real.”\nNext'))!;
    expect(across.map((p) => map.text.slice(p.start, p.end))).toEqual(['real.”', 'Next']);
    expect(across[1]!.to.node.parentElement!.id).toBe('q');
    expect(across[0]!.span.group).toBe('g');
  });

  it('gives null when the DOM no longer holds the text the engine saw', () => {
    document.body.innerHTML = '<p>alpha beta gamma</p><p>delta <b>epsilon</b> zeta</p>';
    const map = buildTextMap(document.body);
    const edited = spanOf(map, 'beta gamma');
    const removed = spanOf(map, 'epsilon zeta');
    expect(resolveSpan(map, edited)).not.toBeNull();
    expect(resolveSpan(map, removed)).not.toBeNull();
    // The page changes while the background is analysing.
    (document.querySelector('p')!.firstChild as Text).data = 'alpha BETA gamma';
    document.querySelector('b')!.remove();
    expect(resolveSpan(map, edited)).toBeNull();
    expect(resolveSpan(map, removed)).toBeNull();
  });

  it('gives null where the map has no text at all', () => {
    document.body.innerHTML = '<p></p>';
    const map = buildTextMap(document.body);
    expect(resolveSpan(map, { start: 0, end: 3, group: 'g' })).toBeNull();
  });
});

describe('domStillSays', () => {
  it('notices a node cut short by marking a later quote first, so the earlier one is not marked wrongly', () => {
    document.body.innerHTML = '<p>one two three four five six</p>';
    const map = buildTextMap(document.body);
    const [early] = resolveSpan(map, spanOf(map, 'two three', 'a'))!;
    const [late] = resolveSpan(map, spanOf(map, 'five six', 'b'))!;
    // Wrong order on purpose: marking the earlier span leaves only "one " in the original node.
    expect(markSpans(map, [early!])?.[0]).toHaveLength(1);
    expect(domStillSays(map, late!)).toBe(false);
    expect(markSpans(map, [late!])).toBeNull();
    expect(Array.from(document.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['two three']);
  });

  it('still holds for earlier spans after later ones are marked (the last-to-first order)', () => {
    document.body.innerHTML = '<p>one two three four five six</p>';
    const map = buildTextMap(document.body);
    const [early] = resolveSpan(map, spanOf(map, 'two three', 'a'))!;
    const [late] = resolveSpan(map, spanOf(map, 'five six', 'b'))!;
    expect(markSpans(map, [late!])?.[0]).toHaveLength(1);
    expect(domStillSays(map, early!)).toBe(true);
    expect(markSpans(map, [early!])?.[0]).toHaveLength(1);
    expect(Array.from(document.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['two three', 'five six']);
  });
});
