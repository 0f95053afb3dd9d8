import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The one way Samskab's SQLite stores open their files, so they all take the
 * same care: WAL (readers never wait for the writer), a busy timeout (the
 * operator's `npm run erase` may hold the file for a moment), and
 * secure_delete (an erased board leaves no readable trace in the file).
 */
export interface SqliteOptions {
  synchronous?: 'NORMAL' | 'FULL';
}

export function openSqlite(dataDir: string, file: string, opts: SqliteOptions = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // Unset keeps SQLite's default (FULL): snapshots and ballots are written rarely.
  if (opts.synchronous) db.pragma(`synchronous = ${opts.synchronous}`);
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * A store's handle: the instance's shared one (server/backend.ts opens
 * DATA_DIR/samskab.sqlite once for the board updates and the access records,
 * and closes it once), or its own from a directory (tests, tools), which the
 * store closes.
 */
export interface StoreHandle {
  db: Database.Database;
  close(): void;
}

export function storeHandle(source: string | Database.Database, file: string, opts: SqliteOptions = {}): StoreHandle {
  if (typeof source !== 'string') return { db: source, close: () => undefined };
  const db = openSqlite(source, file, opts);
  return { db, close: () => db.close() };
}

/** Name of the main SQLite file in DATA_DIR: board updates and access records. */
export const MAIN_SQLITE_FILE = 'samskab.sqlite';
