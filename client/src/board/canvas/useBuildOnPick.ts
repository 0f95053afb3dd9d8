import { useCallback, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import { readPlainText } from '../../../../shared/model/richtext';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { buildOn } from '../buildOn';
import type { ItemView } from '../useBoardData';

/**
 * "Builds on …": picking the idea the chosen one builds on (by a press or Enter on a card),
 * and the notice that reports the last pick (shown by BuildOnPicker).
 */
export function useBuildOnPick({ doc, itemsRef, focusCard }: { doc: Y.Doc; itemsRef: RefObject<ReadonlyMap<string, ItemView>>; focusCard: (id: string) => void }) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const pick = useCallback(
    (toId: string) => {
      const ui = useUi.getState();
      const fromId = ui.buildOnFrom;
      if (!fromId) return;
      const result = buildOn(doc, itemsRef.current, fromId, toId);
      if (result === 'not-idea') {
        setNotice(t('buildOnNotIdea'));
        return;
      }
      if (result === 'same') return;
      ui.setBuildOnFrom(null);
      ui.select(fromId);
      const target = itemsRef.current.get(toId);
      const title = target && !('damaged' in target) ? readPlainText(target.body).split('\n')[0]?.slice(0, 60) : '';
      setNotice(`${t('buildOnDone')} »${title ?? ''}«`);
      focusCard(fromId);
    },
    [doc, itemsRef, t, focusCard],
  );
  return { pick, notice, setNotice };
}
