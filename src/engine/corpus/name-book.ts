/**
 * One spelling per person across the corpus, kept as articles come and go. Names sharing a surname whose
 * first names are near spellings (Elisabeth/Elizabeth) are one person; the spelling the most articles use
 * wins, then the alphabetically first (never the order articles arrived in). A surname alone ("Moss")
 * becomes the corpus's full name for it when only one person has that surname.
 *
 * Each surname has a version, bumped whenever an article adds or removes a name with it, so a group can
 * tell whether the spelling of its speakers may have changed without spelling them again.
 */
import { editDistance } from '../text-distance';
import { wordKey } from '../normalize';
import { surnameKey } from './names';

export class NameBook {
  /** Full name → how many articles use it. */
  private readonly docs = new Map<string, number>();
  /** Surname key → the full names with it. */
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly versions = new Map<string, number>();
  /** Surnames touched since `takeTouched` was last called. */
  private touched = new Set<string>();
  /** Surname key → raw name → its spelling, until a name with that surname comes or goes. */
  private readonly cache = new Map<string, Map<string, string>>();

  add(names: readonly string[]): void {
    for (const name of new Set(names)) {
      this.docs.set(name, (this.docs.get(name) ?? 0) + 1);
      const key = surnameKey(name);
      let set = this.bySurname.get(key);
      if (!set) this.bySurname.set(key, (set = new Set()));
      set.add(name);
      this.touch(key);
    }
  }

  remove(names: readonly string[]): void {
    for (const name of new Set(names)) {
      const n = (this.docs.get(name) ?? 0) - 1;
      const key = surnameKey(name);
      if (n > 0) this.docs.set(name, n);
      else {
        this.docs.delete(name);
        this.bySurname.get(key)?.delete(name);
        if (this.bySurname.get(key)?.size === 0) this.bySurname.delete(key);
      }
      this.touch(key);
    }
  }

  /** Changes whenever a spelling of a name with this surname (`surnameKey`) may have changed. */
  version(surname: string): number {
    return this.versions.get(surname) ?? 0;
  }

  /** A speaker as an article names them → the corpus's spelling of that person. */
  spell(raw: string): string {
    const key = surnameKey(raw);
    let known = this.cache.get(key);
    if (!known) this.cache.set(key, (known = new Map<string, string>()));
    let spelled = known.get(raw);
    if (spelled === undefined) {
      const full = raw.includes(' ') ? raw : (this.onlyPerson(key) ?? raw);
      spelled = this.canonical(full);
      known.set(raw, spelled);
    }
    return spelled;
  }

  /** The surnames whose spellings may have changed since the last call. */
  takeTouched(): Set<string> {
    const touched = this.touched;
    this.touched = new Set();
    return touched;
  }

  private touch(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.cache.delete(key);
    this.touched.add(key);
  }

  /** The spelling most articles use among the names that are this person. */
  private canonical(name: string): string {
    let best = name;
    let bestCount = this.docs.get(name) ?? 0;
    for (const other of this.bySurname.get(surnameKey(name)) ?? []) {
      if (other === name || !sameFirstName(other, name)) continue;
      const n = this.docs.get(other)!;
      if (n > bestCount || (n === bestCount && other < best)) [best, bestCount] = [other, n];
    }
    return best;
  }

  /** The one person with this surname (by canonical spelling), or null when there are several or none. */
  private onlyPerson(key: string): string | null {
    const people = new Set([...(this.bySurname.get(key) ?? [])].map((n) => this.canonical(n)));
    return people.size === 1 ? [...people][0]! : null;
  }
}

/** Names with the same surname whose first names are near spellings: one person. */
function sameFirstName(a: string, b: string): boolean {
  const fa = wordKey(a.split(/[ \u00A0]+/)[0]!);
  const fb = wordKey(b.split(/[ \u00A0]+/)[0]!);
  return fa[0] === fb[0] && editDistance(fa, fb) <= 2;
}
