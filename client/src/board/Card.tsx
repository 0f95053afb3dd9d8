import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import { roleInfo, roleLabel } from '../../../shared/roles';
import type { BoardItem } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { RichTextPreview } from './RichTextPreview';
import { useNamesHidden } from './names';
import { useBoardSlots } from './slots';

export interface CardActions {
  /** Press on a card: select it (shift toggles) and start dragging the selection. */
  pointerDown(id: string, e: PointerEvent<HTMLElement>): void;
  resizeStart(id: string, e: PointerEvent<HTMLElement>): void;
  /** Keyboard focus reached the card. */
  focus(id: string): void;
  startEdit(id: string): void;
  stopEdit(id: string): void;
  /** Deletes the card, or the whole selection when the card is part of it. */
  remove(id: string): void;
}

export const COLOR_VALUES: Record<string, string> = {
  yellow: '#fff3a3',
  pink: '#ffc8dd',
  green: '#c8f0c0',
  blue: '#bfe0ff',
  orange: '#ffd6a5',
  purple: '#e0ccff',
};

interface Props {
  item: BoardItem;
  selected: boolean;
  /** The selection is this card alone (shows the card's own buttons and resize handle). */
  single: boolean;
  editing: boolean;
  /** Names of other people editing this card right now. */
  editors: string[];
  problemTitle: string | null;
  actions: CardActions;
  /** The live editor, rendered by the parent only for the card being edited. */
  editor: React.ReactNode;
}

export const Card = memo(function Card({ item, selected, single, editing, editors, problemTitle, actions, editor }: Props) {
  const t = useT();
  const { CardDecoration } = useBoardSlots();
  const lang = useUi((s) => s.lang);
  const role = roleInfo(item.role);
  const kindLabel = t(`kind_${item.kind}`);
  // While names are hidden (or for what was written while they were), the role stands where the name was.
  const hideName = useNamesHidden() || !item.authorName;
  const roleText = roleLabel(item.role, lang, item.roleText);
  const byline = item.template ? `${t('starterByline')} · ${roleText}` : hideName ? roleText : `${item.authorName} · ${roleText}`;
  const ariaLabel = item.template
    ? t('cardLabel', { kind: kindLabel, name: t('starterByline'), role: roleText })
    : hideName
      ? t('cardLabelRole', { kind: kindLabel, role: roleText })
      : t('cardLabel', { kind: kindLabel, name: item.authorName, role: roleText });

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (editing || e.button !== 0) return;
    e.stopPropagation();
    actions.pointerDown(item.id, e);
  };
  // Arrow keys, Delete and the other shortcuts act on the selection (see keys.ts).
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (editing || e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      actions.startEdit(item.id);
    }
  };

  return (
    <article
      className={`card card-${item.kind}${selected ? ' is-selected' : ''}${editing ? ' is-editing' : ''}${item.color ? ' has-color' : ''}`}
      data-item-id={item.id}
      data-kind={item.kind}
      data-color={item.color || undefined}
      style={{
        transform: `translate(${item.x}px, ${item.y}px)`,
        width: item.w,
        minHeight: item.h,
        zIndex: editing ? 2_000_000_000 : item.z,
        ['--role-color' as string]: role.color,
        ...(item.color ? { ['--note-color' as string]: COLOR_VALUES[item.color] } : {}),
      }}
      tabIndex={0}
      aria-label={ariaLabel}
      data-template={item.template || undefined}
      title={item.template && item.kind !== 'frame' ? t('starterHint') : undefined}
      onPointerDown={onPointerDown}
      onDoubleClick={() => actions.startEdit(item.id)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) actions.focus(item.id);
      }}
      onKeyDown={onKeyDown}
    >
      <header className="card-head">
        <span className="card-kind">{kindLabel}</span>
        {/* A template's example has no author: say what it is instead of inventing someone; a template's frame is just structure. */}
        {!(item.template && item.kind === 'frame') && (
          <span className="card-author">{byline}</span>
        )}
      </header>
      {item.kind === 'perspective' && (
        <div className="card-context">
          {t('perspectiveOn')}: {problemTitle ?? t('unattached')}
        </div>
      )}
      <div className="card-body">{editing ? editor : <RichTextPreview fragment={item.body} placeholder={t('emptyCard')} />}</div>
      <CardDecoration item={item} active={selected && single && !editing} />
      {editors.length > 0 && (
        <div className="card-editors" aria-live="polite">
          ✎ {editors.join(', ')} {t('editing')}
        </div>
      )}
      {selected && single && !editing && (
        <div className="resize-handle" aria-hidden="true" onPointerDown={(e) => actions.resizeStart(item.id, e)} />
      )}
      {selected && single && (
        <div className="card-actions">
          <button type="button" onPointerDown={(e) => e.stopPropagation()} onClick={() => (editing ? actions.stopEdit(item.id) : actions.startEdit(item.id))}>
            {editing ? t('done') : t('edit')}
          </button>
          {item.kind === 'idea' && !editing && (
            <button type="button" className="card-build-on" onPointerDown={(e) => e.stopPropagation()} onClick={() => useUi.getState().setBuildOnFrom(item.id)}>
              ↗ {t('buildOn')}
            </button>
          )}
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
