import { EntryLine } from '../parser/ast';

/**
 * 1 + the position of each entry in a list, looked up by line index (0 for lines not in it). The
 * model of the selected section covers most lines and gets a typed array; a model of one small
 * section among 20,000 gets a map the size of that section, not of the document.
 */
export class LineTable {
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;

  constructor(entries: readonly EntryLine[], lineCount: number) {
    if (entries.length * DENSE_RATIO >= lineCount) {
      const dense = new Int32Array(lineCount);
      for (let i = 0; i < entries.length; i++) dense[entries[i]!.index] = i + 1;
      this.dense = dense;
    } else {
      const sparse = new Map<number, number>();
      for (let i = 0; i < entries.length; i++) sparse.set(entries[i]!.index, i + 1);
      this.sparse = sparse;
    }
  }

  get(index: number): number {
    return this.dense ? (this.dense[index] ?? 0) : (this.sparse!.get(index) ?? 0);
  }
}

/** A map entry costs about eight times a typed-array slot. */
const DENSE_RATIO = 8;
