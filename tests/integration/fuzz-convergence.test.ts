import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createItem,
  deleteItems,
  linkItems,
  listItems,
  listLinks,
  moveItems,
  unlink,
  updateItem,
} from '../../shared/model/board';
import type { BoardItem, LinkKind } from '../../shared/model/schema';
import { ROLE_IDS } from '../../shared/roles';
import { addComment } from '../../shared/cocreation/comments';
import { addAgreedGoal, readGoals } from '../../shared/cocreation/goals';
import { setRating } from '../../shared/cocreation/value';
import { ACTION_STATUSES, addAction, readActions, setActionField } from '../../shared/cocreation/actions';
import { ROOT_KEYS } from '../../shared/doc/registry';
import { author, deleteTextAt, projectBoard, typeInto } from '../helpers/board';
import { connectClient, stateVector, waitConverged, type TestClient } from '../helpers/client';
import { Rng } from '../helpers/prng';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, yieldToLoop } from '../helpers/wait';

/**
 * Seeded random editing on 3–5 peers through the real server, with peers
 * going offline and coming back. All peers (and a fresh client) must end with
 * the same board, and that board must be exactly what the operations imply.
 * A failure names its seed; rerun one with FUZZ_SEEDS=1234.
 */

const scope = useScope();

const SEEDS = process.env.FUZZ_SEEDS
  ? process.env.FUZZ_SEEDS.split(',').map(Number)
  : [20240601, 7, 424242, 99, 31337];
const STEPS = Number(process.env.FUZZ_STEPS ?? 600);

interface LinkRecord {
  from: string;
  to: string;
  kind: LinkKind;
}

