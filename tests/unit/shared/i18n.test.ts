/** Every string key the popup and options pages ask for exists in `_locales/en`, with the placeholders it is given. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './i18n-stub';
import { ROOT } from '../../support/repo';

const files = ['src/popup', 'src/options'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, dir, f)),
);

describe('locale keys', () => {
  const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  it('every t("key") of the popup and options exists', () => {
    const keys = [...source.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((k) => !MESSAGES[k])).toEqual([]);
  });
  it('keys chosen through tables (run modes, sensitivities, where, restrictions) exist too', () => {
    const literals = [...source.matchAll(/'((?:run|sensitivity|where|restricted|status|signal)[A-Z][A-Za-z]*)'/g)].map((m) => m[1]!);
    expect(literals.length).toBeGreaterThan(15);
    expect(literals.filter((k) => k !== 'runMode' && !MESSAGES[k])).toEqual([]); // 'runMode' is the radio group's name
  });
  it('placeholders are declared for every $n a message uses', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key}: $${name}$`).toBeDefined();
      }
    }
  });
});
