import { useT } from '../i18n/useT';
import { STRINGS, type StringKey } from '../i18n/strings';
import type { ConnectionSnapshot } from '../sync/connection';

export function ConnectionStatus({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const t = useT();
  // 1009 is the websocket library's own "too big" close, beyond our 4002 threshold.
  const code = snapshot.lastCloseCode === 1009 ? 4002 : snapshot.lastCloseCode;
  // Every named close code (shared/protocol.ts) has a text in both languages.
  const key = `closed_${code}`;
  const reason = code !== null && Object.hasOwn(STRINGS.da, key) ? t(key as StringKey) : null;
  return (
    <div className={`status status-${snapshot.state}`} role="status" aria-live="polite" data-state={snapshot.state}>
      <span className="status-dot" aria-hidden="true" />
      <span>{t(`status_${snapshot.state}` as StringKey)}</span>
      {reason && snapshot.state !== 'saved' && <span className="status-reason">{reason}</span>}
    </div>
  );
}
