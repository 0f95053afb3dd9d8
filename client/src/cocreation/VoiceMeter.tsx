import { memo, useMemo } from 'react';
import type * as Y from 'yjs';
import { commentsByRole } from '../../../shared/cocreation/comments';
import { goalsByRole } from '../../../shared/cocreation/goals';
import { ratingsByRole } from '../../../shared/cocreation/value';
import { computeVoice, contributedItems, itemsByRole, peopleRoles, type VoiceRow } from '../../../shared/cocreation/voice';
import { readMeta } from '../../../shared/model/board';
import type { BoardItem } from '../../../shared/model/schema';
import { roleInfo, roleLabel, type RoleId } from '../../../shared/roles';
import type { PresenceUser } from '../board/presence';
import type { ItemView } from '../board/useBoardData';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { useComments } from './comments/useComments';
import { useGoals } from './goals/useGoals';
import { useCocreationState, useEditSessionsByRole, useRatings } from './hooks';
import './cocreation.css';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Each kind's count with its plural form, in the order the intro names them. */
const DETAIL = [
  ['items', 'voiceItems'],
  ['edits', 'voiceEdits'],
  ['comments', 'voiceComments'],
  ['votes', 'voiceVotes'],
  ['goals', 'voiceGoals'],
  ['ratings', 'voiceRatings'],
] as const satisfies ReadonlyArray<readonly [keyof VoiceRow, string]>;

/**
 * The equal-voice meter: each role's share of contributions (cards created,
 * card edit sessions, comments, votes, goals, value ratings — all counted from
 * the document) against its share of the people present (presence), with a
 * gentle nudge when one group dominates.
 */
export const VoiceMeter = memo(function VoiceMeter({ doc, items, users }: { doc: Y.Doc; items: ReadonlyMap<string, ItemView>; users: PresenceUser[] }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const edits = useEditSessionsByRole(doc);
  const goals = useGoals(doc);
  const ratings = useRatings(doc);
  const { round } = useCocreationState(doc);
  const list = useMemo(() => [...items.values()].filter((i): i is BoardItem => !('damaged' in i)), [items]);
  const liveIds = useMemo(() => new Set(list.map((i) => i.id)), [list]);
  const comments = useComments(doc, liveIds);
  const voice = useMemo(() => {
    // Who voted, per role (participation, not choices): results group small roles together (shared/cocreation/smallRoles.ts).
    const votes = round?.participation.votersByRole ?? {};
    return computeVoice({
      participants: peopleRoles(users),
      items: itemsByRole(contributedItems(list, readMeta(doc).createdAt)),
      edits,
      comments: commentsByRole(comments),
      votes,
      goals: goalsByRole(goals),
      ratings: ratingsByRole(ratings, liveIds),
    });
  }, [list, users, edits, round, comments, goals, ratings, liveIds, doc]);
  const label = (r: RoleId) => roleLabel(r, lang);
  const top = voice.rows.find((r) => r.status === 'dominating');

  return (
    <section className="voice" aria-labelledby="voice-title">
      <h2 id="voice-title" className="presence-title">
        {t('voiceTitle')}
      </h2>
      <p className="voice-intro">{t('voiceIntro')}</p>
      <p className={top ? 'voice-nudge' : 'voice-ok'} role="status">
        {top
          ? t('voiceNudge', {
              role: label(top.role),
              c: pct(top.contributionShare),
              p: pct(top.peopleShare),
              quiet: voice.quiet.length ? voice.quiet.map((q) => label(q).toLowerCase()).join(', ') : t('voiceOthers'),
            })
          : voice.enough
            ? t('voiceBalanced')
            : t('voiceTooEarly')}
      </p>
      {voice.rows.length === 0 && <p className="muted small">{t('voiceEmpty')}</p>}
      <ul className="voice-rows">
        {voice.rows.map((r) => (
          <li key={r.role} data-voice-role={r.role} data-status={r.status} style={{ ['--role-color' as string]: roleInfo(r.role).color }}>
            <div className="voice-role">
              <span className="voice-swatch" aria-hidden="true" />
              {label(r.role)}
              {r.status === 'dominating' && <span className="voice-flag">▲</span>}
            </div>
            <div className="voice-bar-row">
              <span className="voice-bar-label">{t('voicePeople')}</span>
              <span className="voice-track" aria-hidden="true">
                <span className="voice-bar people" style={{ width: pct(r.peopleShare).replace(' ', '') }} />
              </span>
              <span className="voice-num">{pct(r.peopleShare)}</span>
            </div>
            <div className="voice-bar-row">
              <span className="voice-bar-label">{t('voiceContrib')}</span>
              <span className="voice-track" aria-hidden="true">
                <span className="voice-bar contrib" style={{ width: pct(r.contributionShare).replace(' ', '') }} />
              </span>
              <span className="voice-num">{pct(r.contributionShare)}</span>
            </div>
            <div className="voice-detail">
              {/* Only the kinds this role has done something in: "3 kort · 1 kommentar", never "0 stemmer" six times over. */}
              {DETAIL.filter(([kind]) => r[kind] > 0)
                .map(([kind, key]) => t.plural(key, r[kind]))
                .join(' · ') || t('voiceEmpty')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
});
