import * as Y from 'yjs';

/**
 * Checks a peer's Yjs update against a document *before* it is applied, so
 * the room can apply updates all-or-nothing with a single copy of the board.
 *
 * Why this is enough (yjs 13.6, src/utils/encoding.js readUpdateV2):
 * - Decoding: Y.applyUpdate reads struct by struct and integrates as it goes,
 *   and reads the delete set only after integrating, so a truncated or
 *   corrupt update throws halfway. Y.decodeUpdate reads the same fields with
 *   the same readers (structs, contents, delete set) without touching a doc;
 *   if it succeeds, the apply path's reads succeed too.
 * - Integration throws only where it looks a struct up that is not there
 *   (StructStore findIndexSS / getItem). References to *other* clients are
 *   checked against the state first (Item.getMissing: missing ones wait as
 *   pending, they never throw), but references to the struct's *own* client
 *   are assumed to point backwards. A reference to the same client at or after
 *   the struct's own clock is what throws; honest updates never contain one.
 * - addStruct throws when clocks are not contiguous: structs of length 0,
 *   clocks past 2^53 (float rounding) and a client listed twice (the apply
 *   path keeps the last block, the decoder both) are refused.
 * - Not throws, but wrong: a list item under a Y.Map or a keyed item under a
 *   Y.Array integrates silently into a part of the type nobody reads.
 */

export class InvalidUpdate extends Error {}

export interface UpdatePlan {
  /** Whether applying it changes the document (new structs or deletions); false: never refused for size. */
  adds: boolean;
  /** Upper estimate of the bytes it adds to the stored board. */
  addedBytes: number;
  /** Estimated bytes of it that would wait for missing dependencies (V2, as Yjs keeps pending). */
  pendingBytes: number;
}

const MAX_CLOCK = Number.MAX_SAFE_INTEGER;

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Throws InvalidUpdate if applying `update` to `doc` could throw or misplace content. */
export function planUpdate(doc: Y.Doc, update: Uint8Array): UpdatePlan {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch (err) {
    throw new InvalidUpdate(`malformed: ${(err as Error).message}`);
  }
  const byClient = checkStructs(doc, decoded.structs);
  checkDeletes(decoded.ds);
  // States of the clients it writes or deletes in (diffUpdate treats the others as 0: nothing to cut).
  const before = new Map<number, number>();
  for (const c of [...byClient.keys(), ...decoded.ds.clients.keys()]) before.set(c, Y.getState(doc.store, c));
  const after = resolve(doc, before, byClient);
  const newStructs = [...after].some(([client, clock]) => clock > (before.get(client) ?? 0));
  const adds = newStructs || deletesSomething(doc, decoded.ds, before, after);
  const unresolved =
    [...byClient].some(([client, structs]) => endOf(structs) > (after.get(client) ?? 0)) ||
    [...decoded.ds.clients].some(([client, ranges]) => ranges.some((r) => r.clock + r.len > (after.get(client) ?? 0)));
  const pendingBytes = unresolved ? Y.convertUpdateFormatV1ToV2(Y.diffUpdate(update, Y.encodeStateVector(after))).byteLength : 0;
  // New structs may let earlier pending ones integrate: they are stored with this update.
  const unlocked = newStructs ? (doc.store.pendingStructs?.update.byteLength ?? 0) : 0;
  // diffUpdate re-encodes (costly): only when part of the update is known already (a reconnecting client's sync).
  const overlaps = [...byClient].some(([client, structs]) => structs[0]!.id.clock < before.get(client)!);
  const ownBytes = overlaps ? Y.diffUpdate(update, Y.encodeStateVector(before)).byteLength : update.byteLength;
  const addedBytes = adds ? ownBytes + unlocked : 0;
  return { adds, addedBytes, pendingBytes };
}

function fail(reason: string): never {
  throw new InvalidUpdate(reason);
}

