import type { BoardItem } from '../../../../shared/model/schema';
import { TriadHeatmap } from './TriadHeatmap';

/** On an idea card: how each group rated its value (the heatmap). */
export function ValueCardDecoration({ item, active }: { item: BoardItem; active: boolean }) {
  return item.kind === 'idea' ? <TriadHeatmap item={item} active={active} /> : null;
}
