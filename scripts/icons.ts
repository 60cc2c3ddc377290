/**
 * The extension's icons, rasterised from the SVG sources in assets/ at build time (resvg), so only the
 * drawings are committed: `icon.svg` for the extensions page, the store and Chrome's toolbar;
 * `icon-toolbar.svg` for Firefox's toolbar, once dark (light themes) and once light (dark themes).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const ASSETS = resolve(import.meta.dirname, '../assets');
export const ICON_SIZES = [16, 32, 48, 128] as const;
const TOOLBAR_SIZES = [16, 32] as const;
/** The popup's own foreground colours (src/popup/theme.css), light and dark. */
const TOOLBAR_INK = { dark: '#1d1b18', light: '#f1ece3' } as const;

type Size = (typeof ICON_SIZES)[number];

/** Where each icon lands in the built extension. */
export const iconPath = (size: number): string => `icons/${size}.png`;
export const toolbarPath = (ink: keyof typeof TOOLBAR_INK, size: number): string => `icons/toolbar-${ink}-${size}.png`;

export function iconManifest(): Record<Size, string> {
  return Object.fromEntries(ICON_SIZES.map((s) => [s, iconPath(s)])) as Record<Size, string>;
}

/** Firefox's `theme_icons`: "dark" is shown on themes with dark text, "light" on themes with light text. */
export function themeIcons(): { dark: string; light: string; size: number }[] {
  return TOOLBAR_SIZES.map((size) => ({ dark: toolbarPath('dark', size), light: toolbarPath('light', size), size }));
}

function png(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * Renders the icons into `dir` (with Firefox's toolbar glyphs when `toolbar`) and returns them as WXT
 * public files, which it copies into the browser's build.
 */
export function renderIcons(dir: string, toolbar: boolean): { absoluteSrc: string; relativeDest: string }[] {
  const icon = readFileSync(resolve(ASSETS, 'icon.svg'), 'utf8');
  const glyph = readFileSync(resolve(ASSETS, 'icon-toolbar.svg'), 'utf8');
  const files: { dest: string; data: Buffer }[] = [
    ...ICON_SIZES.map((s) => ({ dest: iconPath(s), data: png(icon, s) })),
    ...(toolbar ? TOOLBAR_SIZES : []).flatMap((s) =>
      (Object.keys(TOOLBAR_INK) as (keyof typeof TOOLBAR_INK)[]).map((ink) => ({
        dest: toolbarPath(ink, s),
        data: png(glyph.replaceAll('currentColor', TOOLBAR_INK[ink]), s),
      })),
    ),
  ];
  mkdirSync(resolve(dir, 'icons'), { recursive: true });
  return files.map(({ dest, data }) => {
    const absoluteSrc = resolve(dir, dest);
    writeFileSync(absoluteSrc, data);
    return { absoluteSrc, relativeDest: dest };
  });
}
