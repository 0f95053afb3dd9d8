import { COCREATION_KEY } from '../cocreation/doc';
import { COMMENTS_KEY } from '../cocreation/comments';
import { EVALUATION_KEY } from '../cocreation/evaluation';
import { GOALS_KEY } from '../cocreation/goals';
import { SESSION_KEY } from '../cocreation/session';
import { VALUE_KEY } from '../cocreation/value';
import { ITEMS_KEY, LINKS_KEY, META_KEY } from '../model/schema';

/**
 * Every root map of a board's Y.Doc, declared once (docs/data-model.md).
 * Restore, compare, the fuzz test and the docs test iterate this list, so a
 * new tool's map cannot be forgotten by one of them: adding a root map
 * without an entry here fails the registry test.
 *
 * `restore` says what a snapshot restore brings back: people's work is
 * restored; live coordination (an open proposal, ready and done marks, the
 * running timer, the live vote round, client role declarations) is not, since
 * bringing it back would re-open decisions nobody is taking now.
 */
export type RootOwner = 'board' | 'session' | 'goals' | 'value' | 'comments' | 'evaluation' | 'votes';

export interface RootMapSpec {
  key: string;
  owner: RootOwner;
  /** One line for people (docs, the restore summary). */
  what: string;
  /** Which top-level keys of the map a restore brings back: all, none, or those the predicate accepts. */
  restore: 'all' | 'none' | ((key: string) => boolean);
}

/** Session keys that are the agenda and where the group is in it; the rest is live coordination. */
const isAgendaKey = (key: string) => key === 'current' || key.startsWith('step|');

export const ROOT_MAPS: readonly RootMapSpec[] = [
  { key: META_KEY, owner: 'board', what: 'title, schema version, creation time', restore: 'all' },
  { key: ITEMS_KEY, owner: 'board', what: 'problems, perspectives, ideas and frames with their text', restore: 'all' },
  { key: LINKS_KEY, owner: 'board', what: 'connectors between cards', restore: 'all' },
  { key: COMMENTS_KEY, owner: 'comments', what: 'comments on cards', restore: 'all' },
  { key: VALUE_KEY, owner: 'value', what: 'value ratings (personal, collective, societal)', restore: 'all' },
  { key: GOALS_KEY, owner: 'goals', what: 'goals and expectations, and their look-back', restore: 'all' },
  { key: EVALUATION_KEY, owner: 'evaluation', what: 'evaluation sessions, answers, indicators and stories', restore: 'all' },
  { key: SESSION_KEY, owner: 'session', what: 'the agenda and the current step (not proposals, ready/done marks or the timer)', restore: isAgendaKey },
  { key: COCREATION_KEY, owner: 'votes', what: 'the live vote round, settings and client role declarations', restore: 'none' },
];

export const ROOT_KEYS: readonly string[] = ROOT_MAPS.map((m) => m.key);

/** Whether a restore brings back `key` of root map `spec`. */
export function restores(spec: RootMapSpec, key: string): boolean {
  return spec.restore === 'all' ? true : spec.restore === 'none' ? false : spec.restore(key);
}

/** The root maps a restore touches at all. */
export const RESTORED_MAPS: readonly RootMapSpec[] = ROOT_MAPS.filter((m) => m.restore !== 'none');
