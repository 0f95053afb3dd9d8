import { memo, useState } from 'react';
import type { ItemKind } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { addCard, targetProblemFor } from './create';
import { canvasCommands } from './keys';
import type { ItemView } from './useBoardData';

/**
 * Creates cards in the middle of the view; new ideas and perspectives attach to the selected problem.
 * On phones the buttons fold behind one "Tools" button (styles.css) instead of wrapping into rows over the board.
 */
export const Toolbar = memo(function Toolbar({
  conn,
  identity,
  items,
}: {
  conn: BoardConnection;
  identity: Identity;
  items: ReadonlyMap<string, ItemView>;
}) {
  const t = useT();
  const selectedId = useUi((s) => s.selectedId);
  const targetProblem = targetProblemFor(items, selectedId);
  const [menuOpen, setMenuOpen] = useState(false);
  const add = (kind: ItemKind) => {
    // On a phone the menu closes, so the new card's editor is not under it.
    setMenuOpen(false);
    addCard(conn, identity, items, kind);
  };
  const tool = useUi((s) => s.tool);
  const snap = useUi((s) => s.snap);
  const cmd = canvasCommands(conn, identity, items);

  const perspectiveDisabled = !targetProblem;
  return (
    <div
      className={`toolbar${menuOpen ? ' is-open' : ''}`}
      role="toolbar"
      aria-label={t('appName')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menuOpen) {
          setMenuOpen(false);
          (e.currentTarget.querySelector('.tools-menu-button') as HTMLElement | null)?.focus();
        }
      }}
    >
      {/* Shown on phones only (styles.css). */}
      <button type="button" className="tool tools-menu-button" aria-expanded={menuOpen} aria-controls="toolbar-items" onClick={() => setMenuOpen(!menuOpen)}>
        <MenuIcon /> {t('a11yToolsMenu')}
      </button>
      <div id="toolbar-items" className="toolbar-items">
        <button type="button" className="tool tool-problem" onClick={() => add('problem')} title={t('addProblemHint')}>
          <PlusIcon /> {t('addProblem')}
        </button>
        <button
          type="button"
          className="tool tool-perspective"
          onClick={() => add('perspective')}
          disabled={perspectiveDisabled}
          title={perspectiveDisabled ? t('perspectiveNeedsProblem') : t('addPerspectiveHint')}
          aria-describedby={perspectiveDisabled ? 'perspective-hint' : undefined}
        >
          <PlusIcon /> {t('addPerspective')}
        </button>
        <button type="button" className="tool tool-idea" onClick={() => add('idea')} title={t('addIdeaHint')}>
          <PlusIcon /> {t('addIdea')}
        </button>
        <button type="button" className="tool tool-frame" onClick={() => add('frame')} title={t('addFrameHint')}>
          <PlusIcon /> {t('addFrame')}
        </button>
        <span className="tool-sep" aria-hidden="true" />
        <button type="button" className="tool" aria-pressed={tool === 'select'} onClick={() => useUi.getState().setTool('select')} title={`${t('key_select')} (V)`}>
          {t('toolSelect')}
        </button>
        <button type="button" className="tool" aria-pressed={tool === 'pan'} onClick={() => useUi.getState().setTool('pan')} title={`${t('key_pan')} (H)`}>
          {t('toolPan')}
        </button>
        <button type="button" className="tool" aria-pressed={snap} onClick={() => useUi.getState().setSnap(!snap)} title={t('snapHint')}>
          {t('snap')}
        </button>
        <button type="button" className="tool" onClick={() => cmd.undo()} title="Ctrl/⌘+Z" aria-label={t('undo')}>
          ↶
        </button>
        <button type="button" className="tool" onClick={() => cmd.redo()} title="Ctrl/⌘+Y" aria-label={t('redo')}>
          ↷
        </button>
        <button type="button" className="tool" onClick={() => cmd.zoomToFit()} title="Shift+1">
          {t('zoomFit')}
        </button>
        <button type="button" className="tool" onClick={() => useUi.getState().setHelpOpen(true)} aria-label={t('helpTitle')} title="?">
          ?
        </button>
      </div>
      {perspectiveDisabled && (
        <span id="perspective-hint" className="visually-hidden">
          {t('perspectiveNeedsProblem')}
        </span>
      )}
    </div>
  );
});

function MenuIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 3.5h12M2 8h12M2 12.5h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

function PlusIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M7 1v12M1 7h12" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
