// Sites (key -> what a deploy served) as views over data already held, never an object per key: the ledger's
// tuples with their header table, a delta over the next newer site, or the run's file records. A ServedObject is
// made when one key is asked for. Pure.
import type { ServedHeaders, ServedTuple } from '../model/data.js';
import type { ServedObject, Site } from '../model/history.js';

/** ReadonlyMap's derived methods over `get`, `has`, `size` and a key iterator. */
abstract class SiteView implements ReadonlyMap<string, ServedObject> {
  abstract get(key: string): ServedObject | undefined;
  abstract has(key: string): boolean;
  abstract get size(): number;
  abstract keys(): MapIterator<string>;
  *entries(): MapIterator<[string, ServedObject]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }
  *values(): MapIterator<ServedObject> {
    for (const k of this.keys()) yield this.get(k)!;
  }
  [Symbol.iterator](): MapIterator<[string, ServedObject]> {
    return this.entries();
  }
  forEach(fn: (value: ServedObject, key: string, map: ReadonlyMap<string, ServedObject>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

const own = Object.prototype.hasOwnProperty;

/** A recorded site: the ledger's tuples, headers by index into its table. */
export class TupleSite extends SiteView {
  private readonly count: number;
  constructor(
    private readonly tuples: Record<string, ServedTuple>,
    private readonly table: ServedHeaders[],
  ) {
    super();
    this.count = Object.keys(tuples).length;
  }
  /** Whether every tuple's headers are in the table (a site that refers to a missing set is not restorable). */
  complete(): boolean {
    for (const k in this.tuples) if (this.table[this.tuples[k]![2]] === undefined) return false;
    return true;
  }
  get(key: string): ServedObject | undefined {
    if (!own.call(this.tuples, key)) return undefined;
    const [md5, size, h, fp] = this.tuples[key]!;
    return { md5, size, headers: this.table[h]!, fingerprinted: fp === 1 };
  }
  has(key: string): boolean {
    return own.call(this.tuples, key);
  }
  /** The ledger's own tuple for `key` (a next ledger that serves the same object holds this one, not a copy). */
  tuple(key: string): ServedTuple | undefined {
    return own.call(this.tuples, key) ? this.tuples[key] : undefined;
  }
  get size(): number {
    return this.count;
  }
  *keys(): MapIterator<string> {
    for (const k in this.tuples) yield k;
  }
}

/** An older site: the next newer one, without `gone`, with `set` over it. */
export class DeltaSite extends SiteView {
  private readonly gone: Set<string>;
  private readonly count: number;
  constructor(
    private readonly newer: Site,
    private readonly set: TupleSite,
    gone: string[],
  ) {
    super();
    this.gone = new Set(gone);
    let n = newer.size;
    for (const k of this.gone) if (newer.has(k) && !set.has(k)) n--;
    for (const k of set.keys()) if (!newer.has(k)) n++;
    this.count = n;
  }
  get(key: string): ServedObject | undefined {
    return this.set.get(key) ?? (this.gone.has(key) ? undefined : this.newer.get(key));
  }
  has(key: string): boolean {
    return this.set.has(key) || (!this.gone.has(key) && this.newer.has(key));
  }
  get size(): number {
    return this.count;
  }
  *keys(): MapIterator<string> {
    for (const k of this.newer.keys()) if (this.set.has(k) || !this.gone.has(k)) yield k;
    for (const k of this.set.keys()) if (!this.newer.has(k)) yield k;
  }
}

/** The run's own site: each of `rows` by key, read through `served` when asked. */
export class RowSite<T> extends SiteView {
  private readonly index = new Map<string, number>();
  constructor(
    private readonly rows: readonly T[],
    keyOf: (row: T) => string,
    private readonly served: (row: T) => ServedObject,
  ) {
    super();
    rows.forEach((r, i) => this.index.set(keyOf(r), i));
  }
  get(key: string): ServedObject | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.served(this.rows[i]!);
  }
  has(key: string): boolean {
    return this.index.has(key);
  }
  get size(): number {
    return this.index.size;
  }
  keys(): MapIterator<string> {
    return this.index.keys();
  }
}
