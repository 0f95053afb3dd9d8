import { useT } from '../i18n/useT';
import type { Viewing } from './useSnapshotViewer';

/** The image of a snapshot opened read-only, with a button that closes it. */
export function SnapshotView({ viewing, onClose }: { viewing: Viewing; onClose(): void }) {
  const t = useT();
  return (
    <figure className="snapshot-view" aria-label={t('viewingSnapshot', { name: viewing.name })}>
      <figcaption>
        <strong>{t('viewingSnapshot', { name: viewing.name })}</strong>{' '}
        <button type="button" onClick={onClose}>
          {t('closeView')}
        </button>
      </figcaption>
      <img src={viewing.url} alt={t('viewingSnapshot', { name: viewing.name })} />
    </figure>
  );
}
