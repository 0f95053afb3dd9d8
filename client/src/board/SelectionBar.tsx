import { linkId, linkItems, setLinkLabel, unlink, updateItems } from '../../../shared/model/board';
import { linkFor } from './buildOn';
import { CARD_COLORS, type BoardItem, type BoardLink, type CardColor } from '../../../shared/model/schema';
import type { Identity } from '../state/identity';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { COLOR_VALUES } from './Card';
import { useBoardSlots } from './slots';
import { canvasCommands } from './keys';
import { LOCAL_ORIGIN } from './origin';
import type { ItemView } from './useBoardData';

export const NOTE_SIZES = { s: { w: 160, h: 120 }, m: { w: 220, h: 160 }, l: { w: 300, h: 220 } } as const;

/** Actions for the current selection: colour, size, stacking, alignment, connectors, delete. */
export function SelectionBar({
  conn,
  identity,
  items,
  links,
}: {
  conn: BoardConnection;
  identity: Identity;
  items: ReadonlyMap<string, ItemView>;
  links: BoardLink[];
}) {
  const t = useT();
  const { SelectionActions } = useBoardSlots();
  const selection = useUi((s) => s.selection);
  const buildOnFrom = useUi((s) => s.buildOnFrom);
  const primaryId = useUi((s) => s.selectedId);
  const editingId = useUi((s) => s.editingId);
  if (selection.size === 0 || editingId) return null;
  const sel: BoardItem[] = [];
  for (const id of selection) {
    const it = items.get(id);
    if (it && !('damaged' in it)) sel.push(it);
  }
  if (sel.length === 0) return null;
  const doc = conn.doc;
  const cmd = canvasCommands(conn, identity, items);
  const ideas = sel.filter((i) => i.kind === 'idea');
  const setColor = (color: CardColor | '') => updateItems(doc, ideas.map((i) => ({ id: i.id, color })), LOCAL_ORIGIN);
  const setSize = (s: keyof typeof NOTE_SIZES) => updateItems(doc, ideas.map((i) => ({ id: i.id, ...NOTE_SIZES[s] })), LOCAL_ORIGIN);
  const align = (how: 'left' | 'top' | 'hspread' | 'vspread') => {
    if (how === 'left') {
      const x = Math.min(...sel.map((i) => i.x));
      updateItems(doc, sel.map((i) => ({ id: i.id, x })), LOCAL_ORIGIN);
    } else if (how === 'top') {
      const y = Math.min(...sel.map((i) => i.y));
      updateItems(doc, sel.map((i) => ({ id: i.id, y })), LOCAL_ORIGIN);
    } else {
      // Equal gaps between neighbours; the outermost two stay where they are.
      const horiz = how === 'hspread';
      const sorted = [...sel].sort((a, b) => (horiz ? a.x - b.x : a.y - b.y));
      const first = sorted[0] as BoardItem;
      const last = sorted[sorted.length - 1] as BoardItem;
      const span = horiz ? last.x + last.w - first.x : last.y + last.h - first.y;
      const total = sorted.reduce((s, i) => s + (horiz ? i.w : i.h), 0);
      const gap = (span - total) / (sorted.length - 1);
      let pos = horiz ? first.x : first.y;
      updateItems(
        doc,
        sorted.map((i) => {
          const p = Math.round(pos);
          pos += (horiz ? i.w : i.h) + gap;
          return horiz ? { id: i.id, x: p } : { id: i.id, y: p };
        }),
        LOCAL_ORIGIN,
      );
    }
  };

  // Two items: offer the connector between them, or its label if it exists.
  let linkUi = null;
  if (sel.length === 2) {
    const [a, b] = sel as [BoardItem, BoardItem];
    const primary = a.id === primaryId ? a : b;
    const other = primary === a ? b : a;
    const existing = links.find((l) => (l.from === a.id && l.to === b.id) || (l.from === b.id && l.to === a.id));
    const possible = linkFor(primary, other);
    if (existing) {
      linkUi = (
        <>
          <label className="sel-label">
            <span>{t('linkLabel')}</span>
            <input
              value={existing.label}
              maxLength={200}
              onChange={(e) => setLinkLabel(doc, existing.id, e.target.value, LOCAL_ORIGIN)}
              placeholder={t(`link_${existing.kind}`)}
            />
          </label>
          <button type="button" onClick={() => unlink(doc, existing.id, LOCAL_ORIGIN)}>
            {t('unlink')}
          </button>
        </>
      );
    } else if (possible && !links.some((l) => l.id === linkId(possible.kind, possible.from, possible.to))) {
      linkUi = (
        <button type="button" className="sel-link" onClick={() => linkItems(doc, possible, LOCAL_ORIGIN)}>
          ↗ {t(`link_${possible.kind}`)}
        </button>
      );
    }
  }

  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selectionTools')}>
      <span className="sel-count" aria-live="polite">
        {t('selectedCount', { n: String(sel.length) })}
      </span>
      {ideas.length > 0 && (
        <div className="sel-group" role="group" aria-label={t('colour')}>
          {CARD_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch"
              style={{ background: COLOR_VALUES[c] }}
              aria-label={t(`colour_${c}`)}
              title={t(`colour_${c}`)}
              aria-pressed={ideas.every((i) => i.color === c)}
              onClick={() => setColor(c)}
            />
          ))}
          <button type="button" className="swatch swatch-role" aria-label={t('colour_role')} title={t('colour_role')} onClick={() => setColor('')} />
        </div>
      )}
      {ideas.length > 0 && (
        <div className="sel-group" role="group" aria-label={t('noteSize')}>
          {(['s', 'm', 'l'] as const).map((s) => (
            <button key={s} type="button" onClick={() => setSize(s)} aria-label={t(`size_${s}`)} title={t(`size_${s}`)}>
              {s.toUpperCase()}
            </button>
          ))}
        </div>
      )}
      <div className="sel-group" role="group" aria-label={t('arrange')}>
        <button type="button" onClick={() => cmd.restack('front')} title="]">
          {t('toFront')}
        </button>
        <button type="button" onClick={() => cmd.restack('back')} title="[">
          {t('toBack')}
        </button>
        {sel.length >= 2 && (
          <>
            <button type="button" onClick={() => align('left')}>
              {t('alignLeft')}
            </button>
            <button type="button" onClick={() => align('top')}>
              {t('alignTop')}
            </button>
          </>
        )}
        {sel.length >= 3 && (
          <>
            <button type="button" onClick={() => align('hspread')}>
              {t('distributeH')}
            </button>
            <button type="button" onClick={() => align('vspread')}>
              {t('distributeV')}
            </button>
          </>
        )}
      </div>
      {linkUi}
      {sel.length === 1 && (sel[0] as BoardItem).kind === 'idea' && (
        <button type="button" className="sel-build-on" aria-pressed={buildOnFrom === (sel[0] as BoardItem).id} onClick={() => useUi.getState().setBuildOnFrom((sel[0] as BoardItem).id)}>
          ↗ {t('buildOn')}
        </button>
      )}
      {sel.length === 1 && <SelectionActions item={sel[0] as BoardItem} />}
      <button type="button" onClick={() => cmd.duplicate()} title="Ctrl+D">
        {t('duplicate')}
      </button>
      <button type="button" className="danger" onClick={() => cmd.remove()}>
        {t('deleteSelected')}
      </button>
    </div>
  );
}
