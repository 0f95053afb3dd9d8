import { useEffect } from 'react';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import './buildOn.css';

/**
 * The hint shown while "Builds on …" waits for the idea to build on: a status
 * line that screen readers announce, a Cancel button, and Escape to cancel.
 * `notice` reports the last pick (connected, or why not).
 */
export function BuildOnPicker({ notice, onNotice }: { notice: string | null; onNotice(text: string | null): void }) {
  const t = useT();
  const from = useUi((s) => s.buildOnFrom);
  useEffect(() => {
    if (!from) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      useUi.getState().setBuildOnFrom(null);
    };
    // Capture: Escape must end the pick before the canvas clears the selection.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [from]);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => onNotice(null), 4000);
    return () => window.clearTimeout(timer);
  }, [notice, onNotice]);
  if (!from && !notice) return <div className="visually-hidden" role="status" aria-live="polite" />;
  return (
    <div className="build-on-hint" role="status" aria-live="polite">
      <span>{from ? t('buildOnHint') : notice}</span>
      {from && (
        <button type="button" onClick={() => useUi.getState().setBuildOnFrom(null)}>
          {t('buildOnCancel')}
        </button>
      )}
    </div>
  );
}
