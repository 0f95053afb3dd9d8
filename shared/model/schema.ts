import type * as Y from 'yjs';
import type { RoleId } from '../roles';

/**
 * Layout of a board's Y.Doc (documented in docs/data-model.md):
 *   meta:  Y.Map  — title, schemaVersion, createdAt
 *   items: Y.Map<id, Y.Map> — one nested map per item, so concurrent edits of
 *          different fields (a move and a text edit) merge instead of overwriting
 *   links: Y.Map<id, Y.Map> — typed connections between items
 */
export const SCHEMA_VERSION = 1;

export const META_KEY = 'meta';
export const ITEMS_KEY = 'items';
export const LINKS_KEY = 'links';

/** `frame` (a named area grouping the items inside it) was added after version 1 shipped; see docs/data-model.md. */
export const ITEM_KINDS = ['problem', 'perspective', 'idea', 'frame'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const LINK_KINDS = ['addresses', 'builds-on', 'perspective-on'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Canvas bounds keep remote junk (1e308, NaN) from breaking layout. */
export const COORD_LIMIT = 10_000_000;
export const MIN_SIZE = 40;
export const MAX_SIZE = 4_000;
export const MAX_NAME_LENGTH = 80;
export const MAX_TITLE_LENGTH = 200;
export const MAX_LABEL_LENGTH = 200;
export const MAX_ROLE_TEXT_LENGTH = 60;
/** Stacking order bounds (additive field `z`; missing means 0). */
export const Z_LIMIT = 1_000_000_000;

/** Sticky-note colours (additive field `color`; missing or unknown means the role colour). */
export const CARD_COLORS = ['yellow', 'pink', 'green', 'blue', 'orange', 'purple'] as const;
export type CardColor = (typeof CARD_COLORS)[number];

export const DEFAULT_SIZE: Record<ItemKind, { w: number; h: number }> = {
  problem: { w: 320, h: 200 },
  perspective: { w: 260, h: 180 },
  idea: { w: 220, h: 160 },
  frame: { w: 800, h: 560 },
};

export interface Author {
  name: string;
  role: RoleId;
  /** Free text for the role "other" (the manifesto's "andet (fritekst)"). */
  roleText?: string;
}

export interface ItemBase {
  id: string;
  kind: ItemKind;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The actor role of the person who created it (colours the card). */
  role: RoleId;
  authorName: string;
  /** Free-text role when `role` is "other"; '' otherwise. */
  roleText: string;
  createdAt: number;
  updatedAt: number;
  body: Y.XmlFragment;
  /** Stacking order: higher is drawn on top. 0 when absent (boards from before this field). */
  z: number;
  /** Sticky-note colour, or '' for the role colour. */
  color: CardColor | '';
  /**
   * Starter content a board template put there (additive field `template`;
   * absent means false). It has no author, counts for no role and no person,
   * and is labelled as an example; a participant who rewrites it adopts it.
   */
  template: boolean;
}

export interface ProblemItem extends ItemBase {
  kind: 'problem';
}

export interface PerspectiveItem extends ItemBase {
  kind: 'perspective';
  /** The problem this perspective looks at; may point to a deleted problem. */
  problemId: string;
}

export interface IdeaItem extends ItemBase {
  kind: 'idea';
}

/** A named area (its name is the body text); moving it moves the items inside it. */
export interface FrameItem extends ItemBase {
  kind: 'frame';
}

export type BoardItem = ProblemItem | PerspectiveItem | IdeaItem | FrameItem;

/** An item whose stored fields failed validation; rendered as a "damaged card". */
export interface DamagedItem {
  id: string;
  damaged: true;
  /** Best-effort position so the damaged card shows where the item was. */
  x: number;
  y: number;
  problems: string[];
}

export interface BoardLink {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  label: string;
}

export interface BoardMeta {
  title: string;
  schemaVersion: number;
  createdAt: number;
}