function checkStructs(doc: Y.Doc, structs: Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  const items = new Map<string, Y.Item>();
  let last: Struct | null = null;
  for (const s of structs) {
    const { client, clock } = s.id;
    if (!(s.length >= 1) || clock + s.length > MAX_CLOCK) fail('struct length or clock out of range');
    if (last === null || last.id.client !== client || last.id.clock + last.length !== clock) {
      if (byClient.has(client)) fail('a client listed twice');
      byClient.set(client, []);
    }
    byClient.get(client)!.push(s);
    last = s;
    if (!(s instanceof Y.Item)) continue;
    items.set(`${client}:${clock}`, s);
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      // Same-client references must point backwards (see the header).
      if (ref && ref.client === client && ref.clock >= clock) fail('a reference to its own future');
    }
    if (s.parent !== null) checkParentKind(doc, s, items);
  }
  return byClient;
}

/** An item placed by parent (no neighbours) must use the part of the type its kind reads. */
function checkParentKind(doc: Y.Doc, item: Y.Item, items: Map<string, Y.Item>): void {
  const parent = item.parent as unknown;
  let type: unknown = null;
  if (typeof parent === 'string') type = doc.share.get(parent);
  else if (parent instanceof Y.ID) {
    const owner =
      parent.clock < Y.getState(doc.store, parent.client) ? Y.getItem(doc.store, parent) : items.get(`${parent.client}:${parent.clock}`);
    if (owner instanceof Y.Item && owner.content instanceof Y.ContentType) type = owner.content.type;
  }
  const keyed = item.parentSub !== null;
  if (type instanceof Y.Map && !keyed) fail('a list item under a map');
  if (type instanceof Y.Array && keyed) fail('a keyed item under an array');
}

function checkDeletes(ds: DeleteSet): void {
  for (const ranges of ds.clients.values()) {
    for (const r of ranges) if (!(r.len >= 1) || r.clock + r.len > MAX_CLOCK) fail('delete range out of range');
  }
}

function endOf(structs: Struct[]): number {
  const s = structs[structs.length - 1]!;
  return s.id.clock + s.length;
}

/**
 * The state after applying, as Yjs integrates (encoding.js integrateStructs):
 * per client in clock order, a struct integrates once the previous clock of its
 * client and everything it references in other clients is known; a Skip is a
 * gap. Repeated until nothing changes; the rest would be pending.
 */
function resolve(doc: Y.Doc, before: Map<number, number>, byClient: Map<number, Struct[]>): Map<number, number> {
  const state = new Map(before);
  const next = new Map<number, number>([...byClient.keys()].map((c) => [c, 0]));
  const known = (id: Y.ID | null, self: number) =>
    id === null || id.client === self || id.clock < (state.get(id.client) ?? Y.getState(doc.store, id.client));
  for (let progress = true; progress; ) {
    progress = false;
    for (const [client, structs] of byClient) {
      for (let i = next.get(client)!; i < structs.length; i++) {
        const s = structs[i]!;
        const have = state.get(client) ?? 0;
        if (s instanceof Y.Skip || s.id.clock > have) break;
        if (s instanceof Y.Item && !(known(s.origin, client) && known(s.rightOrigin, client) && known(s.parent instanceof Y.ID ? s.parent : null, client))) break;
        state.set(client, Math.max(have, s.id.clock + s.length));
        next.set(client, i + 1);
        progress = true;
      }
    }
  }
  return state;
}

/** Whether the delete set removes anything not yet deleted (re-sent deletions add nothing). */
function deletesSomething(doc: Y.Doc, ds: DeleteSet, before: Map<number, number>, after: Map<number, number>): boolean {
  for (const [client, ranges] of ds.clients) {
    const had = before.get(client) ?? 0;
    const structs = doc.store.clients.get(client) ?? [];
    for (const r of ranges) {
      const end = r.clock + r.len;
      // Structs this update itself brings are not deleted yet.
      if (end > had && r.clock < (after.get(client) ?? 0)) return true;
      if (r.clock >= had) continue;
      for (let i = Y.findIndexSS(structs, r.clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= end) break;
        if (!s.deleted) return true;
      }
    }
  }
  return false;
}
