/**
 * The built extensions carry their icons: both manifests list `icons` and the toolbar
 * button's `default_icon`, Firefox's toolbar has a glyph for light and for dark themes, and every file
 * named is a PNG of the size it is listed under. Reads the builds, so it runs with the e2e suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './support/paths';

const SIZES = ['16', '32', '48', '128'];

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expectIcon(build: string, path: string | undefined, size: number): void {
  expect(path, `an icon of ${size} px`).toBeTypeOf('string');
  const file = resolve(build, path!);
  expect(existsSync(file), `${path} exists in ${build}`).toBe(true);
  expect(pngSize(file), path).toEqual({ width: size, height: size });
}

type Icons = Record<string, string>;
interface Manifest {
  icons?: Icons;
  action?: { default_icon?: Icons };
  browser_action?: { default_icon?: Icons; theme_icons?: { light: string; dark: string; size: number }[] };
}

const manifest = (build: string) => JSON.parse(readFileSync(resolve(build, 'manifest.json'), 'utf8')) as Manifest;

describe('icons in the built extensions', () => {
  for (const [name, build, button] of [
    ['Chrome (MV3)', CHROME_BUILD, (m: Manifest) => m.action],
    ['Firefox (MV2)', FIREFOX_BUILD, (m: Manifest) => m.browser_action],
  ] as const) {
    it(`${name}: icons and the toolbar button's icon at 16, 32, 48 and 128 px`, () => {
      const m = manifest(build);
      expect(Object.keys(m.icons ?? {}).sort()).toEqual([...SIZES].sort());
      expect(Object.keys(button(m)?.default_icon ?? {}).sort()).toEqual([...SIZES].sort());
      for (const size of SIZES) {
        expectIcon(build, m.icons?.[size], Number(size));
        expectIcon(build, button(m)?.default_icon?.[size], Number(size));
      }
    });
  }

  it('Firefox: a dark and a light toolbar glyph at 16 and 32 px (theme_icons)', () => {
    const themed = manifest(FIREFOX_BUILD).browser_action?.theme_icons ?? [];
    expect(themed.map((t) => t.size)).toEqual([16, 32]);
    for (const t of themed) {
      expect(t.light).not.toBe(t.dark);
      expectIcon(FIREFOX_BUILD, t.light, t.size);
      expectIcon(FIREFOX_BUILD, t.dark, t.size);
    }
  });
});
