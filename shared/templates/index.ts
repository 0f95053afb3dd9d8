import type * as Y from 'yjs';
import { setTitle } from '../model/board';
import { MAX_TITLE_LENGTH } from '../model/schema';
import { BLANK } from './blank';
import { DROPOUT } from './dropout';
import { MARINA } from './marina';
import { PARK } from './park';
import { STORMFLOOD } from './stormflood';
import { TEMPLATE_IDS, type BoardTemplate, type TemplateId, type TemplateLang } from './types';
import { YOUTH_POLICY } from './youth-policy';

/** Board templates a new board can start from (docs/templates.md), in the order the start page lists them. */
export const TEMPLATES: readonly BoardTemplate[] = [BLANK, YOUTH_POLICY, MARINA, STORMFLOOD, PARK, DROPOUT];

export const isTemplateId = (v: unknown): v is TemplateId => typeof v === 'string' && (TEMPLATE_IDS as readonly string[]).includes(v);

export function templateById(id: TemplateId): BoardTemplate {
  // Safe: TemplateId is a closed union and every member is in TEMPLATES.
  return TEMPLATES.find((t) => t.id === id) as BoardTemplate;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * Fills an empty doc from a template in one transaction. A non-blank `title`
 * replaces the template's own title. Bad input throws before anything is written.
 */
export function buildFromTemplate(
  doc: Y.Doc,
  id: TemplateId,
  lang: TemplateLang,
  options: { title?: string; now?: number; origin?: unknown } = {},
): void {
  if (!isTemplateId(id)) throw new TemplateError(`template must be one of: ${TEMPLATE_IDS.join(', ')}`);
  if (lang !== 'da' && lang !== 'en') throw new TemplateError('lang must be "da" or "en"');
  const title = (options.title ?? '').trim();
  if (title.length > MAX_TITLE_LENGTH) throw new TemplateError(`title must be at most ${MAX_TITLE_LENGTH} characters`);
  const now = options.now ?? Date.now();
  doc.transact(() => {
    templateById(id).build(doc, lang, now);
    if (title) setTitle(doc, title);
  }, options.origin);
}

export { TEMPLATE_IDS, type BoardTemplate, type LangText, type TemplateId, type TemplateLang } from './types';
