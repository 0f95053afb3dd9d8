import * as Y from 'yjs';

/**
 * Reader output as plain JSON data: the tool readers return Maps and Sets
 * (fast lookups for the UI); exports and comparisons need objects and arrays.
 * Map keys become object keys (they are ids or keys, always strings or numbers).
 */
export function toPlain(value: unknown): unknown {
  // A shared type inside reader output would otherwise be walked through its internals.
  if (value instanceof Y.AbstractType) return value.toJSON() as unknown;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]));
  if (value instanceof Set) return [...value].map(toPlain);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = toPlain(v);
    return out;
  }
  return value;
}
