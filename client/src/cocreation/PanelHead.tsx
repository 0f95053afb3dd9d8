import type { ReactNode, RefObject } from 'react';
import { useT } from '../i18n/useT';

/** The head of a co-creation side panel: its title (focused when the panel opens) and "Close". */
export function PanelHead({ id, headingRef, onClose, children }: { id: string; headingRef: RefObject<HTMLHeadingElement | null>; onClose(): void; children: ReactNode }) {
  const t = useT();
  return (
    <div className="co-head">
      <h2 id={id} tabIndex={-1} ref={headingRef}>
        {children}
      </h2>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
