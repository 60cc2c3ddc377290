/**
 * The engine's stages and what each may import (src/engine/README.md). A stage that reached sideways
 * into another for a helper would make the next change to one of them break the other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/repo';

const ENGINE = join(ROOT, 'src/engine');

/** Where each part of the engine may import from: the root helpers, itself, and the stages listed. */
const ALLOWED: Record<string, readonly string[]> = {
  root: [],
  compare: [],
  corpus: ['compare'],
  match: ['compare'],
  topic: [],
  // analyse.ts, the one module that joins stages for a page.
  analyse: ['topic', 'match'],
};
/** The only npm packages the engine uses (each pure JavaScript). */
const PACKAGES = ['diff'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** "root", a stage folder's name, or "analyse". */
function partOf(file: string): string {
  const rel = relative(ENGINE, file);
  if (rel === 'analyse.ts') return 'analyse';
  return rel.includes('/') ? rel.split('/')[0]! : 'root';
}

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specs = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gms;
  return [...source.matchAll(specs)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

describe('engine layers', () => {
  const all = files(ENGINE);

  it('has the stages the README names, and nothing loose but the root helpers and analyse.ts', () => {
    expect(new Set(all.map(partOf))).toEqual(new Set(Object.keys(ALLOWED)));
    const root = all
      .filter((f) => partOf(f) === 'root')
      .map((f) => relative(ENGINE, f))
      .sort();
    expect(root).toEqual(['normalize.ts', 'text-distance.ts', 'types.ts']);
  });

  it.each(all.map((f) => [relative(ENGINE, f), f]))('%s imports only what its layer may', (_, file) => {
    const part = partOf(file);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) {
        expect(PACKAGES, `${spec}: an npm package the engine does not use`).toContain(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      expect(target.startsWith(ENGINE + '/'), `${spec} is outside src/engine`).toBe(true);
      const to = partOf(target + '.ts');
      if (to === part || to === 'root') continue;
      expect(ALLOWED[part], `${part} → ${to} (${spec})`).toContain(to);
    }
  });
});
