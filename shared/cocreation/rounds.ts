import type * as Y from 'yjs';
import { readRoundOf } from './doc';
import { readRound, type RoundState } from './votes';

/**
 * Every vote round of a board (issue 16): root map `rounds`, round id → the
 * round's state as the server last published it (status, participation and,
 * once revealed, the results). Written by the server only, next to the
 * current round in `cocreation.round`, so starting a new round never hides an
 * earlier one. History: a restore does not rewind it. Readers skip malformed
 * entries (the document is untrusted).
 */
export const ROUNDS_KEY = 'rounds';
export const roundsMap = (doc: Y.Doc) => doc.getMap<unknown>(ROUNDS_KEY);
/** Readers stop here. */
export const MAX_ROUNDS = 500;

/** Every round, oldest first; the current round's newer state wins over its history entry. */
export function readRoundHistory(doc: Y.Doc): RoundState[] {
  const out = new Map<string, RoundState>();
  roundsMap(doc).forEach((value, key) => {
    if (out.size >= MAX_ROUNDS) return;
    const r = readRound(value);
    if (r && r.id === key) out.set(key, r);
  });
  const current = readRoundOf(doc);
  if (current) {
    const kept = out.get(current.id);
    if (!kept || kept.rev <= current.rev) out.set(current.id, current);
  }
  return [...out.values()].sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
}

/** Writes one round's state into the history unless a newer state of it is there (late writes lose). */
export function recordRound(doc: Y.Doc, state: RoundState): void {
  const kept = readRound(roundsMap(doc).get(state.id));
  if (kept && kept.rev > state.rev) return;
  roundsMap(doc).set(state.id, state);
}

/** The latest revealed round (the one the minutes rank ideas by), or null. */
export function latestRevealed(rounds: readonly RoundState[]): RoundState | null {
  for (let i = rounds.length - 1; i >= 0; i--) if ((rounds[i] as RoundState).status === 'revealed') return rounds[i] as RoundState;
  return null;
}
