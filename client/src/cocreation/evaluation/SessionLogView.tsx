import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { runLabel } from '../../../../shared/cocreation/worklog';
import { roleLabel, type RoleId } from '../../../../shared/roles';
import type { SnapshotList, SnapshotMeta } from '../../../../shared/http/contract';
import { localDay } from '../../../../shared/cocreation/actions';
import { credentialsOf, type LinkParams } from '../../http/credentials';
import { boardUrl, requestJson } from '../../http/json';
import { formatDay } from '../../i18n/formatDay';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { useWorkLog } from './useWorkLog';

interface Props {
  doc: Y.Doc;
  boardId: string;
  params: LinkParams | undefined;
}

const time = (ms: number, lang: 'da' | 'en') => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeStyle: 'short' }).format(new Date(ms));

/**
 * The session log: each day the board was worked on, with who took part (per
 * role), the phases run, and the last snapshot of that day — so a group that
 * comes back months later sees where it left off.
 */
export function SessionLogView({ doc, boardId, params }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const log = useWorkLog(doc);
  const [snapshots, setSnapshots] = useState<SnapshotMeta[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    // The snapshot list of the outcomes panel, read through the HTTP kit (tools do not import each other).
    requestJson<SnapshotList>(boardUrl(boardId, '/snapshots'), { credentials: credentialsOf(params) }).then(
      (list) => live && setSnapshots(list.snapshots),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [boardId, params]);
  // The last snapshot taken on each local day.
  const lastOfDay = new Map<string, SnapshotMeta>();
  for (const s of [...(snapshots ?? [])].sort((a, b) => a.takenAt - b.takenAt)) lastOfDay.set(localDay(new Date(s.takenAt)), s);

  if (log.days.length === 0) return <p className="co-empty">{t('logEmpty')}</p>;
  return (
    <div className="eval-log">
      <p className="muted small">{t('logIntro')}</p>
      {failed && (
        <p className="goals-error" role="alert">
          {t('logSnapshotsFailed')}
        </p>
      )}
      <ol className="log-days" reversed>
        {[...log.days].reverse().map((d) => {
          const snap = lastOfDay.get(d.day);
          const roles = Object.entries(d.byRole) as Array<[RoleId, number]>;
          return (
            <li key={d.day} data-day={d.day}>
              <h4>
                {formatDay(Date.parse(`${d.day}T12:00:00`), lang)}{' '}
                <span className="muted small">
                  {time(d.start, lang)}–{time(d.end, lang)}
                </span>
              </h4>
              <dl>
                <dt>{t('logPeople')}</dt>
                <dd>{roles.map(([role, n]) => `${roleLabel(role, lang)}: ${n}`).join(', ')}</dd>
                <dt>{t('logPhases')}</dt>
                <dd>{d.steps.length === 0 ? t('logNoPhases') : d.steps.map((s) => runLabel(s, lang)).join(' → ')}</dd>
                <dt>{t('logSnapshot')}</dt>
                <dd>{snap ? `${snap.name} (${time(snap.takenAt, lang)})` : snapshots ? t('logNoSnapshot') : '…'}</dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
