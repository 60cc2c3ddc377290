// @vitest-environment node
/**
 * What the extension ships of the reader is patched at build time (scripts/readability-safe.ts,
 * scripts/linkedom-browser.ts) so that no code in it builds HTML from a string. These tests check the
 * patches apply to the installed packages, and that the patched Readability reads every fixture page
 * exactly as the package's own does (Node, the CLI), never reaching linkedom's HTML-from-string setters,
 * which the extension build turns into errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Element as LinkedomElement } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINKEDOM_PATCHES, patchLinkedom } from '../../../scripts/linkedom-browser';
import { READABILITY_PATCHES, patchReadability } from '../../../scripts/readability-safe';
import { readArticle } from '../../../src/reading/read-article';
import { ROOT } from '../../support/repo';
import { page, PAGES } from './fixtures';

const use = vi.hoisted(() => ({ patched: null as null | (new (...args: unknown[]) => unknown) }));

// readArticle constructs whichever Readability the test chooses: the package's, or the build's patched copy.
vi.mock('@mozilla/readability', async (importOriginal) => {
  const original = await importOriginal<typeof import('@mozilla/readability')>();
  const Readability = new Proxy(original.Readability, {
    construct: (target, args) => Reflect.construct(use.patched ?? target, args) as object,
  });
  return { ...original, Readability };
});

const readabilitySource = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

function patchedReadability(): new (...args: unknown[]) => unknown {
  const module = { exports: {} as unknown };
  // The package's CommonJS file, patched as the build patches it, evaluated as a module body.
  (new Function('module', patchReadability(readabilitySource)) as (m: typeof module) => void)(module);
  return module.exports as new (...args: unknown[]) => unknown;
}

/** Counts calls of linkedom's setters that parse a string into elements. */
function spyHtmlSetters(): { calls: () => number; restore: () => void } {
  let count = 0;
  const proto = LinkedomElement.prototype as object;
  const originals = (['innerHTML', 'outerHTML'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)!] as const);
  for (const [name, d] of originals)
    Object.defineProperty(proto, name, {
      ...d,
      set(this: unknown, value: string) {
        count++;
        d.set!.call(this, value);
      },
    });
  const insert = Object.getOwnPropertyDescriptor(proto, 'insertAdjacentHTML')!;
  Object.defineProperty(proto, 'insertAdjacentHTML', {
    ...insert,
    value(this: unknown, ...args: unknown[]) {
      count++;
      return (insert.value as (...a: unknown[]) => unknown).apply(this, args);
    },
  });
  return {
    calls: () => count,
    restore: () => {
      for (const [name, d] of originals) Object.defineProperty(proto, name, d);
      Object.defineProperty(proto, 'insertAdjacentHTML', insert);
    },
  };
}

afterEach(() => {
  use.patched = null;
});

describe('readability-safe build patch', () => {
  it('leaves no innerHTML assignment in the installed Readability', () => {
    const patched = patchReadability(readabilitySource);
    expect(patched).not.toMatch(/\.innerHTML\s*=[^=]/);
    for (const [, to] of READABILITY_PATCHES) expect(patched).toContain(to);
  });

  it('fails loudly when Readability changed', () => {
    expect(() => patchReadability('nothing to see')).toThrow(/expected/);
  });
});

describe('linkedom-browser build patch', () => {
  it.each(Object.keys(LINKEDOM_PATCHES).map((f) => [f]))('leaves no innerHTML assignment in linkedom’s %s', (file) => {
    const source = readFileSync(join(ROOT, 'node_modules/linkedom/esm', file), 'utf8');
    expect(source).toMatch(/\.innerHTML\s*=[^=]/);
    expect(patchLinkedom(file, source)).not.toMatch(/\.innerHTML\s*=[^=]/);
  });

  it('fails loudly when linkedom changed', () => {
    expect(() => patchLinkedom('shared/utils.js', 'nothing to see')).toThrow(/expected/);
  });
});

describe('the patched Readability reads as the package does', () => {
  const urls: Record<string, string | null> = { commentDate: 'https://www.reelgossip.net/tv/x/', hostile: 'https://hostile.example/x' };

  it.each(Object.keys(PAGES).map((name) => [name]))('%s: same article, and no HTML parsed from a string', (name) => {
    const html = page(name as keyof typeof PAGES);
    const url = urls[name] ?? null;
    const expected = readArticle(html, url);
    expect(expected).not.toBeNull();
    use.patched = patchedReadability();
    const spy = spyHtmlSetters();
    try {
      expect(readArticle(html, url)).toEqual(expected);
      expect(spy.calls()).toBe(0);
    } finally {
      spy.restore();
    }
  });

  it('a page short enough that Readability tries again does reach the patched lines (unpatched, it parses HTML strings)', () => {
    const short = `<html><body><div class="story"><h1>Peggy’s exit</h1><p>${'Short text about Peggy and Don, with words. '.repeat(9)}</p></div></body></html>`;
    const spy = spyHtmlSetters();
    let unpatchedCalls: number;
    let expected: ReturnType<typeof readArticle>;
    try {
      expected = readArticle(short, 'https://a.example/s');
      unpatchedCalls = spy.calls();
    } finally {
      spy.restore();
    }
    expect(expected).not.toBeNull();
    expect(unpatchedCalls).toBeGreaterThan(0);
    use.patched = patchedReadability();
    const patchedSpy = spyHtmlSetters();
    try {
      expect(readArticle(short, 'https://a.example/s')).toEqual(expected);
      expect(patchedSpy.calls()).toBe(0);
    } finally {
      patchedSpy.restore();
    }
  });
});
