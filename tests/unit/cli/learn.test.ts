/**
 * `verbatim learn FILE... [--pack PACK] -o OUT` through the real CLI: saved pages join a pack, read as
 * the extension reads them; ids are file names; one document per canonical URL; bad input leaves OUT alone.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../../src/engine/corpus/validate-pack';
import type { Pack } from '../../../src/engine/types';
import { articlePage } from '../../support/article-page';
import { ROOT } from '../../support/repo';
import { DAILY_REEL_URL, LEARN_DIR, PAGES, SCREEN_LEDGER_URL } from '../reading/fixtures';
import { runCli } from './run-cli';

interface QuotesJson {
  groups: { id: string; speaker: string | null; consensus: string; variants: { document: string; outlet: string; text: string }[] }[];
}

const READ_ON = new Date('2024-03-16T12:00:00Z');

/** The fixture pages copied to a fresh folder, each modified on READ_ON. */
function savedPages(): Record<keyof typeof PAGES, string> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-learn-'));
  const paths = {} as Record<keyof typeof PAGES, string>;
  for (const [name, file] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
    paths[name] = join(dir, file);
    copyFileSync(join(LEARN_DIR, file), paths[name]);
    utimesSync(paths[name], READ_ON, READ_ON);
  }
  return paths;
}

const outFile = () => join(mkdtempSync(join(tmpdir(), 'verbatim-learn-out-')), 'pack.json');
const readPack = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Pack;

