import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

const KEY = 'samskab.sidebar';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * The participant sidebar at the top right of the canvas (who is here, the
 * voice meter). It folds into a small "Participants n" button, so that it does
 * not hide the right side of the board; the choice is kept on this device.
 */
export function Sidebar({ count, children }: { count: number; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(storedOpen);
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(KEY, open ? 'closed' : 'open');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return (
    // Focusable when open: with many roles it scrolls, and keyboard users must be able to scroll it.
    <aside className="sidebar" data-collapsed={open ? undefined : 'true'} tabIndex={open ? 0 : undefined} aria-label={t('participants')}>
      <div className="sidebar-head">
        {!open && (
          <span className="sidebar-folded" aria-hidden="true">
            <People /> {t('participants')} <span className="count">{count}</span>
          </span>
        )}
        {/* Named "Collapse"/"Expand": the landmark around it says what. Folded, it covers the whole head (see CSS), so the head is one big target. */}
        <button type="button" className="sidebar-toggle" aria-expanded={open} aria-controls="sidebar-body" title={open ? t('sidebarHideHint') : t('sidebarShowHint')} onClick={toggle}>
          <Chevron up={open} />
          <span className="visually-hidden">{open ? t('sidebarHide') : t('sidebarShow')}</span>
        </button>
      </div>
      <div id="sidebar-body" hidden={!open}>
        {children}
      </div>
    </aside>
  );
}

function Chevron({ up }: { up: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d={up ? 'M3 9l4-4 4 4' : 'M3 5l4 4 4-4'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function People() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="6" cy="5" r="2.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M1.5 14c.4-2.8 2.2-4.3 4.5-4.3s4.1 1.5 4.5 4.3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="11.5" cy="5.8" r="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M12 9.8c1.6.3 2.6 1.6 2.9 3.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}
