import { expect, it } from 'vitest';
import * as pageFunctions from '../../../src/shared/page-functions';

const { readGateSample, readPageHtml } = pageFunctions;

it('reads description, og:title, the first headline and the lead, not scripts or styles', () => {
  document.head.innerHTML = `<meta name="description" content="An interview"><meta property="og:title" content="Moss looks back">
    <style>p { color: red }</style>`;
  document.body.innerHTML = `<header><h1>A career <em>in</em> film</h1></header>
    <script>var madMen = "Mad Men";</script><template><p>Mad Men in a template</p></template>
    <p>She played <a href="#">Peggy Olson</a> for seven seasons.</p><textarea>Mad Men draft</textarea>`;
  const text = readGateSample(6000);
  for (const part of ['An interview', 'Moss looks back', 'A career in film', 'She played', 'Peggy Olson']) expect(text).toContain(part);
  for (const hidden of ['madMen', 'color: red', 'Mad Men in a template', 'Mad Men draft']) expect(text).not.toContain(hidden);
});

it('reads tags and keywords from the head, and the article rather than the menus before it', () => {
  document.head.innerHTML = `<meta property="article:tag" content="Television"><meta property="article:tag" content="Mad Men">`;
  document.body.innerHTML = `<nav>${'<a href="#">Section</a> '.repeat(2000)}</nav><article><p>She looks back on seven seasons.</p></article>`;
  const text = readGateSample(1000);
  expect(text).toContain('Mad Men');
  expect(text).toContain('She looks back on seven seasons.');
  expect(text).not.toContain('Section');
});

it('reads no more of the body than it is asked to', () => {
  document.head.innerHTML = '';
  document.body.innerHTML = `<p>${'word '.repeat(5000)}</p><p>Mad Men</p>`;
  const text = readGateSample(100);
  expect(text.length).toBeLessThan(120);
  expect(text).not.toContain('Mad Men');
});

it('reads the page as HTML with its URL', () => {
  document.body.innerHTML = '<article><h1>Mad Men at 15</h1></article>';
  const page = readPageHtml();
  expect(page.html).toContain('<h1>Mad Men at 15</h1>');
  expect(page.url).toBe(location.href);
});

/** Rebuilt from its source with no module scope around it, as `scripting.executeScript` runs it. */
function rebuilt<F extends (...args: never[]) => unknown>(f: F): F {
  return (new Function(`return (${f.toString()})`) as () => F)();
}

it('holds only self-contained functions: each works rebuilt from its source text alone', () => {
  document.body.innerHTML = '<h1>Mad Men at 15</h1>';
  expect(rebuilt(readGateSample)(6000)).toContain('Mad Men at 15');
  expect(rebuilt(readPageHtml)().html).toContain('Mad Men at 15');
  expect(Object.keys(pageFunctions).sort()).toEqual(['readGateSample', 'readPageHtml']); // a new one gets a line above
});
