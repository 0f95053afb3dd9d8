import { AccessCloseCode, AccessCloseReason } from '../../shared/protocol';
import type { Logger } from '../log';
import type { SlidingWindows } from '../limits/slidingWindow';
import { PasscodeLimiter } from './ratelimit';
import { hashPasscode, newToken, secretEquals, sha256Hex, verifyPasscode } from './secrets';
import type { AccessOptions } from '../accessOptions';
import type { AccessRecord, AccessStore, DenyReason, Mode } from './types';

export interface Credentials {
  /** The link secret (`k`), editor or observer token. */
  key: string | null;
  passcode: string | null;
  /** This browser's random device id (16–64 base64url characters), or null: passcode attempts are counted per device first. */
  device?: string | null;
}

/** A device id as the client makes it (client/src/state/deviceKey.ts). */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type Decision =
  | { ok: true; mode: Mode; record: AccessRecord | null }
  | { ok: false; status: number; reason: DenyReason; error: string; retryAfter?: number };

export interface Links {
  editor: string;
  observer: string;
}

/** How many rotated-away tokens are remembered to answer "link rotated" rather than "invalid link". */
const RETIRED_KEEP = 32;

export const MIN_PASSCODE = 4;
export const MAX_PASSCODE = 128;

export function linksOf(r: AccessRecord): Links {
  return {
    editor: `/b/${r.boardId}?k=${r.editorToken}`,
    observer: `/b/${r.boardId}?k=${r.observerToken}`,
  };
}

function deny(status: number, reason: DenyReason, error: string, retryAfter?: number): Decision {
  return { ok: false, status, reason, error, ...(retryAfter ? { retryAfter } : {}) };
}

interface Session {
  close(code: number, reason: string): void;
}

/**
 * The access rules of every board: link secrets, passcode, rate limit of wrong
 * passcodes, rotation, and the open websockets to disconnect on rotation.
 */
export class AccessService {
  private readonly limiter: PasscodeLimiter;
  private readonly sessions = new Map<string, Set<Session>>();
  /** Records seen recently (this process is the only writer); null = open board. */
  private readonly cache = new Map<string, AccessRecord | null>();

  constructor(
    private readonly store: AccessStore,
    readonly options: AccessOptions,
    private readonly log: Logger,
    /** Where wrong passcodes are counted: this process, or Redis shared by every instance. */
    windows: SlidingWindows,
    /** OPEN_BOARDS: whether an id without an access record is an open board (else it is unknown). */
    private readonly openBoards: boolean,
    /** Scale-out: cached records expire after this long (another instance may change them); 0 = forever. */
    private readonly cacheMs = 0,
  ) {
    this.limiter = new PasscodeLimiter(windows, {
      perDevice: options.passcodeAttempts,
      perAddress: options.passcodeAddressAttempts,
      windowMs: options.passcodeWindowMs,
    });
  }

  private readonly cachedAt = new Map<string, number>();

  async record(boardId: string): Promise<AccessRecord | null> {
    const fresh = this.cacheMs === 0 || Date.now() - (this.cachedAt.get(boardId) ?? 0) < this.cacheMs;
    if (this.cache.has(boardId) && fresh) return this.cache.get(boardId) ?? null;
    const r = await this.store.get(boardId);
    if (this.cache.size > 5000) {
      this.cache.clear();
      this.cachedAt.clear();
    }
    this.cache.set(boardId, r);
    this.cachedAt.set(boardId, Date.now());
    return r;
  }

  private async save(r: AccessRecord): Promise<void> {
    await this.store.put(r);
    this.cache.set(r.boardId, r);
    this.cachedAt.set(r.boardId, Date.now());
  }

  /** Scale-out: tells the other instances that a board's links were rotated (set by the server). */
  onRotated: ((boardId: string) => void) | null = null;

  /** Another instance rotated this board's links: forget the cached record, close local sessions. */
  rotatedElsewhere(boardId: string): void {
    this.cache.delete(boardId);
    this.cachedAt.delete(boardId);
    const open = this.sessions.get(boardId);
    this.sessions.delete(boardId);
    for (const s of open ?? []) s.close(AccessCloseCode.LinkRotated, AccessCloseReason[AccessCloseCode.LinkRotated]);
  }

  /** Board deletion: the record (links, passcode) is erased. */
  async forget(boardId: string): Promise<void> {
    await this.store.remove(boardId);
    this.cache.delete(boardId);
    this.cachedAt.delete(boardId);
  }

  /** Observers' presence is relayed only if the board allows it (read live, cached). */
  observerCursorsAllowed(boardId: string): boolean {
    return this.cache.get(boardId)?.observerCursors ?? false;
  }

