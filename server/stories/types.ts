/**
 * Published stories (issue 16): one row per public link. A board has at most
 * one live story (withdrawn_at null); publishing again updates it in place
 * (same link), and publishing after a withdrawal makes a new link, so a
 * withdrawn link keeps answering 410 Gone. A withdrawal empties the content:
 * nothing the group took back is kept.
 */
export interface StoryRecord {
  /** The public link's secret: /story/<token>. */
  token: string;
  boardId: string;
  lang: 'da' | 'en';
  names: boolean;
  /** The story's content model as JSON (shared/export/story.ts); '' once withdrawn. */
  content: string;
  publishedAt: number;
  updatedAt: number;
  withdrawnAt: number | null;
}

export interface StoryInput {
  boardId: string;
  lang: 'da' | 'en';
  names: boolean;
  content: string;
  now: number;
  /** Used when the board has no live story; otherwise the live one keeps its token. */
  newToken: string;
}

/** Like the other stores, methods may answer synchronously (SQLite) or with a promise (PostgreSQL). */
export interface StoryStore {
  /** Inserts the board's live story or updates it; returns the row as stored. */
  publish(input: StoryInput): Promise<StoryRecord> | StoryRecord;
  byToken(token: string): Promise<StoryRecord | null> | StoryRecord | null;
  /** The board's live story, or else its latest withdrawn one; null when it never had one. */
  latest(boardId: string): Promise<StoryRecord | null> | StoryRecord | null;
  /** Withdraws the live story; false when there was none. */
  withdraw(boardId: string, now: number): Promise<boolean> | boolean;
  /** Erasure: every story of the board, withdrawn ones too. */
  deleteBoard(boardId: string): Promise<void> | void;
  close(): Promise<void> | void;
}
