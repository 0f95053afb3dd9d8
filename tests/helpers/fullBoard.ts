import * as Y from 'yjs';
import { addComment } from '../../shared/cocreation/comments';
import { cocreationMap, registerClient, ROUND_KEY, setAnonymousNames } from '../../shared/cocreation/doc';
import { addIndicator, addStory, openSession, setMeasurement, writeAnswer, EVAL_QUESTIONS } from '../../shared/cocreation/evaluation';
import { addAgreedGoal, writePersonField } from '../../shared/cocreation/goals';
import { addStep, applyProposal, propose, readSession, renameStep, setDone, setReady } from '../../shared/cocreation/session';
import { applyDecision, proposeDecision } from '../../shared/cocreation/decisions';
import { addAction } from '../../shared/cocreation/actions';
import { recordRound } from '../../shared/cocreation/rounds';
import { logPresence } from '../../shared/cocreation/worklog';
import type { RoundState } from '../../shared/cocreation/votes';
import { setRating } from '../../shared/cocreation/value';
import { createItem, initBoard, linkItems, setTitle } from '../../shared/model/board';

/**
 * A board with every kind of content people make, and live coordination on
 * top (an open proposal with a ready mark, a done mark, a vote round, role
 * declarations): what restore, compare and exports must cover (issue 15).
 * `tag` varies the content, so two calls on one doc give different values.
 */
export const PERSON = 'p_full_board_person_key_01';
const ann = { name: 'Ann', role: 'citizen' as const };

export function fillBoard(doc: Y.Doc, tag: string, now = 1_700_000_000_000): { problem: string; idea: string } {
  if (!doc.getMap('meta').has('title')) initBoard(doc, `Tavle ${tag}`, undefined, now);
  else setTitle(doc, `Tavle ${tag}`);
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 0, author: ann, text: `Problem ${tag}`, now });
  const idea = createItem(doc, { kind: 'idea', x: 300, y: 0, author: { name: 'Bo', role: 'politician' }, text: `Idé ${tag}`, now });
  const older = createItem(doc, { kind: 'idea', x: 600, y: 0, author: ann, text: `Ældre idé ${tag}`, now });
  createItem(doc, { kind: 'perspective', x: 0, y: 300, problemId: problem, author: ann, text: `Perspektiv ${tag}`, now });
  linkItems(doc, { kind: 'addresses', from: idea, to: problem });
  linkItems(doc, { kind: 'builds-on', from: idea, to: older });
  addComment(doc, idea, ann, `Kommentar ${tag}`, undefined, now);
  setRating(doc, idea, PERSON, 'citizen', { personal: tag.length % 5 + 1, collective: 3 }, undefined, now);
  writePersonField(doc, PERSON, 'expects', `Forventning ${tag}`, 'citizen', ann, undefined, now);
  addAgreedGoal(doc, { horizon: 'short', text: `Mål ${tag}`, author: ann }, undefined, now);
  const session = openSession(doc, { label: `Evaluering ${tag}`, date: '2026-12-03', role: 'citizen' }, undefined, now);
  writeAnswer(doc, session, (EVAL_QUESTIONS[0] as { id: string }).id, `Svar ${tag}`, 'citizen', undefined, now);
  const ind = addIndicator(doc, { name: `Indikator ${tag}`, baseline: 1, target: 5, direction: 'higher', unit: '', role: 'citizen' }, undefined, now);
  setMeasurement(doc, ind, session, 3, 'citizen', undefined, now);
  addStory(doc, { text: `Historie ${tag}`, kind: 'good', session, role: 'citizen' }, undefined, now);
  const step = addStep(doc, `Ekstra trin ${tag}`);
  renameStep(doc, readSession(doc).current.id, `Forstå ${tag}`);
  // Live coordination on top.
  const by = { key: PERSON, role: 'citizen' as const, name: 'Ann', roleText: '' };
  // A move the session log records, then a decision by consent with an action and a revealed round in the history.
  const move = propose(doc, { kind: 'goto', step }, by, now);
  applyProposal(doc, move, now + 1);
  logPresence(doc, { key: PERSON, role: 'citizen', name: 'Ann', roleText: '' }, '2026-12-03', now);
  const decided = proposeDecision(doc, { wording: `Beslutning ${tag}`, ideas: [idea] }, by, now);
  applyDecision(doc, decided, [by], now + 2);
  addAction(doc, { source: { kind: 'decision', id: decided }, what: `Handling ${tag}`, who: 'Ann', whoKind: 'person', due: '2027-01-15' }, 'citizen', now);
  recordRound(doc, { ...revealedRound(tag, idea), id: `old-round-${tag}` });
  const proposal = propose(doc, { kind: 'goto', step: readSession(doc).agenda[0]!.id }, by, now);
  setReady(doc, proposal, PERSON, true);
  setDone(doc, readSession(doc).current.id, PERSON, true);
  cocreationMap(doc).set(ROUND_KEY, { id: `round-${tag}`, status: 'open' });
  setAnonymousNames(doc, tag.length % 2 === 0);
  registerClient(doc, 'citizen');
  return { problem, idea };
}

/** A revealed round as the server writes it (one citizen's dots on one idea). */
export function revealedRound(tag: string, idea: string): RoundState {
  return {
    id: `round-${tag}`,
    status: 'revealed',
    dots: 3,
    equalWeight: false,
    anonymousNames: false,
    openedAt: 1_700_000_000_000,
    closedAt: 1_700_000_060_000,
    revealedAt: 1_700_000_060_000,
    rev: 3,
    participation: { voters: 1, votersByRole: { citizen: 1 } },
    results: { voters: 1, votersByRole: {}, dots: 3, dotsByRole: {}, merged: [], withheld: true, ideas: [{ ideaId: idea, text: `Idé ${tag}`, dots: 3, byRole: {}, weighted: 3, roles: 0, broad: false }] },
  };
}

export const cloneDoc = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
