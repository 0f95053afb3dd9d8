import { roleLabel } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { PresenceUser } from './presence';

export function PresenceList({ users: all }: { users: PresenceUser[] }) {
  const t = useT();
  // A projector's presenter view is a screen, not a person: it is neither listed nor counted.
  const users = all.filter((u) => u.kind !== 'presenter');
  const lang = useUi((s) => s.lang);
  const following = useUi((s) => s.following);
  const summon = useUi((s) => s.summonMine);
  return (
    <section className="presence" aria-label={t('participants')}>
      <h2 className="presence-title">
        {t('participants')} <span className="count">{users.length}</span>
      </h2>
      <ul>
        {users.map((u) => (
          <li key={u.clientId} data-presence-name={u.name}>
            <span className="avatar" style={{ background: u.color }} aria-hidden="true">
              {u.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="presence-name">
              {u.name}
              {u.isSelf && <span className="presence-self"> ({t('you')})</span>}
            </span>
            <span className="presence-role">{roleLabel(u.role, lang, u.roleText)}</span>
            {!u.isSelf && u.view && (
              <button
                type="button"
                className="presence-follow"
                aria-pressed={following === u.clientId}
                aria-label={`${following === u.clientId ? t('stopFollowing') : t('follow')}: ${u.name}`}
                onClick={() => useUi.getState().setFollowing(following === u.clientId ? null : u.clientId)}
              >
                {following === u.clientId ? t('stopFollowing') : t('follow')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {users.length > 1 && (
        <button type="button" className="presence-summon" onClick={() => summon()}>
          {t('bringEveryone')}
        </button>
      )}
    </section>
  );
}
