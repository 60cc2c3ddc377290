/** Distances between two texts, as characters or as word-key sequences; shared by corpus building and comparison. */

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Longest common subsequence length, O(|a|·|b|) time, O(|b|) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** Levenshtein over words: a swapped word is one edit, like a dropped or an added one. */
export function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/**
 * Word edits from `part` to the nearest stretch of `whole`: words of `whole` before and after the
 * stretch are free. A quote cut short is still a copy of the longer wording; its missing ends say
 * nothing about where it came from, while a word it has and `whole` lacks does.
 */
export function wordEditDistanceWithin(part: readonly string[], whole: readonly string[]): number {
  let prev = new Int32Array(whole.length + 1); // row 0: the stretch may start anywhere
  let row = new Int32Array(whole.length + 1);
  for (let i = 1; i <= part.length; i++) {
    row[0] = i;
    for (let j = 1; j <= whole.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (part[i - 1] === whole[j - 1] ? 0 : 1));
    [prev, row] = [row, prev];
  }
  return Math.min(...prev);
}
