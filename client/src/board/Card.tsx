import { memo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { roleInfo, roleLabel } from '../../../shared/roles';
import type { BoardItem } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { RichTextPreview } from './RichTextPreview';

export interface CardActions {
  select(id: string): void;
  startEdit(id: string): void;
  stopEdit(id: string): void;
  /** Move the card to a board position. */
  moveTo(id: string, x: number, y: number): void;
  remove(id: string): void;
}

interface Props {
  item: BoardItem;
  selected: boolean;
  editing: boolean;
  /** Names of other people editing this card right now. */
  editors: string[];
  problemTitle: string | null;
  actions: CardActions;
  /** The live editor, rendered by the parent only for the card being edited. */
  editor: React.ReactNode;
}

const DRAG_THRESHOLD = 3;

export const Card = memo(function Card({ item, selected, editing, editors, problemTitle, actions, editor }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const drag = useRef<{ px: number; py: number; x: number; y: number; moved: boolean } | null>(null);
  const role = roleInfo(item.role);
  const kindLabel = t(`kind_${item.kind}`);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (editing || e.button !== 0) return;
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { px: e.clientX, py: e.clientY, x: item.x, y: item.y, moved: false };
    actions.select(item.id);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.px;
    const dy = e.clientY - d.py;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    d.moved = true;
    const zoom = useUi.getState().camera.zoom;
    actions.moveTo(item.id, Math.round(d.x + dx / zoom), Math.round(d.y + dy / zoom));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (editing || e.target !== e.currentTarget) return;
    const step = e.shiftKey ? 50 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      actions.moveTo(item.id, item.x + mv[0], item.y + mv[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      actions.startEdit(item.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      actions.remove(item.id);
    }
  };

  return (
    <article
      className={`card card-${item.kind}${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}`}
      data-item-id={item.id}
      data-kind={item.kind}
      style={{
        transform: `translate(${item.x}px, ${item.y}px)`,
        width: item.w,
        minHeight: item.h,
        ['--role-color' as string]: role.color,
      }}
      tabIndex={0}
      aria-label={t('cardLabel', { kind: kindLabel, name: item.authorName, role: roleLabel(item.role, lang, item.roleText) })}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => actions.startEdit(item.id)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.select(item.id);
      }}
      onKeyDown={onKeyDown}
    >
      <header className="card-head">
        <span className="card-kind">{kindLabel}</span>
        <span className="card-author">
          {item.authorName} · {roleLabel(item.role, lang, item.roleText)}
        </span>
      </header>
      {item.kind === 'perspective' && (
        <div className="card-context">
          {t('perspectiveOn')}: {problemTitle ?? t('unattached')}
        </div>
      )}
      <div className="card-body">{editing ? editor : <RichTextPreview fragment={item.body} placeholder={t('emptyCard')} />}</div>
      {editors.length > 0 && (
        <div className="card-editors" aria-live="polite">
          ✎ {editors.join(', ')} {t('editing')}
        </div>
      )}
      {selected && (
        <div className="card-actions">
          <button type="button" onPointerDown={(e) => e.stopPropagation()} onClick={() => (editing ? actions.stopEdit(item.id) : actions.startEdit(item.id))}>
            {editing ? t('done') : t('edit')}
          </button>
          <button type="button" className="danger" onPointerDown={(e) => e.stopPropagation()} onClick={() => actions.remove(item.id)}>
            {t('delete')}
          </button>
        </div>
      )}
    </article>
  );
});

export const DamagedCard = memo(function DamagedCard({
  id,
  x,
  y,
  problems,
  onRemove,
}: {
  id: string;
  x: number;
  y: number;
  problems: string[];
  onRemove: (id: string) => void;
}) {
  const t = useT();
  return (
    <article
      className="card card-damaged"
      data-item-id={id}
      style={{ transform: `translate(${x}px, ${y}px)`, width: 220, minHeight: 120 }}
      tabIndex={0}
      aria-label={t('damagedCard')}
    >
      <header className="card-head">
        <span className="card-kind">⚠ {t('damagedCard')}</span>
      </header>
      <div className="card-body">
        <p>{t('damagedExplain')}</p>
        <p className="card-problems">{problems.join(', ')}</p>
      </div>
      <div className="card-actions">
        <button type="button" className="danger" onClick={() => onRemove(id)}>
          {t('delete')}
        </button>
      </div>
    </article>
  );
});
