import { describe, expect, it } from 'vitest';
import {
  computeState,
  type ConnectionEvent,
  type ConnectionSnapshot,
  type Effect,
  type Machine,
  NOT_SAVED_AFTER_MS,
  nextSnapshot,
  type Observed,
  START,
  transition,
} from '../../client/src/sync/connectionState';
import { AccessCloseCode, CloseCode } from '../../shared/protocol';

/**
 * The client connection's state machine (client/src/sync/connectionState.ts): what a close
 * code, the browser's offline/online events and resume() do to the socket, and which state
 * the status shows. The waiting between reconnect attempts is y-websocket's and not tested here.
 */

/** Feeds the events one by one; the effects of each event, in order. */
function run(events: ConnectionEvent[], from: Machine = START): { machine: Machine; effects: (readonly Effect[])[] } {
  let machine = from;
  const effects: (readonly Effect[])[] = [];
  for (const e of events) {
    const step = transition(machine, e);
    machine = step.machine;
    effects.push(step.effects);
  }
  return { machine, effects };
}

const close = (code: number | null): ConnectionEvent => ({ type: 'close', code });
/** The browser's `offline` event while the provider still means to be connected (or not). */
const offline = (shouldConnect = true): ConnectionEvent => ({ type: 'offline', shouldConnect });
const online: ConnectionEvent = { type: 'online' };
const resume: ConnectionEvent = { type: 'resume' };

/** Codes after which the board is closed: the client must not knock again. */
const BOARD_CLOSED = [CloseCode.BoardDeleted, CloseCode.BoardTrashed, CloseCode.BoardUnknown] as const;
/** Every other code we know of, ours and the browser's and the websocket library's. */
const RECONNECTING = [
  ...Object.values(CloseCode).filter((c) => !(BOARD_CLOSED as readonly number[]).includes(c)),
  AccessCloseCode.LinkRotated,
  1000,
  1001,
  1002,
  1006,
  1007,
  1009,
  1011,
];

describe('a close', () => {
  it.each(RECONNECTING.map((c) => [c]))('with code %i leaves reconnecting to the provider (no stop, no erase)', (code) => {
    expect(transition(START, close(code))).toEqual({ machine: START, effects: [] });
  });

  it('that we made ourselves (no close event) is no reason to stop', () => {
    expect(transition(START, close(null))).toEqual({ machine: START, effects: [] });
  });

  it('however often it happens, an ordinary close never stops the connection', () => {
    const { machine, effects } = run(Array.from({ length: 20 }, (_, i) => close(i % 2 ? 1006 : CloseCode.ServerShutdown)));
    expect(machine.stopped).toBe(false);
    expect(effects.flat()).toEqual([]);
  });

  it('with 4201 (board in the trash) stops: no reconnect, and the browser keeps its copy', () => {
    const { machine, effects } = transition(START, close(CloseCode.BoardTrashed));
    expect(machine.stopped).toBe(true);
    expect(effects).toEqual(['stopReconnecting']);
  });

  it('with 4004 (no board has this id, OPEN_BOARDS off) stops; nothing is erased', () => {
    const { machine, effects } = transition(START, close(CloseCode.BoardUnknown));
    expect(machine.stopped).toBe(true);
    expect(effects).toEqual(['stopReconnecting']);
  });

  it('with 4200 (board deleted) stops and erases the browser copy', () => {
    const { machine, effects } = transition(START, close(CloseCode.BoardDeleted));
    expect(machine.stopped).toBe(true);
    expect(effects).toEqual(['stopReconnecting', 'eraseLocalCopy']);
  });

  it.each(BOARD_CLOSED.map((c) => [c]))('with %i stays stopped through later closes, until resume', (code) => {
    const { machine, effects } = run([close(code), close(null), close(1006)]);
    expect(machine.stopped).toBe(true);
    expect(effects.slice(1)).toEqual([[], []]);
  });

  it('with a board-closed code shows "stopped", whatever the socket says', () => {
    const { machine } = transition(START, close(CloseCode.BoardTrashed));
    const observed: Observed = { stopped: machine.stopped, everSynced: true, connected: true, connecting: false, synced: true, hasUnsavedChanges: false, unsavedForMs: 0 };
    expect(computeState(observed)).toBe('stopped');
  });
});

