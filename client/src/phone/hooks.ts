import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { readComments, commentsMap, type BoardComment } from '../../../shared/cocreation/comments';
import { cocreationMap, readRoundOf } from '../../../shared/cocreation/doc';
import { readSession, sessionMap, type SessionState } from '../../../shared/cocreation/session';
import { myRating, valueMap, type ValueRating } from '../../../shared/cocreation/value';
import type { RoundState } from '../../../shared/cocreation/votes';
import { readGoals, goalsMap, type GoalsState } from '../../../shared/cocreation/goals';
import { readPlainText } from '../../../shared/model/richtext';

/** Re-reads `read()` whenever the root map `map` changes; the phone view's one way of following the document. */
function useMapValue<T>(doc: Y.Doc, map: (doc: Y.Doc) => Y.Map<unknown>, read: () => T, deep = false): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const m = map(doc);
    const update = () => setValue(read());
    update();
    if (deep) m.observeDeep(update);
    else m.observe(update);
    return () => (deep ? m.unobserveDeep(update) : m.unobserve(update));
    // `read` is rebuilt every render; what it reads is given by the other dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, map, deep]);
  return value;
}

export const useSession = (doc: Y.Doc): SessionState => useMapValue(doc, sessionMap, () => readSession(doc));

export const useRound = (doc: Y.Doc): RoundState | null => useMapValue(doc, cocreationMap, () => readRoundOf(doc));

export const useGoals = (doc: Y.Doc): GoalsState => useMapValue(doc, goalsMap, () => readGoals(doc));

/** Comments per live card. */
export function useComments(doc: Y.Doc, live: ReadonlySet<string>): Map<string, BoardComment[]> {
  const [value, setValue] = useState(() => readComments(doc, live));
  useEffect(() => {
    const m = commentsMap(doc);
    const update = () => setValue(readComments(doc, live));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc, live]);
  return value;
}

/** My own rating of an idea, live. */
export function useMyRating(doc: Y.Doc, ideaId: string, personKey: string): ValueRating | null {
  const [value, setValue] = useState(() => myRating(doc, ideaId, personKey));
  useEffect(() => {
    const m = valueMap(doc);
    const update = () => setValue(myRating(doc, ideaId, personKey));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc, ideaId, personKey]);
  return value;
}

/** A card's text as plain text, live (the item list does not re-render on typing). */
export function useBodyText(body: Y.XmlFragment): string {
  const [text, setText] = useState(() => readPlainText(body));
  useEffect(() => {
    const update = () => setText(readPlainText(body));
    update();
    body.observeDeep(update);
    return () => body.unobserveDeep(update);
  }, [body]);
  return text;
}

/** Re-renders once a second while `on` (the countdown). */
export function useTick(on: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [on]);
}
