/** Copies the README screenshots the e2e run took (artifacts/e2e/readme-*.png) into docs/screenshots/. */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const from = resolve(import.meta.dirname, '../artifacts/e2e');
const to = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(to, { recursive: true });
const shots = existsSync(from) ? readdirSync(from).filter((f) => f.startsWith('readme-') && f.endsWith('.png')) : [];
if (shots.length === 0) {
  console.error('No README screenshots in artifacts/e2e/: run `npm test` (or the screenshots e2e test) first.');
  process.exit(1);
}
for (const f of shots) copyFileSync(resolve(from, f), resolve(to, f.replace(/^readme-/, '')));
console.log(`copied ${shots.length} screenshots to docs/screenshots/`);
