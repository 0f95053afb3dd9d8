import type { BoardLink } from '../../../shared/model/schema';
import { diffMaps } from './persistentMap';
import type { ItemView } from './useBoardData';

/**
 * Connectors by item id, kept in step with the board instead of rebuilt per commit: the
 * connector list (which changes seldom) is re-indexed when it changes, and the perspective →
 * problem connectors (drawn for every perspective card) follow the item map's diff, so a
 * moved card costs O(1) here (issue 19).
 */
export class LinkIndex {
  private links: readonly BoardLink[] = [];
  private items: ReadonlyMap<string, ItemView> = new Map();
  private readonly explicit = new Map<string, BoardLink[]>();
  /** Perspective id → its problem's id. */
  private readonly problemOf = new Map<string, string>();
  /** Problem id → the perspectives on it. */
  private readonly perspectivesOn = new Map<string, Set<string>>();

  sync(links: readonly BoardLink[], items: ReadonlyMap<string, ItemView>): void {
    if (links !== this.links) {
      this.explicit.clear();
      const add = (id: string, l: BoardLink) => {
        const list = this.explicit.get(id);
        if (list) list.push(l);
        else this.explicit.set(id, [l]);
      };
      for (const l of links) {
        add(l.from, l);
        add(l.to, l);
      }
      this.links = links;
    }
    if (items !== this.items) {
      diffMaps(this.items, items, (id, it) => {
        const problem = it && !('damaged' in it) && it.kind === 'perspective' ? it.problemId : undefined;
        const was = this.problemOf.get(id);
        if (was === problem) return;
        if (was !== undefined) {
          this.problemOf.delete(id);
          const set = this.perspectivesOn.get(was);
          set?.delete(id);
          if (set?.size === 0) this.perspectivesOn.delete(was);
        }
        if (problem !== undefined) {
          this.problemOf.set(id, problem);
          let set = this.perspectivesOn.get(problem);
          if (!set) this.perspectivesOn.set(problem, (set = new Set()));
          set.add(id);
        }
      });
      this.items = items;
    }
  }

  /** The connectors with an end among `ids` (each once); every connector when `ids` is undefined. */
  around(ids: Iterable<string> | undefined): BoardLink[] {
    const seen = new Map<string, BoardLink>();
    const perspective = (p: string, problem: string) => {
      const id = `p-${p}`;
      if (!seen.has(id)) seen.set(id, { id, kind: 'perspective-on', from: p, to: problem, label: '' });
    };
    if (ids === undefined) {
      for (const l of this.links) seen.set(l.id, l);
      for (const [p, problem] of this.problemOf) perspective(p, problem);
      return [...seen.values()];
    }
    for (const id of ids) {
      for (const l of this.explicit.get(id) ?? []) seen.set(l.id, l);
      const problem = this.problemOf.get(id);
      if (problem !== undefined) perspective(id, problem);
      for (const p of this.perspectivesOn.get(id) ?? []) perspective(p, id);
    }
    return [...seen.values()];
  }
}
