import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { clearAway, markAway, presenceStatus, type Person, type PresenceEntry, type PresenceStatus } from '../../../../shared/cocreation/session';
import { roleInfo } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { personLabel } from './format';

interface Props {
  /** Presence as usePresence gives it (with `away` from the board's marks). */
  users: readonly PresenceEntry[];
  me: Person | null;
  anonymous: boolean;
  doc: Y.Doc;
  now(): number;
  run(fn: () => void): boolean;
  /** Heading level inside its container. */
  heading?: 'h2' | 'h3';
}

// Shown next to the words, never instead of them.
const MARK: Record<PresenceStatus, string> = { counted: '✓', idle: '◑', away: '↗', observer: '◌', presenter: '▭' };
const ORDER: Record<PresenceStatus, number> = { counted: 0, idle: 1, away: 2, observer: 3, presenter: 4 };

/**
 * Who is here and whether they count for consent, each in words, with the
 * rule in one sentence; "Mark as away" for anyone counted or idle (myself too)
 * and "I'm back" for me when I am marked. Anyone can see it; observers only see.
 */
export function WhoCounts({ users, me, anonymous, doc, now, run, heading: H = 'h3' }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const title = useId();
  // The pressed button goes away with the change (the row is then "away" or "counted"): focus stays in the list.
  const heading = useRef<HTMLHeadingElement>(null);
  const act = (fn: () => void) => {
    if (run(fn)) heading.current?.focus();
  };
  const rows = presenceStatus(users).sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <section className="ph-who" aria-labelledby={title}>
      <H id={title} ref={heading} tabIndex={-1}>{t('consentWhoCounts')}</H>
      <p className="muted small">{t('consentRuleLong')}</p>
      {rows.length === 0 ? (
        <p className="co-empty">{t('consentNobody')}</p>
      ) : (
        <ul className="ph-who-list">
          {rows.map((p) => {
            const who = personLabel(p, lang, anonymous);
            const mine = me?.key === p.key;
            return (
              <li key={p.key} data-presence-status={p.status} data-person-key={p.key}>
                <span className="ph-swatch" style={{ background: roleInfo(p.role).color }} aria-hidden="true" />
                <span className="ph-mark" aria-hidden="true">
                  {MARK[p.status]}
                </span>
                <span className="ph-who-name">
                  {who}
                  {mine && ` (${t('phasesYou')})`}: <strong>{t(`consentStatus_${p.status}`)}</strong>
                </span>
                {me && (p.status === 'counted' || p.status === 'idle') && (
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => act(() => markAway(doc, p.key, me, now(), 'cocreation'))}
                  >
                    {t('consentMarkAway')}
                    <span className="visually-hidden"> – {mine ? `${who} (${t('phasesYou')})` : who}</span>
                  </button>
                )}
                {me && mine && p.status === 'away' && (
                  <button type="button" className="small primary" onClick={() => act(() => clearAway(doc, me.key, 'cocreation'))}>
                    {t('consentBack')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
