import type { ActionProgress, ActionSource, ActionStatus, OwnerKind } from '../../../../shared/cocreation/actions';
import type { Decision } from '../../../../shared/cocreation/decisions';
import { firstLine } from '../../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../../shared/model/schema';
import type { StringKey } from '../../i18n/strings';
import type { T } from '../../i18n/useT';

export const STATUS_KEY: Record<ActionStatus, StringKey> = {
  planned: 'actStatus_planned',
  underway: 'actStatus_underway',
  done: 'actStatus_done',
  dropped: 'actStatus_dropped',
};

export const PROGRESS_KEY: Record<ActionProgress, StringKey> = { ...STATUS_KEY, late: 'actLate' };

export const KIND_KEY: Record<OwnerKind, StringKey> = { person: 'actKind_person', organisation: 'actKind_organisation' };
export const KIND_SHORT_KEY: Record<OwnerKind, StringKey> = { person: 'actKindShort_person', organisation: 'actKindShort_organisation' };

/** A due day as the language writes it ('2026-03-01' → '1. mar. 2026' / '1 Mar 2026'). */
export function dueText(day: string, lang: 'da' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A source as one key: the value of the source select and of a group. */
export const sourceKey = (s: ActionSource) => `${s.kind}:${s.id}`;

export function parseSourceKey(v: string): ActionSource | null {
  const [kind, id, ...rest] = v.split(':');
  return (kind === 'decision' || kind === 'idea') && id && !rest.length ? { kind, id } : null;
}

/** The heading of an action's group: the decision's wording in force, or the idea's first line. */
export function sourceLabel(t: T, s: ActionSource, decisions: ReadonlyMap<string, Decision>, ideas: ReadonlyMap<string, BoardItem>): string {
  if (s.kind === 'decision') {
    const d = decisions.get(s.id);
    if (!d) return t('actUnknownDecision');
    return `${t('actFromDecision', { text: d.wording })}${d.revoked ? ` ${t('actRevoked')}` : ''}`;
  }
  const idea = ideas.get(s.id);
  if (!idea) return t('actUnknownIdea');
  return t('actFromIdea', { text: firstLine(idea, 90) || t('actEmptyIdea') });
}

/** The message of a refused write, for the error line. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
