import { useT } from '../../i18n/useT';
import type { CoPanelProps } from '../panel';

/** Placeholder until the feature lands (issue 4); replaced by the feature's own panel. */
export function ValuePanel({ onClose }: CoPanelProps) {
  const t = useT();
  return (
    <section className="co-panel" aria-label={t('valueButton')}>
      <div className="co-head">
        <h2>{t('valueButton')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
