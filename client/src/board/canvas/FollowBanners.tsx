import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import type { Follow } from './useFollow';

/** Whom I follow (with a way out), that my summons went out, and another's summons to answer. */
export function FollowBanners({ follow: { followed, summonSent, request, answer } }: { follow: Follow }) {
  const t = useT();
  return (
    <>
      {followed && (
        <div className="follow-banner" role="status">
          <span>{t('followingName', { name: followed.name })}</span>
          <button type="button" onClick={() => useUi.getState().setFollowing(null)}>
            {t('stopFollowing')}
          </button>
        </div>
      )}
      {!followed && summonSent && (
        <div className="follow-banner" role="status">
          {t('summonSent')}
        </div>
      )}
      {request && (
        <div className="summon-banner" role="alertdialog" aria-labelledby="summon-text">
          <span id="summon-text">{t('summonAsk', { name: request.name })}</span>
          <button type="button" onClick={() => answer(true)}>
            {t('summonAccept')}
          </button>
          <button type="button" onClick={() => answer(false)}>
            {t('summonDecline')}
          </button>
        </div>
      )}
    </>
  );
}
