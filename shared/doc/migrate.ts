import type * as Y from 'yjs';
import { META_KEY, SCHEMA_VERSION } from '../model/schema';

/**
 * The hook for the first non-additive change to the board document. Every
 * change so far was additive (new root maps, new item kinds, new optional
 * fields: docs/data-model.md), so the list is empty; a change that renames or
 * restructures adds one entry here and raises SCHEMA_VERSION. The server runs
 * due migrations when it loads a board (server/sync/room.ts), and the result
 * is stored and sent to everyone like any other edit.
 */
export interface Migration {
  /** The schema version this migration brings a board to; it runs on boards below it. */
  to: number;
  /** What it changes (for the log and the docs). */
  what: string;
  /**
   * Must be safe to run twice at once: in scale-out mode two instances can
   * load the same board together, and Yjs merges both runs.
   */
  run(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [];

/** A schema version and the migrations that lead to it. */
export interface BoardSchema {
  version: number;
  migrations: readonly Migration[];
}

export const CURRENT_SCHEMA: BoardSchema = { version: SCHEMA_VERSION, migrations: MIGRATIONS };

/** Transaction origin of a migration (stored and relayed like any edit). */
export const MIGRATE_ORIGIN = { migrate: true };

export interface MigrateResult {
  from: number;
  to: number;
  /** `what` of each migration that ran, in order. */
  ran: string[];
  /** The board was written by newer code than this: nothing was changed. */
  newer: boolean;
}

/** The board's schema version; a board without one predates versioning (1). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = doc.getMap(META_KEY).get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Runs the migrations due for this board, in order, in one transaction, and records the new version. */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): MigrateResult {
  const from = schemaVersionOf(doc);
  if (from > target) return { from, to: from, ran: [], newer: true };
  const due = migrations.filter((m) => m.to > from && m.to <= target).sort((a, b) => a.to - b.to);
  const last = due[due.length - 1];
  if (!last) return { from, to: from, ran: [], newer: false };
  doc.transact(() => {
    for (const m of due) m.run(doc);
    doc.getMap(META_KEY).set('schemaVersion', last.to);
  }, MIGRATE_ORIGIN);
  return { from, to: last.to, ran: due.map((m) => m.what), newer: false };
}
