import { useT } from '../i18n/useT';
import type { AccessInfo } from './api';
import { keyOfLink } from './api';
import { viewPath } from './joinLinks';
import { QrCode } from './QrCode';
import './qr.css';

function QrFigure({ link, caption, alt }: { link: string; caption: string; alt: string }) {
  const t = useT();
  return (
    <figure className="qr-figure">
      <QrCode text={link} label={alt} fallback={t('qrTooLong')} />
      <figcaption>
        <strong>{caption}</strong>
        <span className="qr-link-text">{link}</span>
      </figcaption>
    </figure>
  );
}

/**
 * The share panel's QR codes (issue 17): the editor and the observer link as
 * codes big enough to scan from a laptop screen at arm's length, and the two
 * pages made from the editor link: the printed sheet per role and the
 * presenter view. Loaded with the panel only (the QR library is not in the board's bundle).
 */
export default function ShareQrCodes({ info, links }: { info: AccessInfo; links: { editor: string; observer: string } }) {
  const t = useT();
  const abs = (link: string) => `${location.origin}${link}`;
  const key = keyOfLink(links.editor);
  return (
    <section className="share-qr" aria-labelledby="share-qr-title">
      <h3 id="share-qr-title">{t('qrSection')}</h3>
      <p className="muted">{t('qrIntro')}</p>
      <div className="qr-pair">
        <QrFigure link={abs(links.editor)} caption={t('qrEditorCaption')} alt={t('qrEditorAlt')} />
        <QrFigure link={abs(links.observer)} caption={t('qrObserverCaption')} alt={t('qrObserverAlt')} />
      </div>
      <ul className="qr-pages">
        <li>
          <a href={viewPath(info.board, 'qr', key)} target="_blank" rel="noopener" className="qr-sheet-link">
            {t('qrSheetLink')} <span className="visually-hidden">{t('qrNewTab')}</span>
          </a>
        </li>
        <li>
          <a href={viewPath(info.board, 'present', key)} target="_blank" rel="noopener" className="qr-present-link">
            {t('qrPresentLink')} <span className="visually-hidden">{t('qrNewTab')}</span>
          </a>
        </li>
      </ul>
    </section>
  );
}