function quotes(pack?: string): QuotesJson {
  const r = runCli(['quotes', '--json', ...(pack ? ['--pack', pack] : [])]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as QuotesJson;
}

function learn(files: string[], out: string, pack?: string) {
  return runCli(['learn', ...files, ...(pack ? ['--pack', pack] : []), '-o', out]);
}

describe('verbatim learn: two outlets reporting one interview, worded differently', () => {
  let pages: Record<keyof typeof PAGES, string>;
  let out: string;
  let bundled: QuotesJson;
  let learned: QuotesJson;

  beforeAll(() => {
    pages = savedPages();
    out = outFile();
    const r = learn([pages.screenLedger, pages.dailyReel], out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote .+: \d+ quote groups from 6 articles \(2 learned\)\n$/);
    bundled = quotes();
    learned = quotes(out);
  });

  it('writes a valid pack: the bundled articles, then the pages, ids = file names, metadata from the pages', () => {
    const pack = readPack(out);
    expect(validatePack(pack)).toMatchObject({ ok: true });
    expect(pack.documents.map((d) => d.id)).toEqual([
      'nme',
      'thenews',
      'indiewire',
      'slashfilm',
      'dailyreel-moss-dress',
      'screenledger-moss-dress',
    ]);
    expect(pack.documents.slice(4)).toEqual([
      {
        id: 'dailyreel-moss-dress',
        outlet: 'The Daily Reel',
        site: 'dailyreel.co.uk',
        url: DAILY_REEL_URL,
        title: 'Mad Men: Peggy’s farewell dress goes on display, and Elisabeth Moss wants it back',
        published: '2024-03-15',
        origin: 'learned',
        read: '2024-03-16',
      },
      {
        id: 'screenledger-moss-dress',
        outlet: 'Screen Ledger',
        site: 'screenledger.com',
        url: SCREEN_LEDGER_URL,
        title: 'Elisabeth Moss still has Peggy’s dress from the Mad Men goodbye scene',
        published: '2024-03-14',
        origin: 'learned',
        read: '2024-03-16',
      },
    ]);
  });

  it('their wordings of the Vanity Fair quotes join the bundled groups (same group id), which keep every bundled wording', () => {
    const before = bundled.groups.find((g) => g.consensus === 'I had a very close relationship with Jon')!;
    const after = learned.groups.find((g) => g.id === before.id)!;
    expect(after.consensus).toBe(before.consensus);
    expect(after.variants).toEqual(
      expect.arrayContaining([
        ...before.variants,
        {
          document: 'dailyreel-moss-dress',
          outlet: 'The Daily Reel',
          text: 'I had a really close relationship with Jon',
          change: ['substituted'],
        },
        {
          document: 'screenledger-moss-dress',
          outlet: 'Screen Ledger',
          text: 'I had a very close relationship with Jon.',
          change: ['punctuation'],
        },
      ]),
    );
    for (const g of bundled.groups) {
      const same = learned.groups.find((x) => x.id === g.id);
      expect(same, g.consensus).toBeDefined();
      expect(same!.variants).toEqual(expect.arrayContaining(g.variants));
    }
  });

  it('a quote only they carry joins each other’s wording: one group, both outlets, nothing bundled', () => {
    const whitfield = learned.groups.filter((g) => g.variants.some((v) => v.text.includes('visitors ask about')));
    expect(whitfield).toHaveLength(1);
    expect(whitfield[0]!.speaker).toBe('Dana Whitfield');
    expect(whitfield[0]!.variants.map((v) => [v.document, v.text])).toEqual([
      ['dailyreel-moss-dress', 'Peggy’s plaid dress is the one piece that visitors ask about more than anything else in the collection.'],
      ['screenledger-moss-dress', 'Peggy’s plaid dress is the one piece visitors ask about more than any other in the collection'],
    ]);
  });

  it('`quotes --pack` shows the learned wordings as diffs', () => {
    const r = runCli(['quotes', '--pack', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('The Daily Reel          I had a [-very-]{+really+} close relationship with Jon  (word substituted)');
  });

  it('`scan --pack` finds on one outlet’s page the quotes learned from the other', () => {
    const partial = outFile();
    expect(learn([pages.screenLedger], partial).status).toBe(0);
    const r = runCli(['scan', pages.dailyReel, '--json', '--pack', partial]);
    expect(r.status, r.stderr).toBe(0);
    const scan = JSON.parse(r.stdout) as { quotes: { outlets: { document: string }[] }[] };
    const fromLearned = scan.quotes.filter((q) => q.outlets.some((o) => o.document === 'screenledger-moss-dress'));
    expect(fromLearned.length).toBeGreaterThanOrEqual(3);
  });
});

describe('verbatim learn: one document per canonical URL', () => {
  it.each([
    ['regular page, then its AMP copy', ['screenLedger', 'screenLedgerAmp'], 'screenledger-moss-dress.amp'],
    ['AMP copy, then its regular page', ['screenLedgerAmp', 'screenLedger'], 'screenledger-moss-dress'],
  ] as const)('%s: one document, the later one', (_, names, id) => {
    const pages = savedPages();
    const out = outFile();
    const r = learn(
      names.map((n) => pages[n]),
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const docs = readPack(out).documents.filter((d) => d.origin === 'learned');
    expect(docs.map((d) => [d.id, d.url])).toEqual([[id, SCREEN_LEDGER_URL]]);
    const variants = quotes(out).groups.flatMap((g) => g.variants.filter((v) => v.document.startsWith('screenledger')));
    expect(new Set(variants.map((v) => v.document))).toEqual(new Set([id]));
  });

  it('a new version of a page already in the pack replaces it', () => {
    const pages = savedPages();
    const first = outFile();
    expect(learn([pages.screenLedger], first).status).toBe(0);
    const updated = join(mkdtempSync(join(tmpdir(), 'verbatim-learn-')), 'screenledger-updated.html');
    writeFileSync(
      updated,
      readFileSync(pages.screenLedger, 'utf8').replace('promise to return it pressed', 'promise to give it back pressed'),
    );
    const second = outFile();
    const r = learn([updated], second, first);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 replaced (screenledger-moss-dress)');
    expect(readPack(second).documents.map((d) => d.id)).toEqual(['nme', 'thenews', 'indiewire', 'slashfilm', 'screenledger-updated']);
    const texts = quotes(second).groups.flatMap((g) => g.variants.map((v) => v.text));
    expect(texts.some((t) => t.includes('give it back pressed'))).toBe(true);
    expect(texts.some((t) => t.includes('return it pressed'))).toBe(false);
  });

  it('a saved copy of a bundled article (its canonical URL) replaces the bundled version and keeps its groups', () => {
    const nme = JSON.parse(readFileSync(join(ROOT, 'assets/corpus/corpus.json'), 'utf8')) as {
      documents: { id: string; url: string; title: string }[];
    };
    const doc = nme.documents.find((d) => d.id === 'nme')!;
    const html = articlePage({ outlet: 'NME', title: doc.title, text: readFileSync(join(ROOT, 'assets/corpus/nme.txt'), 'utf8') }).replace(
      '</head>',
      `<link rel="canonical" href="${doc.url}?utm_source=twitter"></head>`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'verbatim-learn-')), 'nme-saved.html');
    writeFileSync(file, html);
    const out = outFile();
    const r = learn([file], out);
    expect(r.status, r.stderr).toBe(0);
    // In the bundled article's place: the groups it leads keep their order.
    expect(readPack(out).documents.map((d) => d.id)).toEqual(['nme-saved', 'thenews', 'indiewire', 'slashfilm']);
    const groups = quotes(out).groups;
    const g = groups.find((x) => x.consensus === 'I had a very close relationship with Jon')!;
    expect(g.id).toBe(quotes().groups.find((x) => x.consensus === g.consensus)!.id);
    expect(g.variants.map((v) => v.document)).toContain('nme-saved');
  });
});

describe('verbatim learn: saved text and bad input', () => {
  it('a .txt capture: first line is the headline, the file name its id and outlet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-learn-'));
    const file = join(dir, 'radio-interview.txt');
    writeFileSync(
      file,
      'Moss looks back on Peggy\n\nSpeaking on a radio show, Moss said: “I had a very close relationship with Jon, sort of like a mentor and a protégé.”\n',
    );
    const out = outFile();
    expect(learn([file], out).status).toBe(0);
    const doc = readPack(out).documents.find((d) => d.id === 'radio-interview')!;
    expect(doc).toMatchObject({
      outlet: 'radio-interview',
      site: null,
      url: null,
      title: 'Moss looks back on Peggy',
      published: null,
      origin: 'learned',
    });
  });

  const previous = '{"previous": true}\n';

  it.each([
    ['a missing file', (dir: string) => join(dir, 'missing.html'), 'file not found'],
    ['a folder', (dir: string) => (mkdirSync(join(dir, 'folder.html')), join(dir, 'folder.html')), 'is a folder'],
    [
      'a binary file',
      (dir: string) => (writeFileSync(join(dir, 'photo.html'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1])), join(dir, 'photo.html')),
      'not UTF-8',
    ],
  ])('%s: exit 1, a message naming the file, OUT untouched and no temp file, even after good files', (_, make, why) => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-learn-bad-'));
    const bad = make(dir);
    const outDir = mkdtempSync(join(tmpdir(), 'verbatim-learn-out-'));
    const out = join(outDir, 'pack.json');
    writeFileSync(out, previous);
    const r = learn([savedPages().dailyReel, bad], out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`verbatim learn: ${bad}: `);
    expect(r.stderr).toContain(why);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    expect(readdirSync(outDir)).toEqual(['pack.json']);
  });

  it('a batch with a page that has no article and one that quotes nobody: each named on stderr, the others learned, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-learn-batch-'));
    const menu = join(dir, 'menu.html');
    writeFileSync(menu, '<html><body><nav><a href="/">Home</a></nav></body></html>');
    const quiet = join(dir, 'quiet.txt');
    writeFileSync(quiet, 'A column with no quote in it\nNobody is quoted here, only described at length.\n');
    const good = savedPages();
    const out = outFile();
    const r = learn([good.dailyReel, menu, quiet, good.screenLedger], out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`verbatim learn: ${menu}: no article found in this page, not learned\n`);
    expect(r.stderr).toContain(`verbatim learn: ${quiet}: no quotes found, not learned\n`);
    expect(r.stderr).toMatch(/wrote .+ from 6 articles \(2 learned\)\n$/);
    expect(
      readPack(out)
        .documents.map((d) => d.id)
        .slice(4),
    ).toEqual(['dailyreel-moss-dress', 'screenledger-moss-dress']);
  });

  it('two files with one id are refused, naming both', () => {
    const a = join(mkdtempSync(join(tmpdir(), 'verbatim-learn-')), PAGES.dailyReel);
    copyFileSync(join(LEARN_DIR, PAGES.dailyReel), a);
    const out = outFile();
    const r = learn([join(LEARN_DIR, PAGES.dailyReel), a], out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${a}: same document id "dailyreel-moss-dress" as ${join(LEARN_DIR, PAGES.dailyReel)}`);
    expect(existsSync(out)).toBe(false);
  });

  it('a bad --pack names it; usage errors exit 2', () => {
    const r = learn([join(LEARN_DIR, PAGES.dailyReel)], outFile(), '/nonexistent/pack.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('verbatim learn: /nonexistent/pack.json: pack file not found\n');
    expect(runCli(['learn', join(LEARN_DIR, PAGES.dailyReel)]).status).toBe(2);
    expect(runCli(['learn', '-o', outFile()]).status).toBe(2);
  });

  it('is in the CLI’s help', () => {
    expect(runCli(['--help']).stdout).toContain('learn FILE... [--pack FILE] -o OUT');
  });
});
