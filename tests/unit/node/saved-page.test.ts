// @vitest-environment node
/** Saved pages on disk: HTML through the shared reader, text as a corpus capture; failures name the file. */
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHtmlFile, readSavedPage, SavedPageError } from '../../../src/node/saved-page';
import { LEARN_DIR, PAGES, SCREEN_LEDGER_URL } from '../reading/fixtures';

const dir = () => mkdtempSync(join(tmpdir(), 'verbatim-saved-'));

describe('readSavedPage', () => {
  it('an HTML page: the article as the extension reads it; id = file name without its extension', async () => {
    const page = await readSavedPage(join(LEARN_DIR, PAGES.screenLedgerAmp));
    expect(page).toMatchObject({
      id: 'screenledger-moss-dress.amp',
      url: SCREEN_LEDGER_URL,
      outlet: 'Screen Ledger',
      published: '2024-03-14',
    });
    expect(page.text.split('\n')[0]).toBe(page.title);
  });

  it('a text capture: first non-empty line is the headline; BOM and CRLF removed; modified date in UTC', async () => {
    const path = join(dir(), 'capture.txt');
    writeFileSync(path, '\uFEFF\r\n  Moss keeps the dress  \r\n\r\n“It all felt very real,” Moss said.\r\n');
    utimesSync(path, new Date('2024-03-16T23:30:00Z'), new Date('2024-03-16T23:30:00Z'));
    expect(await readSavedPage(path)).toEqual({
      path,
      id: 'capture',
      text: '\n  Moss keeps the dress  \n\n“It all felt very real,” Moss said.\n',
      url: null,
      outlet: null,
      title: 'Moss keeps the dress',
      published: null,
      publishedAt: null,
      links: [],
      modified: '2024-03-16',
    });
  });

  it.each([
    ['missing.html', null, 'file not found', 'unreadable'],
    ['latin1.txt', Buffer.from([0x4d, 0x6f, 0x73, 0x73, 0xe9]), 'is not UTF-8 text (save the page as UTF-8 HTML or text)', 'unreadable'],
    ['nul.txt', 'text\u0000more', 'is not a text file', 'unreadable'],
    ['blank.txt', ' \n\n ', 'is empty', 'empty'],
    ['menu.html', '<html><body><nav>Home</nav></body></html>', 'no article found in this page', 'empty'],
  ])('%s: an error naming the file (%s)', async (name, content, why, problem) => {
    const path = join(dir(), name);
    if (content !== null) writeFileSync(path, content);
    const error = await readSavedPage(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SavedPageError);
    expect((error as Error).message).toBe(`${path}: ${why}`);
    expect((error as SavedPageError).problem).toBe(problem);
  });

  it('an HTML page: the instant it states, and the absolute links of its article (what lineage reads)', async () => {
    const path = join(dir(), 'credited.html');
    const words = 'Elisabeth Moss looked back on the final season of the show and the dress she kept from the set. '.repeat(4);
    writeFileSync(
      path,
      `<!doctype html><html><head><link rel="canonical" href="https://www.example.com/news/a">
      <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-10-31T14:05:00Z"></head>
      <body><nav><a href="https://menu.example/">Home</a></nav><article><h1>Moss keeps the dress</h1><p>${words}</p>
      <p>As first reported by <a href="https://www.nme.com/news/tv/x">NME</a>, and <a href="/other">here</a>;
      “It all felt very real,” she said. <a href="mailto:x@example.com">Write to us</a>.</p></article></body></html>`,
    );
    const page = await readSavedPage(path);
    expect(page).toMatchObject({ url: 'https://www.example.com/news/a', outlet: 'Example News', published: '2022-10-31' });
    expect(page.publishedAt).toBe('2022-10-31T14:05:00Z');
    expect(page.links).toEqual(['https://www.nme.com/news/tv/x', 'https://www.example.com/other']);
  });

  it('HTML by extension, else by how the file starts', () => {
    expect(isHtmlFile('a.htm', 'plain')).toBe(true);
    expect(isHtmlFile('a.txt', '<!doctype html>')).toBe(false);
    expect(isHtmlFile('a.saved', '  <!DOCTYPE html><html>')).toBe(true);
    expect(isHtmlFile('a', 'Moss keeps the dress')).toBe(false);
  });
});
