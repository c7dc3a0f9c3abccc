/** Typo suggestions. Pure. */

/** Largest edit distance still worth suggesting; short names tolerate fewer edits. */
export function maxDistanceFor(length: number): number {
  if (length <= 3) return 1;
  if (length <= 7) return 2;
  return 3;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count 1).
 * Returns `limit + 1` as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  // Three reused rows: no allocation per comparison.
  let [prevPrev, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < d) d = del;
      const ins = cur[j - 1]! + 1;
      if (ins < d) d = ins;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) {
        const swap = prevPrev[j - 2]! + 1;
        if (swap < d) d = swap;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const oldPrevPrev = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = oldPrevPrev;
  }
  return prev[n]!;
}

/**
 * The candidates closest to `name`, best first, at most `max` of them. Candidates further than
 * `maxDistanceFor(name.length)` are never returned. `rank` breaks ties (higher first).
 */
export function nearestOf(name: string, candidates: Iterable<string>, max = 3, rank?: (candidate: string) => number): string[] {
  const limit = maxDistanceFor(name.length);
  const needle = name.toLowerCase();
  const hits: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    // Length pre-filter keeps the scan over 1,300 names cheap.
    if (Math.abs(candidate.length - needle.length) > limit || candidate === name) continue;
    const distance = editDistance(needle, candidate, limit);
    if (distance <= limit) hits.push({ candidate, distance });
  }
  const best = hits.reduce((m, h) => Math.min(m, h.distance), Number.POSITIVE_INFINITY);
  // Far-off names next to a close one are noise.
  const close = hits.filter((h) => h.distance <= best + 1);
  close.sort((x, y) =>
    x.distance - y.distance
    || (rank ? rank(y.candidate) - rank(x.candidate) : 0)
    || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0));
  return close.slice(0, max).map((h) => h.candidate);
}