  /** A fresh record for a new board (before the board is stored). */
  async create(boardId: string): Promise<AccessRecord> {
    const r: AccessRecord = {
      boardId,
      editorToken: newToken(),
      observerToken: newToken(),
      passcodeHash: null,
      observerCursors: false,
      retiredTokenHashes: [],
      updatedAt: Date.now(),
    };
    await this.save(r);
    return r;
  }

  /** The rules, in order: link secret, then rate limit, then passcode. */
  async check(boardId: string, creds: Credentials, ip: string): Promise<Decision> {
    const r = await this.record(boardId);
    // An open board (no record) is reached by its id, as an editor — only where open boards are on.
    if (r === null) {
      if (this.openBoards) return { ok: true, mode: 'editor', record: null };
      return deny(404, 'board-unknown', 'there is no board with this id; boards are made with POST /api/boards (or the start page)');
    }
    const key = creds.key ?? '';
    let mode: Mode;
    if (key === '') return deny(401, 'link-required', 'this board needs its link: add ?k=<key> from the link you were given');
    if (secretEquals(key, r.editorToken)) mode = 'editor';
    else if (secretEquals(key, r.observerToken)) mode = 'observer';
    else if (r.retiredTokenHashes.includes(sha256Hex(key))) {
      return deny(403, 'link-rotated', 'this link was replaced by a new one; ask someone on the board for the new link');
    } else return deny(403, 'link-invalid', 'this link is not valid for this board');

    if (r.passcodeHash !== null) {
      const device = creds.device ?? null;
      if (device !== null && !DEVICE_ID_PATTERN.test(device)) {
        return deny(400, 'device-invalid', 'the device id must be 16-64 characters of A-Z, a-z, 0-9, - and _');
      }
      const wait = await this.limiter.retryAfter(boardId, device, ip);
      if (wait > 0) return deny(429, 'too-many-attempts', `too many wrong passcodes; try again in ${wait} s`, wait);
      if (!creds.passcode) return deny(401, 'passcode-required', 'this board has a passcode');
      if (!(await verifyPasscode(creds.passcode, r.passcodeHash))) {
        await this.limiter.fail(boardId, device, ip);
        this.log.info({ board: boardId }, 'wrong passcode');
        return deny(401, 'passcode-wrong', 'wrong passcode');
      }
    }
    return { ok: true, mode, record: r };
  }

  /**
   * New editor and observer secrets. Every open connection of the board (all
   * of them came in with the old secrets, or by id on an open board) is closed
   * with "link rotated"; the old secrets are refused from now on.
   */
  async rotate(boardId: string): Promise<AccessRecord> {
    const old = await this.record(boardId);
    const retired = old ? [...old.retiredTokenHashes, sha256Hex(old.editorToken), sha256Hex(old.observerToken)] : [];
    const r: AccessRecord = {
      boardId,
      editorToken: newToken(),
      observerToken: newToken(),
      passcodeHash: old?.passcodeHash ?? null,
      observerCursors: old?.observerCursors ?? false,
      retiredTokenHashes: retired.slice(-RETIRED_KEEP),
      updatedAt: Date.now(),
    };
    await this.save(r);
    const open = this.sessions.get(boardId);
    this.sessions.delete(boardId);
    for (const s of open ?? []) s.close(AccessCloseCode.LinkRotated, AccessCloseReason[AccessCloseCode.LinkRotated]);
    this.log.info({ board: boardId, disconnected: open?.size ?? 0 }, 'links rotated');
    this.onRotated?.(boardId);
    return r;
  }

  /** Sets or clears the passcode and the observer-cursor option (editors only; checked by the caller). */
  async update(boardId: string, change: { passcode?: string | null; observerCursors?: boolean }): Promise<AccessRecord> {
    const old = await this.record(boardId);
    if (!old) throw new Error('open boards have no access record');
    const r: AccessRecord = { ...old, updatedAt: Date.now() };
    if (change.passcode !== undefined) r.passcodeHash = change.passcode === null ? null : await hashPasscode(change.passcode);
    if (change.observerCursors !== undefined) r.observerCursors = change.observerCursors;
    await this.save(r);
    return r;
  }

  /** Registers an open websocket of a board; call the returned function when it closes. */
  register(boardId: string, session: Session): () => void {
    let set = this.sessions.get(boardId);
    if (!set) this.sessions.set(boardId, (set = new Set()));
    set.add(session);
    return () => {
      const s = this.sessions.get(boardId);
      s?.delete(session);
      if (s?.size === 0) this.sessions.delete(boardId);
    };
  }

  close(): Promise<void> | void {
    return this.store.close();
  }
}
