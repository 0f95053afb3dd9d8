import { useCallback, useState } from 'react';
import { useT } from '../i18n/useT';

/** The dialog's one busy flag and one status line, shared by every section. */
export interface PanelStatus {
  /** One request at a time: every action button is disabled while one runs. */
  busy: boolean;
  setBusy(busy: boolean): void;
  message: string | null;
  setMessage(message: string | null): void;
  /** Shows a failed request's reason in the status line. */
  fail(err: unknown): void;
  /** Runs a task as the busy one; a failure goes to the status line. */
  run(task: () => Promise<void>): Promise<void>;
}

export function usePanelStatus(): PanelStatus {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const fail = useCallback((err: unknown) => setMessage(t('failed', { reason: (err as Error).message })), [t]);
  const run = useCallback(
    async (task: () => Promise<void>) => {
      setBusy(true);
      try {
        await task();
      } catch (err) {
        fail(err);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return { busy, setBusy, message, setMessage, fail, run };
}
