import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author, itemIds } from '../helpers/board';
import { spawnServer } from '../helpers/child';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/** The real entry point (server/main.ts) stops cleanly on SIGTERM. */

const scope = useScope();

describe('SIGTERM', () => {
  it('stops gracefully: clients are told (4000), the process exits 0, and the board is intact', { timeout: 60_000 }, async () => {
    const dataDir = scope.tempDir();
    const first = await spawnServer(scope, { dataDir });
    const c = connectClient(scope, first.wsUrl, 'sigterm-board');
    await c.waitSynced();
    for (let n = 0; n < 50; n++) createItem(c.doc, { kind: 'idea', x: n, y: 0, author: author(), text: `t${n}` });
    await c.waitSaved();
    const exit = await first.kill('SIGTERM');
    expect(exit, first.output().stderr).toEqual({ code: 0, signal: null });
    await waitFor(() => c.closes.length > 0, { message: 'the client to see the close' });
    expect(c.closes[0]?.code).toBe(CloseCode.ServerShutdown);
    const expected = itemIds(c.doc);
    c.destroy();

    const second = await spawnServer(scope, { dataDir });
    const fresh = connectClient(scope, second.wsUrl, 'sigterm-board');
    await fresh.waitSynced();
    expect(itemIds(fresh.doc)).toEqual(expected);
    expect(expected).toHaveLength(50);
  });
});
