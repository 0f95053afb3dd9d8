import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, moveItem } from '../../shared/model/board';
import type { RoleId } from '../../shared/roles';
import { author, itemIds, projectBoard, typeInto } from '../helpers/board';
import { connectClient, stateVector, waitConverged } from '../helpers/client';
import { Rng } from '../helpers/prng';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { yieldToLoop } from '../helpers/wait';

const scope = useScope();

const ROLES: RoleId[] = ['citizen', 'politician', 'public-employee', 'volunteer-association'];

it('four clients editing concurrently (create, move, type) end with identical boards', async () => {
  const srv = await startTestServer(scope);
  const board = 'convergence-4';
  const clients = ROLES.map(() => connectClient(scope, srv.wsUrl, board));
  await Promise.all(clients.map((c) => c.waitSynced()));

  // Each client runs its own random script at the same time; remote items
  // become targets for moves and typing as soon as they arrive.
  const results = await Promise.all(
    clients.map(async (c, i) => {
      const rng = new Rng(1000 + i);
      const created: string[] = [];
      let chars = 0;
      for (let step = 0; step < 80; step++) {
        const known = itemIds(c.doc);
        const r = rng.float();
        if (known.length === 0 || r < 0.3) {
          const text = `c${i}s${step}`;
          created.push(
            createItem(c.doc, {
              kind: rng.pick(['idea', 'problem'] as const),
              x: rng.range(-2000, 2000),
              y: rng.range(-2000, 2000),
              author: author(ROLES[i], `Person ${i}`),
              text,
            }),
          );
          chars += text.length;
        } else if (r < 0.6) {
          moveItem(c.doc, rng.pick(known), rng.range(-5000, 5000), rng.range(-5000, 5000));
        } else {
          const word = rng.word();
          typeInto(c.doc, rng.pick(known), rng.int(20), word);
          chars += word.length;
        }
        // Let websocket traffic in and out between steps, so edits really interleave.
        if (rng.chance(0.5)) await yieldToLoop();
      }
      return { created, chars };
    }),
  );

  const docs = clients.map((c) => c.doc);
  await waitConverged(docs);

  // A fresh client sees what the server holds.
  const observer = connectClient(scope, srv.wsUrl, board);
  await observer.waitSynced();
  await waitConverged([...docs, observer.doc]);

  const reference = projectBoard(docs[0] as Y.Doc);
  for (const d of [...docs, observer.doc]) {
    expect(stateVector(d)).toEqual(stateVector(docs[0] as Y.Doc));
    expect(projectBoard(d)).toEqual(reference);
  }

  // Nothing was lost on the way: every created item, every typed character.
  const allCreated = results.flatMap((r) => r.created).sort();
  expect(reference.items.map((i) => i.id).sort()).toEqual(allCreated);
  expect(reference.damaged).toEqual([]);
  const totalChars = reference.items.reduce((n, it) => n + it.text.replace(/\n/g, '').length, 0);
  expect(totalChars).toBe(results.reduce((n, r) => n + r.chars, 0));
  // Every client's clock made it into every doc.
  for (const c of clients) expect(stateVector(observer.doc)[String(c.clientID)]).toBe(c.ownClock());
});
