import type * as Y from 'yjs';
import { projectReport } from './projection';

/** RFC 4180 field; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Idea cards, one row each, with role, the problems they address and what they build on. */
export function ideasToCsv(doc: Y.Doc, lang: 'da' | 'en'): string {
  const r = projectReport(doc, lang);
  const problemTitle = new Map(r.problems.map((p) => [p.id, p.text.split('\n')[0] ?? '']));
  const all = [...r.problems.flatMap((p) => p.ideas), ...r.looseIdeas];
  const seen = new Set<string>();
  const ideaTitle = new Map(all.map((i) => [i.id, i.text.split('\n')[0] ?? '']));
  const header = ['id', 'text', 'author', 'role', 'role_label', 'addresses', 'builds_on', 'built_on_by', 'created_at'];
  const rows = [header.join(',')];
  for (const i of all) {
    if (seen.has(i.id)) continue;
    seen.add(i.id);
    rows.push(
      [
        i.id,
        i.text,
        i.authorName,
        i.role,
        i.roleLabel,
        i.addresses.map((id) => problemTitle.get(id) ?? id).join(' | '),
        i.buildsOn.map((id) => ideaTitle.get(id) ?? id).join(' | '),
        i.builtOnBy,
        new Date(i.createdAt).toISOString(),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
