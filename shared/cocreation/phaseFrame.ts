import type { BoardItem, FrameItem } from '../model/schema';
import { readPlainText } from '../model/richtext';
import { DEFAULT_PHASES } from './agenda';
import type { Step } from './session';

/**
 * The frame that belongs to a session step: a frame named like the step (its
 * own name, or the default phase's name in either language, as templates draw
 * them). The largest one wins when several match, so a template's phase frame
 * beats a small area with the same words.
 */
export function frameOfStep(items: Iterable<BoardItem>, step: Step): FrameItem | null {
  const names = new Set<string>();
  const norm = (s: string) => s.trim().toLocaleLowerCase();
  if (step.label) names.add(norm(step.label));
  if (step.phase) {
    names.add(norm(DEFAULT_PHASES[step.phase].da));
    names.add(norm(DEFAULT_PHASES[step.phase].en));
  }
  let best: FrameItem | null = null;
  for (const i of items) {
    if (i.kind !== 'frame' || !names.has(norm(readPlainText(i.body)))) continue;
    if (!best || i.w * i.h > best.w * best.h) best = i;
  }
  return best;
}
