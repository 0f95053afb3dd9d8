import type { CoPanelProps } from '../panel';

/** The session agenda strip at the left of the method bar (issue 4 item 6); placeholder until it lands. */
export function PhaseStrip(_props: Omit<CoPanelProps, 'onClose'>) {
  return null;
}
