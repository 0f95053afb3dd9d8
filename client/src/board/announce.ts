import type { ItemKind } from '../../../shared/model/schema';

/**
 * What others changed, gathered for the screen-reader live region (issue 17).
 * Pure and clock-free (times are passed in), so the calm rate is unit-tested.
 */
export type Change =
  | { kind: 'added'; itemId: string; itemKind: ItemKind; who: string | null }
  | { kind: 'edited'; itemId: string; who: string | null }
  | { kind: 'removed'; itemId: string; who: string | null };

export interface QueueOptions {
  /** At most one announcement per this many ms. */
  minGap: number;
  /** Wait this long after the first change, so the text typed into a new card is in its announcement. */
  settle: number;
}

export const CALM: QueueOptions = { minGap: 5000, settle: 1500 };

export class AnnounceQueue {
  private pending = new Map<string, Change>();
  private firstAt: number | null = null;
  private lastAt = -Infinity;

  constructor(private readonly opts: QueueOptions = CALM) {}

  /** One change per card: an added card stays "added" while it is typed into; a deletion wins. */
  push(change: Change, now: number): void {
    const before = this.pending.get(change.itemId);
    if (before?.kind === 'added' && change.kind === 'edited') return;
    if (before?.kind === 'added' && change.kind === 'removed') {
      // Added and deleted again within one announcement: nothing to say about it.
      this.pending.delete(change.itemId);
      if (this.pending.size === 0) this.firstAt = null;
      return;
    }
    this.pending.set(change.itemId, change);
    this.firstAt ??= now;
  }

  /** When the next announcement may be made; null when nothing waits. */
  dueAt(): number | null {
    if (this.firstAt === null) return null;
    return Math.max(this.firstAt + this.opts.settle, this.lastAt + this.opts.minGap);
  }

  /** The changes to announce now, or null when it is too early (or nothing waits). */
  take(now: number): Change[] | null {
    const due = this.dueAt();
    if (due === null || now < due) return null;
    const out = [...this.pending.values()];
    this.pending.clear();
    this.firstAt = null;
    this.lastAt = now;
    return out;
  }
}

/** The sentence for a batch: one change told as it is, several as a count. */
export type Phrase =
  | { key: 'a11yAdded' | 'a11yAddedEmpty'; who: string | null; itemKind: ItemKind; itemId: string }
  | { key: 'a11yEdited' | 'a11yEditedEmpty'; who: string | null; itemId: string }
  | { key: 'a11yRemoved'; who: string | null }
  | { key: 'a11yChanges'; n: number };

export function phrase(changes: readonly Change[], textOf: (itemId: string) => string): Phrase | null {
  if (changes.length === 0) return null;
  if (changes.length > 1) return { key: 'a11yChanges', n: changes.length };
  const c = changes[0] as Change;
  if (c.kind === 'removed') return { key: 'a11yRemoved', who: c.who };
  const empty = textOf(c.itemId).trim() === '';
  if (c.kind === 'added') return { key: empty ? 'a11yAddedEmpty' : 'a11yAdded', who: c.who, itemKind: c.itemKind, itemId: c.itemId };
  return { key: empty ? 'a11yEditedEmpty' : 'a11yEdited', who: c.who, itemId: c.itemId };
}
