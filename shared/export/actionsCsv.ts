import { csvField } from './csv';
import type { Minutes } from './minutes/model';

/**
 * The action plan as CSV, one row per action (oldest first): what, who, the
 * owner's kind, due date, status, whether it is late on the export day, and
 * the decision or idea it came from. Machine values (ids, ISO dates) so a
 * spreadsheet can sort and filter; fields defused against formula injection.
 */
export function actionsToCsv(m: Pick<Minutes, 'actions'>): string {
  const rows = [['what', 'who', 'owner_kind', 'due', 'status', 'late', 'source'].join(',')];
  for (const a of m.actions) {
    rows.push([a.what, a.who, a.whoKind, a.due, a.status, a.progress === 'late' ? 'true' : 'false', a.source].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
