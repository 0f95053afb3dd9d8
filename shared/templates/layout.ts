import type * as Y from 'yjs';
import { DEFAULT_PHASE_IDS, DEFAULT_PHASES, type DefaultPhaseId } from '../cocreation/agenda';
import { createItem, initBoard, linkItems } from '../model/board';
import { DEFAULT_SIZE, type Author } from '../model/schema';
import type { AreaPhaseId, LangText, PhaseBoardSpec, TemplateCard, TemplateLang } from './types';

/**
 * Lays a phase board out: one frame per default phase in a 3 × 2 grid that
 * reads left to right, top to bottom, in the order of the default agenda.
 * Frames are big enough for a group to add a dozen cards; cards and areas are
 * placed inside their frame, so moving a frame takes them along.
 */

export const FRAME_W = 960;
export const FRAME_H = 640;
export const FRAME_GAP = 80;
export const FRAME_COLUMNS = 3;
/** Room at the top of a frame for its header and name. */
const HEAD = 80;
const PAD = 30;

/** Positions inside the problem-understanding frame: the problem top left, perspectives beside and below it. */
const PERSPECTIVE_OFFSETS = [
  { x: 380, y: HEAD },
  { x: 660, y: HEAD },
  { x: 380, y: HEAD + 200 },
  { x: 660, y: HEAD + 200 },
  { x: PAD, y: HEAD + 220 },
] as const;
export const PERSPECTIVE_SLOTS = PERSPECTIVE_OFFSETS.length;
/** Ideas: three per row, two rows. */
const IDEA_COLUMNS = 3;
export const IDEA_SLOTS = 6;

export function phaseFrameOrigin(phase: DefaultPhaseId): { x: number; y: number } {
  const i = DEFAULT_PHASE_IDS.indexOf(phase);
  return { x: (i % FRAME_COLUMNS) * (FRAME_W + FRAME_GAP), y: Math.floor(i / FRAME_COLUMNS) * (FRAME_H + FRAME_GAP) };
}

/** Frames and areas are set up by the template, not by a participant: no author, no role of anyone's (stored with `template`). */
export const TEMPLATE_AUTHOR: Author = { name: '', role: 'other' };

/** A starter card has no author; its role is the seat the example speaks from. */
const authorOf = (card: TemplateCard): Author => ({ name: '', role: card.role });

/** Draws the six phase frames (behind everything else) and returns their ids by phase. */
export function addPhaseFrames(doc: Y.Doc, lang: TemplateLang, now: number): Record<DefaultPhaseId, string> {
  const author = TEMPLATE_AUTHOR;
  const ids = {} as Record<DefaultPhaseId, string>;
  for (const phase of DEFAULT_PHASE_IDS) {
    const { x, y } = phaseFrameOrigin(phase);
    // z −2: behind the areas (−1) and the cards (0 and up), like a frame drawn in the client.
    ids[phase] = createItem(doc, { kind: 'frame', x, y, w: FRAME_W, h: FRAME_H, z: -2, author, template: true, text: DEFAULT_PHASES[phase][lang], now });
  }
  return ids;
}

function addAreas(doc: Y.Doc, phase: AreaPhaseId, questions: readonly LangText[], lang: TemplateLang, now: number): void {
  const origin = phaseFrameOrigin(phase);
  const w = questions.length === 1 ? FRAME_W - 2 * PAD : (FRAME_W - 3 * PAD) / 2;
  questions.forEach((q, i) => {
    createItem(doc, {
      kind: 'frame',
      x: origin.x + PAD + i * (w + PAD),
      y: origin.y + HEAD,
      w,
      h: FRAME_H - HEAD - PAD,
      z: -1,
      author: TEMPLATE_AUTHOR,
      template: true,
      text: q[lang],
      now,
    });
  });
}

/** A template's content must fit its slots; checked before anything is written. */
function checkSpec(spec: PhaseBoardSpec): void {
  if (spec.perspectives.length > PERSPECTIVE_SLOTS) throw new Error(`at most ${PERSPECTIVE_SLOTS} perspectives`);
  if (spec.ideas.length > IDEA_SLOTS) throw new Error(`at most ${IDEA_SLOTS} ideas`);
  spec.ideas.forEach((idea, i) => {
    if (idea.buildsOn !== undefined && !(Number.isInteger(idea.buildsOn) && idea.buildsOn >= 0 && idea.buildsOn < i)) {
      throw new Error('an idea can only build on an earlier one');
    }
  });
  for (const [phase, questions] of Object.entries(spec.areas)) {
    if ((questions?.length ?? 0) > 2) throw new Error(`at most two areas per phase (${phase})`);
  }
}

/** Builds a whole phase board from its content (one transaction, so peers get it as one update). */
export function buildPhaseBoard(doc: Y.Doc, spec: PhaseBoardSpec, lang: TemplateLang, now: number): void {
  checkSpec(spec);
  doc.transact(() => {
    initBoard(doc, spec.title[lang], undefined, now);
    addPhaseFrames(doc, lang, now);

    const understand = phaseFrameOrigin('understand');
    const problemId = createItem(doc, {
      kind: 'problem',
      x: understand.x + PAD,
      y: understand.y + HEAD,
      author: authorOf(spec.problem),
      template: true,
      text: spec.problem.text[lang],
      now,
    });
    spec.perspectives.forEach((card, i) => {
      const at = PERSPECTIVE_OFFSETS[i] as { x: number; y: number };
      createItem(doc, {
        kind: 'perspective',
        x: understand.x + at.x,
        y: understand.y + at.y,
        problemId,
        author: authorOf(card),
        template: true,
        text: card.text[lang],
        now,
      });
    });

    const ideasAt = phaseFrameOrigin('ideas');
    const { w: ideaW, h: ideaH } = DEFAULT_SIZE.idea;
    const ideaIds: string[] = [];
    spec.ideas.forEach((card, i) => {
      const id = createItem(doc, {
        kind: 'idea',
        x: ideasAt.x + PAD + (i % IDEA_COLUMNS) * (ideaW + 40),
        y: ideasAt.y + HEAD + Math.floor(i / IDEA_COLUMNS) * (ideaH + 40),
        author: authorOf(card),
        template: true,
        text: card.text[lang],
        now,
      });
      linkItems(doc, { kind: 'addresses', from: id, to: problemId });
      if (card.buildsOn !== undefined) linkItems(doc, { kind: 'builds-on', from: id, to: ideaIds[card.buildsOn] as string });
      ideaIds.push(id);
    });

    for (const [phase, questions] of Object.entries(spec.areas) as Array<[AreaPhaseId, readonly LangText[]]>) {
      addAreas(doc, phase, questions, lang, now);
    }
  });
}
