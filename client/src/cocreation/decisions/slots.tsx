import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import { useDecisionRequest } from './request';
import { useIsDecided } from './store';
import './decisions.css';

/** On an idea or frame card that a decision in force came from: »Besluttet« / "Decided" (text, not only colour). */
export function DecisionCardDecoration({ item }: { item: BoardItem; active: boolean }) {
  const t = useT();
  const decided = useIsDecided(item.kind === 'idea' || item.kind === 'frame' ? item.body.doc : null, item.id);
  if (!decided) return null;
  return (
    <span className="decision-mark" data-decided="">
      <span aria-hidden="true">✔ </span>
      {t('decisionsCardMark')}
    </span>
  );
}

/** Selection bar on an idea or a frame: open the decisions panel with this card chosen. */
export function DecisionSelectionAction({ item }: { item: BoardItem }) {
  const t = useT();
  if (item.kind !== 'idea' && item.kind !== 'frame') return null;
  const kind = item.kind;
  return (
    <button type="button" onClick={() => useDecisionRequest.getState().request(item.id, kind)}>
      {t('decisionsSelectionAction')}
    </button>
  );
}
