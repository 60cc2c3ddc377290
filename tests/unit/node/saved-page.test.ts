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
      modified: '2024-03-16',
    });
  });

  it.each([
    ['missing.html', null, 'file not found'],
    ['latin1.txt', Buffer.from([0x4d, 0x6f, 0x73, 0x73, 0xe9]), 'is not UTF-8 text (save the page as UTF-8 HTML or text)'],
    ['nul.txt', 'text\u0000more', 'is not a text file'],
    ['blank.txt', ' \n\n ', 'is empty'],
    ['menu.html', '<html><body><nav>Home</nav></body></html>', 'no article found in this page'],
  ])('%s: an error naming the file', async (name, content, why) => {
    const path = join(dir(), name);
    if (content !== null) writeFileSync(path, content);
    const error = await readSavedPage(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SavedPageError);
    expect((error as Error).message).toBe(`${path}: ${why}`);
  });

  it('HTML by extension, else by how the file starts', () => {
    expect(isHtmlFile('a.htm', 'plain')).toBe(true);
    expect(isHtmlFile('a.txt', '<!doctype html>')).toBe(false);
    expect(isHtmlFile('a.saved', '  <!DOCTYPE html><html>')).toBe(true);
    expect(isHtmlFile('a', 'Moss keeps the dress')).toBe(false);
  });
});