describe('the network', () => {
  it('going offline closes the socket ourselves and pauses: no reconnect attempts while it is gone', () => {
    const { machine, effects } = transition(START, offline());
    expect(machine).toEqual({ stopped: false, pausedForNetwork: true });
    // 'disconnect' (provider.disconnect) clears shouldConnect: the provider does not retry.
    expect(effects).toEqual(['disconnect']);
  });

  it('coming back online connects at once', () => {
    const { machine, effects } = run([offline(), online]);
    expect(machine).toEqual(START);
    expect(effects).toEqual([['disconnect'], ['connect']]);
  });

  it('a second offline event (already disconnected) changes nothing; online connects once', () => {
    const { machine, effects } = run([offline(true), offline(false), online, online]);
    expect(machine).toEqual(START);
    expect(effects).toEqual([['disconnect'], [], ['connect'], []]);
  });

  it('our own close of the paused socket does not end the pause', () => {
    const { machine, effects } = run([offline(), close(null), online]);
    expect(effects).toEqual([['disconnect'], [], ['connect']]);
    expect(machine).toEqual(START);
  });

  it('online without an earlier pause does nothing', () => {
    expect(transition(START, online)).toEqual({ machine: START, effects: [] });
  });

  it('a stopped board stays stopped through offline and online', () => {
    // Stopping cleared shouldConnect, so the offline event finds nothing to pause.
    const { machine, effects } = run([close(CloseCode.BoardTrashed), offline(false), online]);
    expect(machine).toEqual({ stopped: true, pausedForNetwork: false });
    expect(effects.slice(1)).toEqual([[], []]);
  });

  it('a connection someone else closed (e.g. a rotated link) is not reopened by online', () => {
    const { machine, effects } = run([close(AccessCloseCode.LinkRotated), offline(false), online]);
    expect(machine).toEqual(START);
    expect(effects.flat()).toEqual([]);
  });
});

describe('resume()', () => {
  it.each(BOARD_CLOSED.map((c) => [c]))('after %i connects again', (code) => {
    const { machine, effects } = run([close(code), resume]);
    expect(machine.stopped).toBe(false);
    expect(effects[1]).toEqual(['connect']);
  });

  it('after resuming, an ordinary close reconnects again and a board-closed code stops again', () => {
    const { machine: afterDrop, effects } = run([close(CloseCode.BoardTrashed), resume, close(1006)]);
    expect(afterDrop.stopped).toBe(false);
    expect(effects[2]).toEqual([]);
    expect(transition(afterDrop, close(CloseCode.BoardTrashed)).machine.stopped).toBe(true);
  });
});

describe('the status', () => {
  const base: Observed = { stopped: false, everSynced: true, connected: true, connecting: false, synced: true, hasUnsavedChanges: false, unsavedForMs: 0 };

  it.each<[string, Partial<Observed>, ReturnType<typeof computeState>]>([
    ['first load, socket connecting', { everSynced: false, connected: false, connecting: true, synced: false }, 'loading'],
    ['first load, socket open', { everSynced: false, synced: false }, 'loading'],
    ['first load, no socket at all', { everSynced: false, connected: false, synced: false }, 'offline'],
    ['synced before, disconnected, nothing unsaved', { connected: false, synced: false }, 'reconnecting'],
    ['synced before, disconnected, edits not stored', { connected: false, synced: false, hasUnsavedChanges: true }, 'offline'],
    ['connected again, not yet synced', { synced: false }, 'reconnecting'],
    ['synced, all stored', {}, 'saved'],
    ['synced, edits just sent', { hasUnsavedChanges: true, unsavedForMs: 10 }, 'saving'],
    ['synced, edits waiting exactly the limit', { hasUnsavedChanges: true, unsavedForMs: NOT_SAVED_AFTER_MS }, 'saving'],
    ['synced, edits waiting longer than the limit', { hasUnsavedChanges: true, unsavedForMs: NOT_SAVED_AFTER_MS + 1 }, 'unsaved'],
    ['stopped, though the socket looks fine', { stopped: true }, 'stopped'],
    ['stopped before the first sync', { stopped: true, everSynced: false, connected: false, synced: false }, 'stopped'],
    ['stopped with edits not stored', { stopped: true, connected: false, hasUnsavedChanges: true }, 'stopped'],
  ])('%s: %s', (_name, o, state) => {
    expect(computeState({ ...base, ...o })).toBe(state);
  });

  it('an unchanged state gives the same snapshot, so nobody is told', () => {
    const prev: ConnectionSnapshot = { state: 'reconnecting', lastCloseCode: 1006 };
    expect(nextSnapshot(prev, 'reconnecting')).toBe(prev);
  });

  it('a new state keeps the close code, so the status can say why', () => {
    expect(nextSnapshot({ state: 'saved', lastCloseCode: CloseCode.BoardTrashed }, 'stopped')).toEqual({ state: 'stopped', lastCloseCode: CloseCode.BoardTrashed });
    expect(nextSnapshot({ state: 'saved', lastCloseCode: CloseCode.BoardTooLarge }, 'reconnecting')).toEqual({ state: 'reconnecting', lastCloseCode: CloseCode.BoardTooLarge });
  });

  it('saved again forgets the close code, even when the state read saved already', () => {
    expect(nextSnapshot({ state: 'reconnecting', lastCloseCode: 1006 }, 'saved')).toEqual({ state: 'saved', lastCloseCode: null });
    // y-websocket reports the close before it clears `wsconnected` (see connection.ts).
    expect(nextSnapshot({ state: 'saved', lastCloseCode: 4000 }, 'saved')).toEqual({ state: 'saved', lastCloseCode: null });
  });
});
