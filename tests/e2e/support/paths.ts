import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../../support/repo';
/** Built extensions; VERBATIM_OUT_DIR points at another build folder (see wxt.config.ts). */
export const OUT_DIR = resolve(ROOT, process.env.VERBATIM_OUT_DIR ?? '.output');
export const CHROME_BUILD = resolve(OUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = resolve(OUT_DIR, 'firefox-mv2');
/** Screenshots of every e2e run (git-ignored). */
export const ARTIFACTS = resolve(ROOT, 'artifacts/e2e');

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, name);
}
