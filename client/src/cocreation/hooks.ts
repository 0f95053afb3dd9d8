import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cocreationMap, editSessionsByRole, readRoundOf, readSettings, type CocreationSettings } from '../../../shared/cocreation/doc';
import { readRatings, valueMap, type ValueRating } from '../../../shared/cocreation/value';
import type { RoundState } from '../../../shared/cocreation/votes';
import type { RoleId } from '../../../shared/roles';

/** The vote round and settings the document holds, live. */
export function useCocreationState(doc: Y.Doc): { round: RoundState | null; settings: CocreationSettings } {
  const [state, setState] = useState(() => ({ round: readRoundOf(doc), settings: readSettings(doc) }));
  useEffect(() => {
    const m = cocreationMap(doc);
    const update = (e?: Y.YMapEvent<unknown>) => {
      // Client registrations (`client:<id>`) change nothing shown here.
      if (e && ![...e.keysChanged].some((k) => !k.startsWith('client:'))) return;
      setState({ round: readRoundOf(doc), settings: readSettings(doc) });
    };
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return state;
}

/**
 * Card edit sessions per role from the document's own history, recomputed at most
 * once a second (it reads every struct, and typing makes many updates a second).
 */
export function useEditSessionsByRole(doc: Y.Doc): Partial<Record<RoleId, number>> {
  const [edits, setEdits] = useState(() => editSessionsByRole(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setEdits(editSessionsByRole(doc));
      }, 1000);
    };
    setEdits(editSessionsByRole(doc));
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return edits;
}

/** Every value rating in the document (the equal-voice meter counts them per role), live. */
export function useRatings(doc: Y.Doc): ValueRating[] {
  const [ratings, setRatings] = useState(() => readRatings(doc));
  useEffect(() => {
    const m = valueMap(doc);
    const update = () => setRatings(readRatings(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return ratings;
}
