import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { setAnonymousNames } from '../../../shared/cocreation/doc';
import { expectedRoles, firstLine, perspectiveCoverage } from '../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../shared/model/schema';
import { isRoleId, roleInfo, roleLabel, ROLES, type RoleId } from '../../../shared/roles';
import type { PresenceUser } from '../board/presence';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { useCocreationState } from './hooks';
import { PanelHead } from './PanelHead';

interface Props {
  doc: Y.Doc;
  items: BoardItem[];
  users: PresenceUser[];
  lens: RoleId | null;
  onLens(role: RoleId | null): void;
  anonymous: boolean;
  canEdit: boolean;
  myRole: RoleId | null;
  onAdd(problemId: string): void;
  onClose(): void;
}

/** Per problem: the perspectives of each role side by side, and the roles still missing. */
export function PerspectivePanel({ doc, items, users, lens, onLens, anonymous, canEdit, myRole, onAdd, onClose }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  // Keyboard users land in the panel when it opens.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const { settings } = useCocreationState(doc);
  const coverage = useMemo(() => perspectiveCoverage(items, expectedRoles(items, users.map((u) => u.role))), [items, users]);

  return (
    <section className="co-panel" aria-labelledby="lens-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="lens-title" headingRef={heading} onClose={onClose}>
        {t('lensTitle')}
      </PanelHead>
      <p className="muted">{t('lensIntro')}</p>
      <div className="co-row">
        <label htmlFor="lens-role">{t('lensReadAs')}</label>
        <select id="lens-role" value={lens ?? ''} onChange={(e) => onLens(isRoleId(e.target.value) ? e.target.value : null)}>
          <option value="">{t('lensNone')}</option>
          {ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r[lang]}
            </option>
          ))}
        </select>
      </div>
      {canEdit && (
        <label className="co-check">
          <input
            type="checkbox"
            checked={settings.anonymousNames}
            aria-describedby="anon-explain"
            onChange={(e) => setAnonymousNames(doc, e.target.checked, 'cocreation')}
          />{' '}
          {t('anonNames')}
        </label>
      )}
      {canEdit && (
        <p id="anon-explain" className="co-note">
          {t(settings.anonymousNames ? 'anonReveal' : 'anonExplain')}
        </p>
      )}
      {coverage.length === 0 && <p className="co-empty">{t('lensNoProblems')}</p>}
      {coverage.map((c) => (
        <article key={c.problem.id} className="lens-problem" data-problem-id={c.problem.id}>
          <h3>
            <span className="co-kicker">{t('lensProblem')}</span> {firstLine(c.problem) || '—'}
          </h3>
          <div className="lens-grid">
            {c.byRole.map((g) => (
              <div key={g.role} className="lens-role" style={{ ['--role-color' as string]: roleInfo(g.role).color }} data-role={g.role}>
                <h4>{roleLabel(g.role, lang)}</h4>
                <ul>
                  {g.perspectives.map((p) => (
                    <li key={p.id}>
                      {firstLine(p, 200) || '—'}
                      {!anonymous && p.authorName && <span className="lens-author"> – {p.authorName}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          {c.examples.length > 0 && (
            <div className="lens-examples">
              <h4>{t('lensExamples')}</h4>
              <ul>
                {c.examples.map((p) => (
                  <li key={p.id} style={{ ['--role-color' as string]: roleInfo(p.role).color }}>
                    <span className="lens-example-role">{roleLabel(p.role, lang)}:</span> {firstLine(p, 200) || '—'}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {c.missing.length > 0 ? (
            <div className="lens-missing">
              <h4>{t('lensMissing')}</h4>
              <ul>
                {c.missing.map((r) => (
                  <li key={r} data-missing-role={r} style={{ ['--role-color' as string]: roleInfo(r).color }}>
                    {t('lensNoPerspective', { role: roleLabel(r, lang).toLowerCase() })}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="lens-covered">✓ {t('lensAllCovered')}</p>
          )}
          {canEdit && myRole && (
            <button type="button" className="lens-add" onClick={() => onAdd(c.problem.id)}>
              + {t('lensAddMine', { role: roleLabel(myRole, lang) })}
            </button>
          )}
        </article>
      ))}
    </section>
  );
}
