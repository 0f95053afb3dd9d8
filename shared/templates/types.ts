import type * as Y from 'yjs';
import type { DefaultPhaseId } from '../cocreation/agenda';
import type { RoleId } from '../roles';

/** Types shared by the board templates (docs/templates.md). */

/** Stable ids: they are part of the HTTP API (`POST /api/boards` `template`). */
export const TEMPLATE_IDS = ['blank', 'youth-policy', 'marina', 'stormflood', 'park', 'dropout'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type TemplateLang = 'da' | 'en';

export interface LangText {
  da: string;
  en: string;
}

/**
 * A starter card: an example of what a participant in this seat might say.
 * It is stored without an author and marked as template content, so no
 * invented person is quoted and no role counts as heard (issue 13).
 */
export interface TemplateCard {
  /** The seat the example speaks from (colours the card; never counted as coverage). */
  role: RoleId;
  text: LangText;
}

export interface TemplateIdea extends TemplateCard {
  /** Index (in `ideas`) of an earlier idea this one builds on. */
  buildsOn?: number;
}

/** Phases that get labelled working areas (a starting question each) instead of cards. */
export type AreaPhaseId = Exclude<DefaultPhaseId, 'understand' | 'ideas'>;

/**
 * The content of a phase board: the problem and its perspectives go into the
 * problem-understanding frame, the ideas into the idea frame, and each phase
 * in `areas` gets one or two labelled areas to work in.
 */
export interface PhaseBoardSpec {
  title: LangText;
  problem: TemplateCard;
  /** At most PERSPECTIVE_SLOTS; at least one from a citizen (the manifesto: citizens co-create). */
  perspectives: readonly TemplateCard[];
  /** At most IDEA_SLOTS; each one "addresses" the problem. */
  ideas: readonly TemplateIdea[];
  /** At most two starting questions per phase. */
  areas: Readonly<Partial<Record<AreaPhaseId, readonly LangText[]>>>;
}

export interface BoardTemplate {
  id: TemplateId;
  name: LangText;
  /** One sentence for the start page. */
  description: LangText;
  /** The board title the template sets ('' for blank); a title given by the person creating the board wins. */
  title: LangText;
  /** How many phase frames the board starts with (0 for blank). */
  phases: number;
  build: (doc: Y.Doc, lang: TemplateLang, now: number) => void;
}
