import { useEffect, useMemo, useState } from 'react';
import { ROLES, roleLabel, type RoleId } from '../../../shared/roles';
import { useBoardMeta } from '../board/useBoardData';
import { useT } from '../i18n/useT';
import { navigate } from '../router';
import { useUi } from '../state/ui';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { AccessGate } from './AccessGate';
import type { AccessInfo } from './api';
import { boardLink, pageKey, roleLink } from './joinLinks';
import { QrCode } from './QrCode';
import { SheetControls, type SheetLayout } from './SheetControls';
import { useBoardAccess } from './useBoardAccess';
import { useViewerConnection } from './useViewerConnection';
import './qr.css';
import './sheet.css';

/** The link people join with: the editor link (an open board has none: its id alone). Null for an observer link. */
function joinLinkOf(info: AccessInfo): string | null {
  if (info.mode !== 'editor') return null;
  if (info.links) return new URL(info.links.editor, location.origin).href;
  return info.open ? boardLink(location.origin, info.board, null) : null;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function RoleCard({ role, link, title, passcodeLine }: { role: RoleId; link: string; title: string; passcodeLine: string | null }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const name = roleLabel(role, lang);
  const color = ROLES.find((r) => r.id === role)?.color ?? '#d0d4da';
  return (
    <article className="qr-card" data-role={role} aria-labelledby={`qr-card-${role}`}>
      {/* The role's colour as on the board, always beside its name: colour is never the only sign. */}
      <div className="qr-card-band" style={{ background: color }} aria-hidden="true" />
      <div className="qr-card-head">
        {title && <p className="qr-card-board">{title}</p>}
        <p className="qr-card-joinas">{t('sheetJoinAs')}</p>
        <h2 className="qr-card-role" id={`qr-card-${role}`}>
          {name}
        </h2>
      </div>
      <div className="qr-card-code">
        <QrCode text={roleLink(link, role)} label={t('sheetQrAlt', { role: name })} fallback={t('qrTooLong')} />
      </div>
      <div className="qr-card-foot">
        <ol className="qr-card-steps">
          <li>{t('sheetStep1')}</li>
          <li>{t('sheetStep2')}</li>
          <li>{t('sheetStep3')}</li>
        </ol>
        {passcodeLine && <p className="qr-card-passcode">{passcodeLine}</p>}
      </div>
    </article>
  );
}

/**
 * The printable QR sheet (`/b/<id>/qr?k=<editor key>`, issue 17): one card per
 * role with the editor link and `role=` pre-filled (never a name), the role in
 * large type and how to join, in the page's language. A4 pages of two or four
 * cards; the controls are not printed. The passcode is printed only if the
 * facilitator types it on purpose: by default the line says to ask.
 */
export function QrSheet({ boardId }: { boardId: string }) {
  const t = useT();
  const access = useBoardAccess(boardId);
  const conn = useViewerConnection(boardId, access);
  const meta = useBoardMeta(conn?.doc ?? null);
  const info = access.state.phase === 'ok' ? access.state.info : null;
  const link = info ? joinLinkOf(info) : null;

  const [layout, setLayout] = useState<SheetLayout>('quarter');
  const [roles, setRoles] = useState<ReadonlySet<RoleId>>(() => new Set(ROLES.map((r) => r.id)));
  // null: follow the board (a line when it has a passcode) until the facilitator decides.
  const [passcodeChoice, setPasscodeChoice] = useState<boolean | null>(null);
  const [passcodeText, setPasscodeText] = useState('');
  const showPasscode = passcodeChoice ?? info?.passcode ?? false;
  const passcodeLine = showPasscode ? t('sheetPasscodeLine', { text: passcodeText.trim() || t('sheetAskFacilitator') }) : null;

  useEffect(() => {
    document.title = `${t('sheetTitle')} – ${meta.title || t('untitledBoard')} – Samskab`;
  }, [meta.title, t]);

  const chosen = useMemo(() => ROLES.filter((r) => roles.has(r.id)).map((r) => r.id), [roles]);
  const pages = chunk(chosen, layout === 'half' ? 2 : 4);
  const key = pageKey();

  return (
    <div className="qr-sheet-page">
      <header className="qr-sheet-controls">
        <div className="qr-sheet-head">
          <h1>{t('sheetTitle')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('sheetIntro')}</p>
        {info && !link && <p className="error">{t('sheetNeedsEditor')}</p>}
        {!info && access.state.phase !== 'denied' && <p role="status">{t('sheetLoading')}</p>}
        {link && (
          <SheetControls
            layout={layout}
            onLayout={setLayout}
            roles={roles}
            onRoles={setRoles}
            showPasscode={showPasscode}
            onShowPasscode={setPasscodeChoice}
            passcodeText={passcodeText}
            onPasscodeText={setPasscodeText}
            count={chosen.length}
          />
        )}
        <p>
          <a
            href={`/b/${boardId}${key ? `?k=${encodeURIComponent(key)}` : ''}`}
            className="qr-back"
            onClick={(e) => {
              e.preventDefault();
              navigate(`/b/${boardId}${key ? `?k=${encodeURIComponent(key)}` : ''}`);
            }}
          >
            {t('sheetBack')}
          </a>
        </p>
      </header>
      {link && (
        <main className={`qr-sheet qr-sheet-${layout}`} data-layout={layout}>
          {pages.map((page, i) => (
            <section key={i} className="qr-page">
              {page.map((role) => (
                <RoleCard key={role} role={role} link={link} title={meta.title} passcodeLine={passcodeLine} />
              ))}
            </section>
          ))}
        </main>
      )}
      <AccessGate access={access} />
    </div>
  );
}
