/** The highlight stylesheet and the tone (light or dark background) behind each quote. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { highlightCss, luminance, textOn, toneReader } from '../../../src/content/styles';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('stylesheet', () => {
  it('outranks page rules (ID-level specificity, !important) and changes nothing that takes space', () => {
    const css = highlightCss({ light: '#ffe066', dark: '#7a5c00' });
    expect(css).toContain(':not(#verbatim-a):not(#verbatim-b)');
    expect(css).toContain('all: unset !important');
    expect(css).not.toMatch(/padding|margin|border-width|font-size/);
  });
  it('never lets a stored colour inject CSS', () => {
    const css = highlightCss({ light: 'red; } body { display:none', dark: '#000' });
    expect(css).not.toContain('display:none');
    expect(css).toContain('#ffe066');
  });
});

describe('text on a highlight', () => {
  it('is black on a light highlight and white on a dark one, whatever the page gives its text', () => {
    const css = highlightCss({ light: '#ffe066', dark: '#7a5c00' });
    expect(css).toMatch(/color: #000 !important; background: #ffe066/);
    expect(css).toMatch(/color: #fff !important; background: #7a5c00/);
    expect(css).not.toContain('color: inherit');
  });
  it('follows the colour the reader chose, in any notation it can read; the tone decides otherwise', () => {
    expect(textOn('#fff', '#fff')).toBe('#000');
    expect(textOn('#123', '#000')).toBe('#fff');
    expect(textOn('#2040a0cc', '#000')).toBe('#fff');
    expect(textOn('rgb(250, 240, 200)', '#fff')).toBe('#000');
    expect(textOn('navy', '#000')).toBe('#000');
    expect(textOn('hsl(60 100% 50%)', '#fff')).toBe('#fff');
  });
});

describe('tone behind a quote', () => {
  it('reads luminance, ignoring transparent colours', () => {
    expect(luminance('rgb(18, 18, 18)')).toBeLessThan(0.05);
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance('rgba(0, 0, 0, 40%)')).toBeNull();
  });

  it('is the first opaque background on the way up; none means light', () => {
    document.body.innerHTML =
      '<div style="background-color: rgb(20, 20, 20)"><section><p id="x">t</p></section>' +
      '<div style="background-color: rgb(250, 250, 240)"><p id="z">t</p></div></div><p id="y">t</p>';
    const tone = toneReader(window);
    expect(tone(document.getElementById('x')!)).toBe('dark');
    expect(tone(document.getElementById('y')!)).toBe('light');
    expect(tone(document.getElementById('z')!)).toBe('light'); // the nearer light box wins over the dark one
  });

  it("reads each ancestor's computed style once per reader, however many quotes sit under it", () => {
    document.body.innerHTML =
      '<main><div id="dark" style="background-color: rgb(20, 20, 20)"><section>' +
      '<p id="a">a</p><p id="b">b</p><p id="c">c</p></section></div><p id="d">d</p></main>';
    const read = vi.spyOn(window, 'getComputedStyle');
    const tone = toneReader(window);
    const answers = ['a', 'b', 'c', 'd'].map((id) => tone(document.getElementById(id)!));
    expect(answers).toEqual(['dark', 'dark', 'dark', 'light']);
    const reads = read.mock.calls.map(([el]) => el as Element);
    // Every element read at most once…
    expect(new Set(reads).size).toBe(reads.length);
    // …and the walk stops at the first opaque background: nothing above #dark is read for a, b or c.
    const ids = reads.map((el) => el.id || el.tagName.toLowerCase());
    expect(ids).toEqual(['a', 'section', 'dark', 'b', 'c', 'd', 'main', 'body', 'html']);
    // A second ask of an element already known reads nothing.
    expect(tone(document.getElementById('b')!)).toBe('dark');
    expect(read).toHaveBeenCalledTimes(9);
    // A new reader (a new pass) reads afresh: a remembered tone is only true while styles stay the same.
    document.getElementById('dark')!.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(toneReader(window)(document.getElementById('b')!)).toBe('light');
  });
});