async function runFuzz(seed: number, trace: string[]): Promise<void> {
  const rng = new Rng(seed);
  const srv = await startTestServer(scope, { config: { compactThreshold: rng.range(2, 50) } });
  const board = `fuzz-${seed}`;
  const peers: TestClient[] = Array.from({ length: rng.range(3, 5) }, () => connectClient(scope, srv.wsUrl, board));
  await Promise.all(peers.map((p) => p.waitSynced()));
  trace.push(`${peers.length} peers`);

  const created = new Set<string>();
  const deleted = new Set<string>();
  const links = new Map<string, LinkRecord>();
  const unlinked = new Set<string>();
  const goalsAdded = new Set<string>();
  const actionsAdded = new Set<string>();

  const items = (doc: Y.Doc): BoardItem[] => listItems(doc).items;
  const ofKind = (doc: Y.Doc, kind: BoardItem['kind']) => items(doc).filter((i) => i.kind === kind);

  for (let step = 0; step < STEPS; step++) {
    const pi = rng.int(peers.length);
    const peer = peers[pi] as TestClient;
    const doc = peer.doc;
    const all = items(doc);
    const r = rng.float();
    const who = `#${step} p${pi}`;

    if (r < 0.05) {
      // Go offline or come back (at least one peer stays online).
      const online = peers.filter((p) => p.provider.shouldConnect).length;
      if (peer.provider.shouldConnect && online > 1) {
        peer.disconnect();
        trace.push(`${who} offline`);
      } else if (!peer.provider.shouldConnect) {
        peer.connect();
        trace.push(`${who} online`);
      }
    } else if (r < 0.3 || all.length < 3) {
      const problems = ofKind(doc, 'problem');
      const kind = problems.length > 0 && rng.chance(0.25) ? 'perspective' : rng.pick(['idea', 'problem'] as const);
      const id = createItem(doc, {
        kind,
        x: rng.range(-5000, 5000),
        y: rng.range(-5000, 5000),
        author: author(rng.pick(ROLE_IDS), `Peer ${pi}`),
        text: rng.chance(0.7) ? `${rng.word()}\n${rng.word()}` : undefined,
        problemId: kind === 'perspective' ? rng.pick(problems).id : undefined,
      });
      created.add(id);
      trace.push(`${who} create ${kind} ${id}`);
    } else if (r < 0.42) {
      const n = rng.range(1, 3);
      const moves = Array.from({ length: n }, () => ({
        id: rng.pick(all).id,
        x: rng.range(-9000, 9000),
        y: rng.range(-9000, 9000),
      }));
      moveItems(doc, moves);
      trace.push(`${who} move ${moves.map((m) => m.id).join(',')}`);
    } else if (r < 0.47) {
      const target = rng.pick(all);
      updateItem(doc, target.id, { w: rng.range(40, 4000), h: rng.range(40, 4000) });
      trace.push(`${who} resize ${target.id}`);
    } else if (r < 0.55) {
      const victims = [...new Set(Array.from({ length: rng.range(1, 2) }, () => rng.pick(all).id))];
      deleteItems(doc, victims);
      for (const v of victims) deleted.add(v);
      trace.push(`${who} delete ${victims.join(',')}`);
    } else if (r < 0.75) {
      const target = rng.pick(all);
      typeInto(doc, target.id, rng.int(12), rng.word());
      trace.push(`${who} type ${target.id}`);
    } else if (r < 0.83) {
      const target = rng.pick(all);
      const n = deleteTextAt(doc, target.id, rng.int(8), rng.range(1, 4));
      trace.push(`${who} erase ${n} ${target.id}`);
    } else if (r < 0.95) {
      const kind = rng.pick(['addresses', 'builds-on', 'perspective-on'] as const);
      const [fromKind, toKind] = ({ addresses: ['idea', 'problem'], 'builds-on': ['idea', 'idea'], 'perspective-on': ['perspective', 'problem'] } as const)[kind];
      const froms = ofKind(doc, fromKind);
      const tos = ofKind(doc, toKind);
      if (froms.length > 0 && tos.length > 0) {
        const from = rng.pick(froms).id;
        const to = rng.pick(tos).id;
        if (from !== to) {
          const id = linkItems(doc, { kind, from, to, label: rng.chance(0.3) ? rng.word() : '' });
          links.set(id, { from, to, kind });
          trace.push(`${who} link ${kind} ${id}`);
        }
      }
    } else {
      const existing = listLinks(doc);
      if (existing.length > 0) {
        const l = rng.pick(existing);
        unlink(doc, l.id);
        unlinked.add(l.id);
        trace.push(`${who} unlink ${l.id}`);
      }
    }

    // Co-creation on top, through the tools' own writers: a comment, an agreed goal or a value rating.
    const livingNow = items(doc);
    if (rng.chance(0.15) && livingNow.length > 0) {
      const c = rng.float();
      if (c < 0.4) {
        const target = rng.pick(livingNow);
        addComment(doc, target.id, { name: `Peer ${pi}`, role: rng.pick(ROLE_IDS) }, `kommentar ${rng.word()}`);
        trace.push(`${who} comment ${target.id}`);
      } else if (c < 0.55) {
        // The action plan: new actions, and concurrent edits of one action's fields (issue 16).
        const mine = readActions(doc);
        if (mine.length > 0 && rng.chance(0.6)) {
          const a = rng.pick(mine);
          const field = rng.pick(['status', 'who', 'due'] as const);
          const value = field === 'status' ? rng.pick(ACTION_STATUSES) : field === 'who' ? `ejer ${rng.word()}` : `2027-0${rng.range(1, 9)}-1${rng.range(0, 9)}`;
          setActionField(doc, a.id, field, value, rng.pick(ROLE_IDS), Date.now());
          trace.push(`${who} action ${a.id} ${field}`);
        } else {
          const target = rng.pick(livingNow);
          const id = addAction(doc, { source: { kind: 'idea', id: target.id }, what: `handling ${rng.word()}`, who: `Peer ${pi}` }, rng.pick(ROLE_IDS), Date.now());
          actionsAdded.add(id);
          trace.push(`${who} add action ${id}`);
        }
      } else if (c < 0.7) {
        const id = addAgreedGoal(doc, { horizon: rng.pick(['short', 'long'] as const), text: `mål ${rng.word()}`, author: author(rng.pick(ROLE_IDS), `Peer ${pi}`) });
        goalsAdded.add(id);
        trace.push(`${who} goal ${id}`);
      } else {
        const ideas = livingNow.filter((i) => i.kind === 'idea');
        if (ideas.length > 0) {
          const idea = rng.pick(ideas);
          setRating(doc, idea.id, `fuzz-person-key-${String(pi).padStart(4, '0')}`, rng.pick(ROLE_IDS), { personal: rng.range(1, 5), collective: rng.range(1, 5) });
          trace.push(`${who} rate ${idea.id}`);
        }
      }
    }

    // Let the network run now and then, a random amount, so peers interleave differently per seed.
    if (rng.chance(0.3)) {
      const turns = rng.range(1, 4);
      for (let t = 0; t < turns; t++) await yieldToLoop();
    }
  }

  trace.push('reconnect all');
  for (const p of peers) if (!p.provider.shouldConnect) p.connect();
  await waitFor(() => peers.every((p) => p.synced), { timeoutMs: 15_000, message: 'all peers to sync' });
  const observer = connectClient(scope, srv.wsUrl, board);
  await observer.waitSynced();
  const docs = [...peers.map((p) => p.doc), observer.doc];
  await waitConverged(docs, { timeoutMs: 20_000 });

  const reference = projectBoard(peers[0]?.doc as Y.Doc);
  docs.forEach((d, i) => {
    expect(stateVector(d), `state vector of doc ${i}`).toEqual(stateVector(docs[0] as Y.Doc));
    expect(projectBoard(d), `board of doc ${i}`).toEqual(reference);
    // Every root map of the registry, not only cards and links (shared/doc/registry.ts).
    for (const key of ROOT_KEYS) expect(d.getMap(key).toJSON(), `${key} of doc ${i}`).toEqual((docs[0] as Y.Doc).getMap(key).toJSON());
  });
  // Actions are never removed by the fuzz: every one added is there.
  expect(readActions(docs[0] as Y.Doc).map((a) => a.id).sort()).toEqual([...actionsAdded].sort());
  // Goals are never deleted by anything the fuzz does: every one agreed on is there.
  expect(readGoals(docs[0] as Y.Doc).agreed.map((g) => g.id).sort()).toEqual([...goalsAdded].sort());

  // The end state is what the operations imply, not just "the same everywhere".
  expect(reference.damaged).toEqual([]);
  const survivors = [...created].filter((id) => !deleted.has(id)).sort();
  expect(reference.items.map((i) => i.id).sort()).toEqual(survivors);
  const alive = new Set(survivors);
  // Link ids are derived from (kind, from, to), so one id can be linked, unlinked and linked
  // again, concurrently too: a link never unlinked must be there; an unlinked one may be back.
  const listed = reference.links.map((l) => l.id).sort();
  const endsAlive = [...links.entries()].filter(([, l]) => alive.has(l.from) && alive.has(l.to)).map(([id]) => id);
  const mustHave = endsAlive.filter((id) => !unlinked.has(id)).sort();
  expect(listed.filter((id) => !endsAlive.includes(id)), 'links nobody made, or with a deleted end').toEqual([]);
  expect(mustHave.filter((id) => !listed.includes(id)), 'links never unlinked but missing').toEqual([]);
  const kinds = new Map(reference.items.map((i) => [i.id, i.kind]));
  for (const l of reference.links) {
    const expectedKinds = { addresses: 'idea>problem', 'builds-on': 'idea>idea', 'perspective-on': 'perspective>problem' }[l.kind];
    expect(`${kinds.get(l.from)}>${kinds.get(l.to)}`).toBe(expectedKinds);
  }
  // The server holds the same: every peer's clock is in the observer's doc.
  for (const p of peers) expect(stateVector(observer.doc)[String(p.clientID)] ?? 0).toBe(p.ownClock());
}

describe('fuzz: random concurrent editing converges', () => {
  it.each(SEEDS)('seed %i', { timeout: 60_000 }, async (seed) => {
    const trace: string[] = [];
    try {
      await runFuzz(seed, trace);
    } catch (err) {
      const e = err as Error;
      e.message = `[fuzz seed ${seed}; rerun with FUZZ_SEEDS=${seed}] ${e.message}\nlast operations:\n  ${trace.slice(-25).join('\n  ')}`;
      throw e;
    }
  });
});
