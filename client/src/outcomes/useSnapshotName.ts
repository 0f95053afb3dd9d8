import { useCallback } from 'react';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { SnapshotMeta } from './api';

/**
 * A snapshot's name as the person reads it. Automatic snapshots are named by the server in
 * English; show them in the person's language (with the language's own quotes around a
 * restored snapshot's name: »…« in Danish).
 */
export function useSnapshotName(): (s: SnapshotMeta) => string {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return useCallback(
    (s: SnapshotMeta) => {
      if (s.kind === 'manual') return s.name;
      const restoredName = /“(.*)”/.exec(s.name)?.[1];
      const quoted = (name: string) => (lang === 'da' ? `»${name}«` : `“${name}”`);
      return restoredName ? `${t(`kind_${s.kind}` as StringKey)}: ${quoted(restoredName)}` : t(`kind_${s.kind}` as StringKey);
    },
    [t, lang],
  );
}
