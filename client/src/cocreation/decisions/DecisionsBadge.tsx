import { useT } from '../../i18n/useT';
import type { CoPanelProps } from '../panel';
import { useDecisions } from './store';
import { useApplyAgreedDecisions } from './useApplyAgreed';

/**
 * The decisions button's badge while proposals are open. It is mounted as
 * long as the method bar is, which the panel is not, so it is also where
 * consent is carried out: a proposal is decided even when nobody has the
 * panel open (e.g. the last person who had not answered leaves).
 */
export function DecisionsBadge(p: Omit<CoPanelProps, 'onClose'>) {
  const t = useT();
  useApplyAgreedDecisions(p);
  const n = useDecisions(p.conn.doc).open.length;
  return n > 0 ? (
    <span className="co-badge" data-open-decisions={n}>
      {t.plural('decisionsOpenN', n)}
    </span>
  ) : null;
}
