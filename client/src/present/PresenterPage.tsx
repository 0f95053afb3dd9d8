import { useEffect } from 'react';
import { isDefaultPhaseId, type DefaultPhaseId } from '../../../shared/cocreation/agenda';
import { stepLabel, timerLeft } from '../../../shared/cocreation/session';
import { roleInfo, roleLabel } from '../../../shared/roles';
import { AccessGate, useBoardAccess } from '../access';
import { boardLink, pageKey } from '../access/joinLinks';
import { QrCode } from '../access/QrCode';
import { useViewerConnection } from '../access/useViewerConnection';
import { usePresence } from '../board/presence';
import { useBoardItems, useBoardMeta } from '../board/useBoardData';
import { useServerNow } from '../cocreation/phases/clock';
import { clockText } from '../cocreation/phases/format';
import { useSession, useTick } from '../cocreation/phases/useSession';
import type { StringKey } from '../i18n/strings';
import type { PluralKey } from '../i18n/translate';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { usePresenterPresence } from './usePresenterPresence';
import { usePresenterStats } from './usePresenterStats';
import './present.css';

/** The question each default phase asks the room (groups' own steps have none). */
const QUESTIONS: Record<DefaultPhaseId, StringKey> = {
  understand: 'presentQ_understand',
  goals: 'presentQ_goals',
  ideas: 'presentQ_ideas',
  design: 'presentQ_design',
  plan: 'presentQ_plan',
  evaluate: 'presentQ_evaluate',
};

function Count({ n, label, className }: { n: number; label: PluralKey; className: string }) {
  const t = useT();
  return (
    <li className={`pr-count ${className}`} data-n={n}>
      <span className="pr-num">{n}</span> <span className="pr-label">{t.plural(label, n)}</span>
    </li>
  );
}

/** The step's timer, when the group started one: at the top, where it costs the least room. */
function PresenterTimer({ conn }: { conn: BoardConnection }) {
  const t = useT();
  const s = useSession(conn.doc);
  const now = useServerNow(conn);
  useTick();
  const timer = s.timer ? timerLeft(s.timer, now()) : null;
  if (!timer) return null;
  return (
    <p className={timer.up ? 'pr-timer up' : 'pr-timer'} role="timer" data-left-ms={timer.leftMs}>
      <span className="pr-timer-label">{timer.up ? t('presentTimeUp') : t('presentTimer')}</span>
      {!timer.up && <span className="pr-timer-clock">{clockText(timer.leftMs)}</span>}
    </p>
  );
}

/** The phase, its question and the live counts. */
function PresenterBoard({ conn }: { conn: BoardConnection }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const s = useSession(conn.doc);
  const items = useBoardItems(conn.doc);
  const users = usePresence(conn.provider.awareness);
  const stats = usePresenterStats(conn.doc, items, users);
  const index = s.agenda.findIndex((x) => x.id === s.current.id);
  const question = s.current.phase && isDefaultPhaseId(s.current.phase) ? t(QUESTIONS[s.current.phase]) : null;

  return (
    <>
      <section className="pr-phase" aria-labelledby="pr-phase-name">
        <p className="pr-step">{t('presentStep', { n: String(index + 1), m: String(s.agenda.length) })}</p>
        <h2 id="pr-phase-name" className="pr-phase-name" data-step-id={s.current.id}>
          {stepLabel(s.current, lang)}
        </h2>
        {question && <p className="pr-question">{question}</p>}
      </section>
      <section className="pr-stats" aria-label={`${t('presentPeopleHeading')}, ${t('presentContribHeading')}`}>
        <div className="pr-people" data-people={stats.peopleTotal}>
          <h2 className="pr-heading">
            {t('presentPeopleHeading')}: <span className="pr-total">{t.plural('presentPeople', stats.peopleTotal)}</span>
          </h2>
          {stats.people.length === 0 ? (
            <p className="pr-nobody">{t('presentNobody')}</p>
          ) : (
            <ul className="pr-roles" data-many={stats.people.length > 4 ? true : undefined}>
              {stats.people.map((p) => (
                <li key={p.role} className="pr-role" data-role={p.role} data-n={p.n}>
                  {/* The role's colour beside its name and number: colour is never the only sign. */}
                  <span className="pr-swatch" style={{ background: roleInfo(p.role).color }} aria-hidden="true" />
                  <span className="pr-role-name">{roleLabel(p.role, lang)}</span>
                  <span className="pr-num">{p.n}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="pr-contrib">
          <h2 className="pr-heading">{t('presentContribHeading')}</h2>
          <ul className="pr-counts">
            <Count n={stats.problems} label="presentProblems" className="pr-problems" />
            <Count n={stats.perspectives} label="presentPerspectives" className="pr-perspectives" />
            <Count n={stats.ideas} label="presentIdeas" className="pr-ideas" />
            <Count n={stats.comments} label="presentComments" className="pr-comments" />
            {stats.voted !== null && <Count n={stats.voted} label="presentVoted" className="pr-voted" />}
          </ul>
        </div>
      </section>
    </>
  );
}

/**
 * The presenter view for the projector (`/b/<id>/present?k=<key>`, issue 17):
 * the board's title, the current phase and its question, a large QR code of
 * the link it was opened with (editor link: join; observer link: follow), and
 * live counts. It reads the board and never writes to it; its presence says
 * it is a presenter, so it is never asked for consent.
 */
export function PresenterPage({ boardId }: { boardId: string }) {
  const t = useT();
  const access = useBoardAccess(boardId);
  const conn = useViewerConnection(boardId, access);
  const meta = useBoardMeta(conn?.doc ?? null);
  usePresenterPresence(conn, t('presentTitle'));
  const observer = access.mode === 'observer';
  const link = boardLink(location.origin, boardId, pageKey());
  const title = meta.title || t('untitledBoard');

  useEffect(() => {
    document.title = `${title} – ${t('presentTitle')} – Samskab`;
  }, [title, t]);

  return (
    <div className="pr-page">
      <header className="pr-head">
        <p className="pr-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" /> Samskab
        </p>
        {conn && <PresenterTimer conn={conn} />}
        <h1 className="pr-title">{conn ? title : ''}</h1>
        <LanguageSwitch />
      </header>
      <main className="pr-main">{conn && <PresenterBoard conn={conn} />}</main>
      <aside className="pr-join" aria-labelledby="pr-join-title">
        <h2 id="pr-join-title">{observer ? t('presentWatch') : t('presentJoin')}</h2>
        {/* Only a link that was let in is shown: a wrong or old link must not be handed to the room. */}
        <div className="pr-qr">{access.state.phase === 'ok' && <QrCode text={link} label={t('presentQrAlt')} fallback={t('qrTooLong')} />}</div>
        <p className="pr-join-steps">{observer ? t('presentWatchSteps') : t('presentJoinSteps')}</p>
      </aside>
      <AccessGate access={access} />
    </div>
  );
}
