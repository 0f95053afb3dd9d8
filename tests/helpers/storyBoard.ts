import type * as Y from 'yjs';
import { addAction } from '../../shared/cocreation/actions';
import { addComment } from '../../shared/cocreation/comments';
import { applyDecision, proposeDecision, setDecisionReady } from '../../shared/cocreation/decisions';
import { addIndicator, addStory, EVAL_QUESTIONS, openSession, setMeasurement, writeAnswer } from '../../shared/cocreation/evaluation';
import type { Person } from '../../shared/cocreation/session';
import { logPresence, logStepRun } from '../../shared/cocreation/worklog';
import { createItem, initBoard, linkItems, readMeta } from '../../shared/model/board';

/**
 * A board with everything a published story tells (issue 16), written by
 * people with distinctive names, so a test can look for any of them in the
 * page: problem, perspective, idea, a comment, two working days with phase
 * moves, a decision by consent, two actions (one late, one owned by a person),
 * and an evaluation with an answer, an indicator and a story.
 */
export const STORY_PEOPLE: readonly Person[] = [
  { key: 'story_person_karen_0001', role: 'citizen', name: 'Karen Quistgaard', roleText: '' },
  { key: 'story_person_ole_000002', role: 'politician', name: 'Ole Brixtofte-Vang', roleText: '' },
  { key: 'story_person_mads_00003', role: 'public-employee', name: 'Mads Zederkof', roleText: '' },
];
export const STORY_NAMES = STORY_PEOPLE.map((p) => p.name);
export const STORY_TEXT = {
  title: 'Ungdomsklub i Havnebyen',
  problem: 'Unge mangler et trygt sted at mødes om aftenen',
  idea: 'Brug den gamle havnekontor-bygning',
  comment: 'HEMMELIG-KOMMENTAR om nøglerne',
  decision: 'Vi åbner en prøveklub i havnekontoret',
  lateAction: 'Indret lokalet & køb møbler <inden jul>',
  personAction: 'Skriv til de unge i skolebladet',
  organisation: 'Kultur- og Fritidsforvaltningen',
  answer: 'Vi ved det er lykkedes, når 40 unge kommer hver uge.',
  story: 'Det var første gang, de unge sad ved samme bord som politikerne.',
  indicator: 'Unge pr. aften',
};

/** Fills `doc` (a new board) with the story; `names` says whether names are written (the board shows them). */
export function fillStoryBoard(doc: Y.Doc, now = Date.UTC(2026, 10, 3, 17)): { decision: string } {
  if (!readMeta(doc).title) initBoard(doc, STORY_TEXT.title, undefined, now);
  const [karen, ole, mads] = STORY_PEOPLE as [Person, Person, Person];
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 0, author: karen, text: STORY_TEXT.problem, now });
  createItem(doc, { kind: 'perspective', x: 0, y: 300, problemId: problem, author: ole, text: 'Det skal være trygt for forældrene', now });
  const idea = createItem(doc, { kind: 'idea', x: 300, y: 0, author: mads, text: STORY_TEXT.idea, now });
  linkItems(doc, { kind: 'addresses', from: idea, to: problem });
  addComment(doc, idea, karen, STORY_TEXT.comment, undefined, now);

  for (const p of STORY_PEOPLE) logPresence(doc, p, '2026-11-03', now);
  logStepRun(doc, { id: 'run-understand-1', step: 'understand', phase: 'understand', label: null, at: now + 60_000 });
  logStepRun(doc, { id: 'run-ideas-1', step: 'ideas', phase: 'ideas', label: 'Idéer til klubben', at: now + 120_000 });
  const later = now + 21 * 24 * 3600_000;
  for (const p of [karen, mads]) logPresence(doc, p, '2026-11-24', later);

  const decision = proposeDecision(doc, { wording: STORY_TEXT.decision, ideas: [idea] }, karen, now + 180_000);
  for (const p of STORY_PEOPLE) setDecisionReady(doc, decision, p.key, true);
  if (!applyDecision(doc, decision, STORY_PEOPLE, now + 240_000)) throw new Error('the fixture decision did not pass');

  addAction(doc, { source: { kind: 'decision', id: decision }, what: STORY_TEXT.lateAction, who: STORY_TEXT.organisation, whoKind: 'organisation', due: '2026-11-30' }, 'public-employee', now);
  addAction(doc, { source: { kind: 'decision', id: decision }, what: STORY_TEXT.personAction, who: karen.name, whoKind: 'person', due: '2027-01-15', status: 'underway' }, 'citizen', now + 1);

  const session = openSession(doc, { label: 'Evaluering efter tre måneder', date: '2026-11-24', role: 'citizen' }, undefined, later);
  writeAnswer(doc, session, (EVAL_QUESTIONS[0] as { id: string }).id, STORY_TEXT.answer, 'citizen', undefined, later);
  const ind = addIndicator(doc, { name: STORY_TEXT.indicator, unit: 'unge', baseline: 5, target: 40, direction: 'higher', role: 'public-employee' }, undefined, later);
  setMeasurement(doc, ind, session, 22, 'public-employee', undefined, later);
  addStory(doc, { text: STORY_TEXT.story, kind: 'good', session, role: 'politician' }, undefined, later);
  return { decision };
}
