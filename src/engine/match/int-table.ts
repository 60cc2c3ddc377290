/**
 * A hash table from non-negative 31-bit integers to non-negative integers, open addressing with
 * linear probing over two typed arrays. Used for the seed postings: one probe usually touches one
 * cache line, where a JS Map of 700 000 entries costs several cache misses per lookup — and a page
 * scan does one lookup per page word, so this is most of what pack size could add to a scan.
 */
export class IntTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    let i = Math.imul(key, 0x9e3779b1) >>> 0;
    i = (i ^ (i >>> 16)) & this.mask;
    const keys = this.keys;
    while (keys[i] !== -1 && keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.vals[i]! : -1;
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    if (this.keys[i] !== key) {
      this.keys[i] = key;
      this.size++;
    }
    this.vals[i] = value;
  }

  /** Calls `visit` for every entry, in table order. */
  forEach(visit: (value: number, key: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== -1) visit(this.vals[i]!, this.keys[i]!);
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i]!, vals[i]!);
  }
}

/** An IntTable again from its fields after a structured clone (which keeps the typed arrays, not the class). */
export function reviveIntTable(plain: IntTable): IntTable {
  return plain instanceof IntTable ? plain : (Object.setPrototypeOf(plain, IntTable.prototype) as IntTable);
}
