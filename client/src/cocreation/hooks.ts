import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cocreationMap, editsByRole, readRoundOf, readSettings, type CocreationSettings } from '../../../shared/cocreation/doc';
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

/** Edits per role from the document's own history, recomputed at most once a second. */
export function useEditsByRole(doc: Y.Doc): Partial<Record<RoleId, number>> {
  const [edits, setEdits] = useState(() => editsByRole(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setEdits(editsByRole(doc));
      }, 1000);
    };
    setEdits(editsByRole(doc));
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return edits;
}
