/** `verbatim quotes`: JSON shape, text diff without colour, colour on demand, corpus resolution. */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('verbatim quotes', () => {
  it('--json prints exactly {groups: [{id, speaker, source, consensus, variants: [{document, outlet, text, change}]}]}, from any cwd', () => {
    const r = runCli(['quotes', '--json'], { cwd: tmpdir() });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { groups: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['groups']);
    expect(out.groups.length).toBeGreaterThan(10);
    for (const g of out.groups) {
      expect(Object.keys(g)).toEqual(['id', 'speaker', 'source', 'consensus', 'variants']);
      for (const v of g.variants as Record<string, unknown>[]) expect(Object.keys(v)).toEqual(['document', 'outlet', 'text', 'change']);
    }
    const g = out.groups.find((x) => x.consensus === 'I had a very close relationship with Jon')!;
    expect(g.speaker).toBe('Elisabeth Moss');
    expect(g.variants).toContainEqual({
      document: 'slashfilm',
      outlet: '/Film',
      text: 'I have a very close relationship with Jon [Hamm].',
      change: ['substituted', 'bracket'],
    });
  });

  it('without a terminal, marks the diff as [-removed-]{+added+} and uses no escape codes', () => {
    const r = runCli(['quotes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('I [-had-]{+have+} a very close relationship with Jon{+ [Hamm].+}');
    expect(r.stdout).toContain('Elisabeth Moss — Vanity Fair interview');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('FORCE_COLOR colours the diff', () => {
    const r = runCli(['quotes'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\x1b[32m');
    expect(r.stdout).not.toContain('{+');
  });

  it('--pack with a bad file names the file and exits non-zero', () => {
    const r = runCli(['quotes', '--pack', '/nonexistent/pack.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('verbatim quotes: /nonexistent/pack.json: pack file not found\n');
  });

  it('an unknown option is a usage error', () => {
    const r = runCli(['quotes', '--colour']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option "--colour"');
  });
});
