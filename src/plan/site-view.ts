// Sites (key -> what a deploy served) as views over data already held, never an object per key: the ledger's
// tuples with their header table, a delta over the next newer site, or the run's file records. A ServedObject is
// made when one key is asked for. The same for any rows found by key (RowMap: the listing's remote states). Pure.
import type { ServedHeaders, ServedTuple } from '../model/data.js';
import type { ServedObject, Site } from '../model/history.js';

/** ReadonlyMap's derived methods over `get`, `has`, `size` and a key iterator. */
export abstract class MapView<V> implements ReadonlyMap<string, V> {
  abstract get(key: string): V | undefined;
  abstract has(key: string): boolean;
  abstract get size(): number;
  abstract keys(): MapIterator<string>;
  *entries(): MapIterator<[string, V]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }
  *values(): MapIterator<V> {
    for (const k of this.keys()) yield this.get(k)!;
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** A site view: key -> ServedObject. */
abstract class SiteView extends MapView<ServedObject> {}

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

/**
 * Each of `rows` by key, as `value` makes it when asked. Found by binary search over the rows in key order (rows
 * that come in listing order are usually that already): no map of a million keys, no value held per key. As a Map
 * of the rows would: a key's last row is its value, its first its place among the keys.
 */
export class RowMap<T, V> extends MapView<V> {
  /** Row indices in key order, one per key (null: the rows are in strictly increasing key order already). */
  private readonly order: Uint32Array | null;
  /** Whether some key has more than one row. */
  private readonly repeated: boolean;
  constructor(
    private readonly rows: readonly T[],
    private readonly keyOf: (row: T) => string,
    private readonly value: (row: T) => V,
  ) {
    super();
    let sorted = true;
    for (let i = 1; i < rows.length && sorted; i++) sorted = keyOf(rows[i - 1]!) < keyOf(rows[i]!);
    if (sorted) {
      this.order = null;
      this.repeated = false;
      return;
    }
    const idx = Array.from({ length: rows.length }, (_, i) => i);
    idx.sort((a, b) => {
      const ka = keyOf(rows[a]!);
      const kb = keyOf(rows[b]!);
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    // Of a key's rows (adjacent now, in row order), the last.
    const kept = idx.filter((r, i) => i === idx.length - 1 || keyOf(rows[r]!) !== keyOf(rows[idx[i + 1]!]!));
    this.repeated = kept.length < idx.length;
    this.order = Uint32Array.from(kept);
  }
  /** Where in the rows `key`'s value is (its last row), by binary search; -1 when no row has it. */
  indexOf(key: string): number {
    let lo = 0;
    let hi = this.order ? this.order.length : this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const i = this.order ? this.order[mid]! : mid;
      const k = this.keyOf(this.rows[i]!);
      if (k === key) return i;
      if (k < key) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
  private rowOf(key: string): T | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.rows[i];
  }
  get(key: string): V | undefined {
    const row = this.rowOf(key);
    return row === undefined ? undefined : this.value(row);
  }
  has(key: string): boolean {
    return this.rowOf(key) !== undefined;
  }
  get size(): number {
    return this.order ? this.order.length : this.rows.length;
  }
  *keys(): MapIterator<string> {
    const seen = this.repeated ? new Set<string>() : null;
    for (const row of this.rows) {
      const k = this.keyOf(row);
      if (seen) {
        if (seen.has(k)) continue;
        seen.add(k);
      }
      yield k;
    }
  }
  override *entries(): MapIterator<[string, V]> {
    if (this.repeated) {
      yield* super.entries();
      return;
    }
    // One row per key: each row is its key's value (no search).
    for (const row of this.rows) yield [this.keyOf(row), this.value(row)];
  }
  override *values(): MapIterator<V> {
    if (this.repeated) {
      yield* super.values();
      return;
    }
    for (const row of this.rows) yield this.value(row);
  }
}

/** The run's own site: each of `rows` by key, read through `served` when asked (see RowMap). */
export class RowSite<T> extends RowMap<T, ServedObject> {}
