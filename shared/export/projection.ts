import type * as Y from 'yjs';
import { listItems, listLinks, readMeta } from '../model/board';
import { readPlainText } from '../model/richtext';
import type { BoardItem } from '../model/schema';
import { roleLabel, type RoleId } from '../roles';

/** A board read into plain data, in the order reports and outlines present it. */
export interface ReportIdea {
  id: string;
  text: string;
  authorName: string;
  role: RoleId;
  roleLabel: string;
  /** Ideas this one builds on (ids). */
  buildsOn: string[];
  /** How many ideas build on this one. */
  builtOnBy: number;
  /** Problems it addresses (ids). */
  addresses: string[];
  createdAt: number;
}

export interface ReportProblem {
  id: string;
  text: string;
  authorName: string;
  roleLabel: string;
  perspectives: Array<{ id: string; text: string; authorName: string; role: RoleId; roleLabel: string }>;
  ideas: ReportIdea[];
}

export interface BoardReport {
  title: string;
  problems: ReportProblem[];
  /** Ideas that address no problem. */
  looseIdeas: ReportIdea[];
  /** Perspectives whose problem is gone. */
  loosePerspectives: ReportProblem['perspectives'];
  ideaCount: number;
}

/** A template's example is labelled as one; it never carries an invented author into a report. */
const authorOf = (it: BoardItem, lang: 'da' | 'en'): string => (it.template ? (lang === 'da' ? 'eksempel fra skabelonen' : 'example from the template') : it.authorName);

const byPosition = (a: BoardItem, b: BoardItem) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt;

/**
 * Ideas are ranked by how much the group built on them (votes join in when the
 * voting feature lands), then by board position, so the report is stable.
 */
export function projectReport(doc: Y.Doc, lang: 'da' | 'en'): BoardReport {
  const { items } = listItems(doc);
  const links = listLinks(doc);
  const sorted = [...items].sort(byPosition);
  const ideas = new Map<string, ReportIdea>();
  for (const it of sorted) {
    if (it.kind !== 'idea') continue;
    ideas.set(it.id, {
      id: it.id,
      text: readPlainText(it.body),
      authorName: authorOf(it, lang),
      role: it.role,
      roleLabel: roleLabel(it.role, lang, it.roleText),
      buildsOn: [],
      builtOnBy: 0,
      addresses: [],
      createdAt: it.createdAt,
    });
  }
  for (const l of links) {
    const from = ideas.get(l.from);
    if (!from) continue;
    if (l.kind === 'addresses') from.addresses.push(l.to);
    if (l.kind === 'builds-on') {
      from.buildsOn.push(l.to);
      const to = ideas.get(l.to);
      if (to) to.builtOnBy++;
    }
  }
  // An idea that only builds on other ideas belongs with the problems those address.
  const inherited = (idea: ReportIdea, seen = new Set<string>()): string[] => {
    if (idea.addresses.length > 0 || seen.has(idea.id)) return idea.addresses;
    seen.add(idea.id);
    return [...new Set(idea.buildsOn.flatMap((id) => (ideas.has(id) ? inherited(ideas.get(id) as ReportIdea, seen) : [])))];
  };
  const problemsOf = new Map([...ideas.values()].map((i) => [i.id, inherited(i)]));
  const rank = (a: ReportIdea, b: ReportIdea) => b.builtOnBy - a.builtOnBy;
  const problems: ReportProblem[] = [];
  const problemIds = new Set<string>();
  for (const it of sorted) {
    if (it.kind !== 'problem') continue;
    problemIds.add(it.id);
    problems.push({
      id: it.id,
      text: readPlainText(it.body),
      authorName: authorOf(it, lang),
      roleLabel: roleLabel(it.role, lang, it.roleText),
      perspectives: [],
      ideas: [...ideas.values()].filter((i) => problemsOf.get(i.id)?.includes(it.id)).sort(rank),
    });
  }
  const loosePerspectives: ReportProblem['perspectives'] = [];
  for (const it of sorted) {
    if (it.kind !== 'perspective') continue;
    const p = { id: it.id, text: readPlainText(it.body), authorName: authorOf(it, lang), role: it.role, roleLabel: roleLabel(it.role, lang, it.roleText) };
    const problem = problems.find((x) => x.id === it.problemId);
    if (problem) problem.perspectives.push(p);
    else loosePerspectives.push(p);
  }
  for (const p of problems) p.perspectives.sort((a, b) => a.roleLabel.localeCompare(b.roleLabel, lang));
  const looseIdeas = [...ideas.values()].filter((i) => !(problemsOf.get(i.id) ?? []).some((id) => problemIds.has(id))).sort(rank);
  return { title: readMeta(doc).title, problems, looseIdeas, loosePerspectives, ideaCount: ideas.size };
}
