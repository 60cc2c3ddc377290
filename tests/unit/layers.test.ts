/**
 * Which part of the code may import which. In the engine, its stages (src/engine/README.md): a stage that
 * reached sideways into another for a helper would make the next change to one of them break the other.
 * Around it, the extension's contexts import downwards only (docs/decisions.md): what the popup, options,
 * background and page scripts share lives in shared/ or storage/, never in one another.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/repo';

const ENGINE = join(ROOT, 'src/engine');

/** Where each part of the engine may import from: the root helpers, itself, and the stages listed. */
const ALLOWED: Record<string, readonly string[]> = {
  root: [],
  compare: [],
  corpus: ['compare'],
  match: ['compare'],
  topic: [],
  lineage: ['compare'],
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
    expect(root).toEqual(['consensus.ts', 'lexicon.ts', 'normalize.ts', 'speech.ts', 'text-distance.ts', 'types.ts']);
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

/** Each folder of src/ (and the entrypoints) and the folders it may import from, besides itself. */
const SRC_ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  dom: [],
  // A page's HTML → its article (linkedom + Readability): no browser API, used by the background, popup and CLI.
  reading: [],
  shared: ['engine'],
  storage: ['engine', 'shared'],
  ui: ['shared'],
  content: ['engine', 'shared', 'dom', 'ui'],
  background: ['engine', 'shared', 'storage', 'reading'],
  popup: ['engine', 'shared', 'storage', 'ui', 'reading'],
  options: ['engine', 'shared', 'storage', 'ui'],
  node: ['engine', 'dom', 'reading'],
  cli: ['engine', 'node', 'reading'],
  // Each entrypoint wires its own context.
  entrypoints: ['background', 'content', 'popup', 'options', 'shared'],
};

/** "engine", "shared", … for a file under src/; "entrypoints" for one there; null elsewhere (virtual.d.ts). */
function folderOf(file: string): string | null {
  const rel = relative(ROOT, file);
  if (rel.startsWith('entrypoints/')) return 'entrypoints';
  const parts = rel.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1]! : null;
}

describe('extension contexts', () => {
  const all = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'entrypoints'))].filter((f) => folderOf(f) !== null);

  it('names every folder of src/ in the table', () => {
    expect(new Set(all.map(folderOf))).toEqual(new Set(Object.keys(SRC_ALLOWED)));
  });

  it.each(all.map((f) => [relative(ROOT, f), f]))('%s imports only downwards', (_, file) => {
    const from = folderOf(file)!;
    for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
      const to = folderOf(resolve(dirname(file), spec));
      if (to === null || to === from) continue;
      expect(SRC_ALLOWED[from], `${from} → ${to} (${spec})`).toContain(to);
    }
  });
});
