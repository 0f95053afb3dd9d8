import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react';
import { useT } from '../i18n/useT';

export function ViewOnlyBadge() {
  const t = useT();
  return (
    <span className="view-only-badge" data-view-only title={t('viewOnlyHint')}>
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 5C6.5 5 2.7 9.4 1.5 12c1.2 2.6 5 7 10.5 7s9.3-4.4 10.5-7C21.3 9.4 17.5 5 12 5Z" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="12" cy="12" r="3.2" fill="currentColor" />
      </svg>
      {t('viewOnly')}
      <span className="visually-hidden">– {t('viewOnlyHint')}</span>
    </span>
  );
}

/** Keys that only look around: moving focus, leaving, zooming. */
const LOOK_KEYS = new Set(['Tab', 'Escape', 'Shift', '+', '-', '=', '0', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Observers look, they do not edit. The server drops their document updates
 * anyway; this keeps their own screen honest by stopping the gestures that
 * would edit (double-click to write, dragging and card buttons, editing keys,
 * paste) before the canvas sees them. Panning and zooming the view stay.
 */
export function ReadOnlyGuard({ active, children }: { active: boolean; children: ReactNode }) {
  if (!active) return <>{children}</>;
  const stop = (e: SyntheticEvent) => {
    e.stopPropagation();
    e.preventDefault();
  };
  const onCard = (e: SyntheticEvent) => {
    if ((e.target as Element).closest?.('.card, .selection-bar')) stop(e);
  };
  const onKey = (e: KeyboardEvent) => {
    const onCardNow = (e.target as Element).closest?.('.card');
    if (!LOOK_KEYS.has(e.key) || e.ctrlKey || e.metaKey || (onCardNow && e.key.startsWith('Arrow'))) stop(e);
  };
  return (
    <div
      className="read-only-board"
      data-read-only
      onDoubleClickCapture={stop}
      onPointerDownCapture={onCard}
      onClickCapture={onCard}
      onKeyDownCapture={onKey}
      onPasteCapture={stop}
      onDropCapture={stop}
    >
      {children}
    </div>
  );
}
