import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { readPlainText } from '../../../shared/model/richtext';
import type { BoardItem } from '../../../shared/model/schema';
import { roleLabel } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { useNamesHidden } from './names';
import { readableForEditing } from './readableZoom';

/** Options rendered around the active one: the list may hold thousands of cards (a virtual listbox). */
const WINDOW = 8;
const PAGE = 10;

export const readingOrder = (a: BoardItem, b: BoardItem) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);

/**
 * Keyboard and screen-reader access to the cards the zoomed-out overview
 * draws without DOM (LodLayer): one focusable listbox of the cards in view in
 * reading order. Arrow keys move card by card (the card is outlined on the
 * overview), Enter zooms in and opens it for editing. Hidden until focused.
 */
export function CardNavigator({ cards, activeId, onActive }: { cards: BoardItem[]; activeId: string | null; onActive(id: string | null): void }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const namesHidden = useNamesHidden();
  const [focused, setFocused] = useState(false);
  // Sorted only while someone is in the list: the overview re-renders at every pan step.
  const ordered = useMemo(() => (focused ? [...cards].sort(readingOrder) : []), [cards, focused]);
  const found = activeId ? ordered.findIndex((c) => c.id === activeId) : -1;
  const index = found >= 0 ? found : 0;
  const active = ordered[index] ?? null;
  const listRef = useRef<HTMLDivElement>(null);
  // The active option stays in sight in the list (the focus itself stays on the list: aria-activedescendant).
  useEffect(() => {
    const list = listRef.current;
    const el = active && list?.querySelector<HTMLElement>(`[data-nav-id="${CSS.escape(active.id)}"]`);
    if (!list || !el) return;
    // Scrolled by hand: scrollIntoView would also scroll the canvas (overflow: hidden, yet scrollable by script).
    if (el.offsetTop < list.scrollTop) list.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = el.offsetTop + el.offsetHeight - list.clientHeight;
  }, [active]);

  const labelOf = (c: BoardItem) => {
    const role = roleLabel(c.role, lang, c.roleText);
    const who = namesHidden || !c.authorName ? role : `${c.authorName} · ${role}`;
    const text = readPlainText(c.body).split('\n').find((l) => l.trim()) ?? '';
    return t('a11yNavItem', { kind: t(`kind_${c.kind}`), who, text: text.slice(0, 120) || t('emptyCard') });
  };

  const open = (c: BoardItem) => {
    const ui = useUi.getState();
    ui.select(c.id);
    // Typed at a readable zoom; the overview comes back when editing ends (readableZoom.ts).
    readableForEditing({ x: c.x, y: c.y, w: c.w, h: c.h });
    ui.edit(c.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (ordered.length === 0) return;
    const to = (i: number) => onActive((ordered[Math.max(0, Math.min(ordered.length - 1, i))] as BoardItem).id);
    let handled = true;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') to(index + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') to(index - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(ordered.length - 1);
    else if (e.key === 'PageDown') to(index + PAGE);
    else if (e.key === 'PageUp') to(index - PAGE);
    else if ((e.key === 'Enter' || e.key === 'F2') && active) open(active);
    else handled = false;
    // Also keeps the canvas shortcuts (arrows nudge the selection) out of the list.
    if (handled) e.preventDefault();
  };

  const from = Math.max(0, index - WINDOW);
  const shown = ordered.slice(from, index + WINDOW + 1);
  const optionId = (id: string) => `card-nav-${id}`;
  return (
    <div className={`card-nav${focused ? ' is-open' : ''}`}>
      <p id="card-nav-hint" className="card-nav-hint">
        {t('a11yNavHint')} <span className="card-nav-count">{t.plural('a11yNavCount', cards.length)}</span>
      </p>
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        className="card-nav-list"
        aria-label={t('a11yNavLabel')}
        aria-describedby="card-nav-hint"
        aria-activedescendant={active ? optionId(active.id) : undefined}
        onFocus={() => {
          setFocused(true);
          if (!activeId && cards.length > 0) onActive([...cards].sort(readingOrder)[0]?.id ?? null);
        }}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      >
        {shown.map((c, k) => (
          <div
            key={c.id}
            id={optionId(c.id)}
            role="option"
            aria-selected={c === active}
            aria-posinset={from + k + 1}
            aria-setsize={ordered.length}
            data-nav-id={c.id}
            className="card-nav-option"
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => open(c)}
          >
            {labelOf(c)}
          </div>
        ))}
      </div>
    </div>
  );
}
