/**
 * An immutable string-keyed map that shares structure between versions: the keys are spread
 * over a fixed number of buckets by hash, and `withChanges` copies only the bucket array and
 * the buckets it touches. A one-card change on a 50,000-card board copies a 256-slot array and
 * one bucket of ~200 entries instead of the whole 50,000-entry map (as `new Map(current)` did),
 * and `diffMaps` finds what changed by skipping the buckets both versions share.
 *
 * Old versions stay valid (React may still hold one), which a mutable map under a new
 * wrapper would not give.
 */
const BUCKETS = 256;

function bucketOf(key: string): number {
  // FNV-1a over the UTF-16 units: cheap, and spreads nanoid-like ids evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  /**
   * All entries in one native Map, built the first time this version is iterated: readers that
   * walk every card (panels, counters) then iterate at native speed, and a version nobody
   * iterates never pays for it. Never mutated once built.
   */
  private flat: Map<string, V> | null = null;

  private constructor(
    private readonly buckets: ReadonlyArray<ReadonlyMap<string, V>>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.from<V>([]);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    const buckets: Array<Map<string, V>> = Array.from({ length: BUCKETS }, () => new Map<string, V>());
    let size = 0;
    for (const [k, v] of entries) {
      const b = buckets[bucketOf(k)] as Map<string, V>;
      if (!b.has(k)) size++;
      b.set(k, v);
    }
    return new PersistentMap<V>(buckets, size);
  }

  /** A new version with `changes` applied (`undefined` deletes); this one is left as it was. */
  withChanges(changes: Iterable<readonly [string, V | undefined]>): PersistentMap<V> {
    const buckets = this.buckets.slice();
    const copied = new Set<number>();
    let size = this.size;
    for (const [k, v] of changes) {
      const i = bucketOf(k);
      if (!copied.has(i)) {
        buckets[i] = new Map(buckets[i]);
        copied.add(i);
      }
      const b = buckets[i] as Map<string, V>;
      const had = b.has(k);
      if (v === undefined) {
        if (had) size--;
        b.delete(k);
      } else {
        if (!had) size++;
        b.set(k, v);
      }
    }
    return new PersistentMap<V>(buckets, size);
  }

  private all(): Map<string, V> {
    if (this.flat) return this.flat;
    const m = new Map<string, V>();
    for (const b of this.buckets) for (const [k, v] of b) m.set(k, v);
    this.flat = m;
    return m;
  }

  get(key: string): V | undefined {
    if (this.flat) return this.flat.get(key);
    return (this.buckets[bucketOf(key)] as ReadonlyMap<string, V>).get(key);
  }

  has(key: string): boolean {
    if (this.flat) return this.flat.has(key);
    return (this.buckets[bucketOf(key)] as ReadonlyMap<string, V>).has(key);
  }

  forEach(cb: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) cb.call(thisArg, v, k, this);
  }

  entries(): MapIterator<[string, V]> {
    return this.all().entries();
  }

  keys(): MapIterator<string> {
    return this.all().keys();
  }

  values(): MapIterator<V> {
    return this.all().values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /** The bucket array, for diffMaps only. */
  static bucketsOf<V>(m: PersistentMap<V>): ReadonlyArray<ReadonlyMap<string, V>> {
    return m.buckets;
  }
}

/**
 * Calls `changed(id, value)` for every key whose value (by identity) differs between `prev`
 * and `next`, with `undefined` for keys that left. Two versions of one PersistentMap are
 * compared bucket by bucket, skipping shared buckets; anything else is compared entry by entry.
 */
export function diffMaps<V>(prev: ReadonlyMap<string, V>, next: ReadonlyMap<string, V>, changed: (id: string, value: V | undefined) => void): void {
  if (prev === next) return;
  if (prev instanceof PersistentMap && next instanceof PersistentMap) {
    const a = PersistentMap.bucketsOf(prev as PersistentMap<V>);
    const b = PersistentMap.bucketsOf(next as PersistentMap<V>);
    for (let i = 0; i < BUCKETS; i++) {
      const pa = a[i] as ReadonlyMap<string, V>;
      const nb = b[i] as ReadonlyMap<string, V>;
      if (pa !== nb) diffEntries(pa, nb, changed);
    }
    return;
  }
  diffEntries(prev, next, changed);
}

function diffEntries<V>(prev: ReadonlyMap<string, V>, next: ReadonlyMap<string, V>, changed: (id: string, value: V | undefined) => void): void {
  for (const [id, v] of next) if (prev.get(id) !== v) changed(id, v);
  for (const id of prev.keys()) if (!next.has(id)) changed(id, undefined);
}
