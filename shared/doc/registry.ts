import type * as Y from 'yjs';
import { COCREATION_KEY, readClients, readRoundOf, readSettings } from '../cocreation/doc';
import { COMMENTS_KEY, readComments, stripCommentNames } from '../cocreation/comments';
import { EVALUATION_KEY, readEvaluation } from '../cocreation/evaluation';
import { GOALS_KEY, readGoals, stripGoalNames } from '../cocreation/goals';
import { readSession, SESSION_KEY, stripSessionNames } from '../cocreation/session';
import { readRatings, VALUE_KEY } from '../cocreation/value';
import { listItems, listLinks, readMeta, stripAuthorNames } from '../model/board';
import { readPlainText } from '../model/richtext';
import { ITEMS_KEY, LINKS_KEY, META_KEY } from '../model/schema';
import { toPlain } from './plain';
import { ACTIONS_KEY, readActions, stripActionNames } from '../cocreation/actions';
import { DECISIONS_KEY, readDecisions, stripDecisionNames } from '../cocreation/decisions';
import { readRoundHistory, ROUNDS_KEY } from '../cocreation/rounds';
import { readWorkLog, stripWorkLogNames, WORKLOG_KEY } from '../cocreation/worklog';

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
 *
 * `read` is the map's validating reader (the tool's own, which skips
 * malformed entries and never throws) as plain JSON data: the JSON export
 * carries it for every map with `exported`, and an import runs every reader
 * before it accepts a file. Erasing a board needs no entry: it deletes the
 * whole document (every root map) and its snapshots.
 */
export type RootOwner = 'board' | 'session' | 'goals' | 'value' | 'comments' | 'evaluation' | 'votes' | 'decisions' | 'actions';

export interface RootMapSpec {
  key: string;
  owner: RootOwner;
  /** One line for people (docs, the restore summary). */
  what: string;
  /** Which top-level keys of the map a restore brings back: all, none, or those the predicate accepts. */
  restore: 'all' | 'none' | ((key: string) => boolean);
  /** The map as the app understands it: plain data, malformed entries left out. Never throws on a well-formed Y.Doc. */
  read: (doc: Y.Doc) => unknown;
  /** In the readable `content` of the JSON export (live coordination is not: it means nothing after the session). */
  exported: boolean;
  /**
   * Removes every participant name the map holds (roles and per-device keys
   * stay), for exports while names are hidden (shared/cocreation/anonymity.ts).
   * Absent: the map holds no names. The anonymity test fails when a map
   * shows a name after this ran.
   */
  stripNames?: (doc: Y.Doc) => void;
  /**
   * A record of what happened (vote rounds, decisions by consent, the session
   * log): a restore does not rewind it, and an import keeps it — it is not
   * live coordination.
   */
  history?: true;
}

/** Cards in plain data: rich text as plain text (the full text is in the export's Yjs state). */
function readItems(doc: Y.Doc): unknown {
  const { items, damaged } = listItems(doc);
  return {
    items: items.map(({ body, ...rest }) => ({ ...(toPlain(rest) as object), text: readPlainText(body) })),
    damaged: damaged.map((d) => d.id),
  };
}

const liveItemIds = (doc: Y.Doc) => new Set(listItems(doc).items.map((i) => i.id));

/** Session keys that are the agenda and where the group is in it; the rest is live coordination. */
const isAgendaKey = (key: string) => key === 'current' || key.startsWith('step|');

export const ROOT_MAPS: readonly RootMapSpec[] = [
  { key: META_KEY, owner: 'board', what: 'title, schema version, creation time', restore: 'all', read: (d) => toPlain(readMeta(d)), exported: true },
  { key: ITEMS_KEY, owner: 'board', what: 'problems, perspectives, ideas and frames with their text', restore: 'all', read: readItems, exported: true, stripNames: stripAuthorNames },
  { key: LINKS_KEY, owner: 'board', what: 'connectors between cards', restore: 'all', read: (d) => toPlain(listLinks(d)), exported: true },
  { key: COMMENTS_KEY, owner: 'comments', what: 'comments on cards', restore: 'all', read: (d) => toPlain(readComments(d, liveItemIds(d))), exported: true, stripNames: stripCommentNames },
  { key: VALUE_KEY, owner: 'value', what: 'value ratings (personal, collective, societal)', restore: 'all', read: (d) => toPlain(readRatings(d)), exported: true },
  { key: GOALS_KEY, owner: 'goals', what: 'goals and expectations, and their look-back', restore: 'all', read: (d) => toPlain(readGoals(d)), exported: true, stripNames: stripGoalNames },
  { key: EVALUATION_KEY, owner: 'evaluation', what: 'evaluation sessions, answers, indicators and stories', restore: 'all', read: (d) => toPlain(readEvaluation(d)), exported: true },
  {
    key: SESSION_KEY,
    owner: 'session',
    what: 'the agenda and the current step (not proposals, ready/done marks or the timer)',
    restore: isAgendaKey,
    read: (d) => toPlain(readSession(d)),
    exported: true,
    stripNames: stripSessionNames,
  },
  {
    key: DECISIONS_KEY,
    owner: 'decisions',
    what: 'decisions agreed by consent, their revisions, and open decision proposals',
    restore: 'none',
    history: true,
    read: (d) => toPlain(readDecisions(d)),
    exported: true,
    stripNames: stripDecisionNames,
  },
  { key: ACTIONS_KEY, owner: 'actions', what: 'the action plan: what, who, due date and status', restore: 'all', read: (d) => toPlain(readActions(d)), exported: true, stripNames: stripActionNames },
  {
    key: ROUNDS_KEY,
    owner: 'votes',
    what: 'every vote round with its participation and revealed results',
    restore: 'none',
    history: true,
    read: (d) => toPlain(readRoundHistory(d)),
    exported: true,
  },
  {
    key: WORKLOG_KEY,
    owner: 'session',
    what: 'the session log: who took part on which day, and the phases run',
    restore: 'none',
    history: true,
    read: (d) => toPlain(readWorkLog(d)),
    exported: true,
    stripNames: stripWorkLogNames,
  },
  {
    key: COCREATION_KEY,
    owner: 'votes',
    what: 'the live vote round, settings and client role declarations',
    restore: 'none',
    read: (d) => toPlain({ round: readRoundOf(d), settings: readSettings(d), clients: readClients(d) }),
    exported: false,
  },
];

export const ROOT_KEYS: readonly string[] = ROOT_MAPS.map((m) => m.key);

/** Whether a restore brings back `key` of root map `spec`. */
export function restores(spec: RootMapSpec, key: string): boolean {
  return spec.restore === 'all' ? true : spec.restore === 'none' ? false : spec.restore(key);
}

/** The root maps a restore touches at all. */
export const RESTORED_MAPS: readonly RootMapSpec[] = ROOT_MAPS.filter((m) => m.restore !== 'none');

/** The root maps in the JSON export's readable content. */
export const EXPORTED_MAPS: readonly RootMapSpec[] = ROOT_MAPS.filter((m) => m.exported);
