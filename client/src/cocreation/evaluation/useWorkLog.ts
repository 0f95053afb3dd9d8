import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readWorkLog, worklogMap, type WorkLog } from '../../../../shared/cocreation/worklog';

/** The session log (shared/cocreation/worklog.ts), parsed, live. */
export function useWorkLog(doc: Y.Doc): WorkLog {
  const [log, setLog] = useState(() => readWorkLog(doc));
  useEffect(() => {
    const m = worklogMap(doc);
    const update = () => setLog(readWorkLog(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return log;
}
