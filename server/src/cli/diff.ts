// A unified diff of what `--fix` would write, for `--diff`. Lines are compared whole (with their
// line break); the work is bounded: past MAX_EDIT_DISTANCE differing lines the rest is one hunk.

/** Lines of context around each change, as `diff -u` prints. */
const CONTEXT = 3;
/** Myers' search stops here: a fix changes a handful of lines, never thousands. */
const MAX_EDIT_DISTANCE = 1000;
/** Line comparisons the search may make (about (lines) x (distance)): a second or so at most. */
const MAX_COMPARISONS = 50_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Splits after each `\n`, so every piece keeps its own line break (the last may have none). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * The shortest edit script from `a` to `b`: the common first and last lines as they are, Myers'
 * search between them, and, past its bound, the lines between as one replacement.
 */
function editScript(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = myers(middleA, middleB) ?? greedy(middleA, middleB);
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

/** How far the fallback looks ahead, in each text, for the next pair of equal lines. */
const RESYNC_WINDOW = 32;

/**
 * The fallback past Myers' bounds: equal lines kept, and at each difference the nearest pair of
 * equal lines within the window taken as the place where both texts agree again. Not always the
 * shortest script, but linear in the length, and right for fixes, which change lines in place.
 */
function greedy(a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const agreeAt = (x: number, y: number): boolean =>
    i + x < a.length && j + y < b.length && a[i + x] === b[j + y] && (i + x + 1 >= a.length || j + y + 1 >= b.length || a[i + x + 1] === b[j + y + 1]);
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
      continue;
    }
    let skip: [number, number] = [1, 1];
    search: for (let k = 1; k <= 2 * RESYNC_WINDOW; k++) {
      for (let x = Math.max(0, k - RESYNC_WINDOW); x <= Math.min(k, RESYNC_WINDOW); x++) {
        if (agreeAt(x, k - x)) {
          skip = [x, k - x];
          break search;
        }
      }
    }
    for (let x = 0; x < skip[0] && i < a.length; x++) ops.push({ kind: '-', line: a[i++]! });
    for (let y = 0; y < skip[1] && j < b.length; y++) ops.push({ kind: '+', line: b[j++]! });
  }
  while (i < a.length) ops.push({ kind: '-', line: a[i++]! });
  while (j < b.length) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

/** Myers' shortest edit script, or undefined past the bounds. */
function myers(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE, Math.floor(MAX_COMPARISONS / Math.max(1, n + m)));
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, a, b, offset, d);
      }
    }
    v = next;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, distance: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = distance; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) ops.push({ kind: ' ', line: a[--x]! }), y--;
    if (x === previousX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', line: a[--x]! }), y--;
  return ops.reverse();
}

/**
 * `--- name` / `+++ name` and the hunks; `show` makes each line safe for the terminal (the
 * caller's escaping). The line break of a line is not shown; a last line without one gets
 * `\ No newline at end of file`, as diff prints it.
 */
export function unifiedDiff(before: string, after: string, name: string, show: (line: string) => string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a, b);
  let out = `--- ${show(name)}\n+++ ${show(name)}\n`;
  // Hunks: runs of changes with up to 2 * CONTEXT unchanged lines between them.
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - CONTEXT);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let same = end;
      while (same < ops.length && ops[same]!.kind === ' ') same++;
      if (same < ops.length && same - end <= 2 * CONTEXT) {
        end = same;
        continue;
      }
      end = Math.min(ops.length, end + CONTEXT);
      break;
    }
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') oldLine++;
      if (ops[j]!.kind !== '-') newLine++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    for (const op of hunk) {
      const body = op.line.endsWith('\r\n') ? op.line.slice(0, -2) : op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line;
      out += `${op.kind}${show(body)}\n`;
      if (!op.line.endsWith('\n')) out += '\\ No newline at end of file\n';
    }
    i = end;
    start = end;
  }
  return out;
}

/** `start,count` as diff writes it: an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
