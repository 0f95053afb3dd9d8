import type { IndicatorStatus } from '../../../../shared/cocreation/evaluation';
import type { StringKey } from '../../i18n/strings';

/** Text key of each indicator status (`not-yet` has a hyphen). */
export const STATUS_KEY: Record<IndicatorStatus, StringKey> = {
  met: 'evalStatus_met',
  improved: 'evalStatus_improved',
  'not-yet': 'evalStatus_notYet',
  worse: 'evalStatus_worse',
};
