import { createHash } from 'node:crypto';
import { CloseCode } from '../../shared/protocol';
import { BoardRefusedError } from '../sync/admission';

/**
 * A deleted board must not come back when a tab that still has it open
 * reconnects and pushes its copy. We remember only a salted hash of the id:
 * no content, no readable id.
 */
export function erasureMark(boardId: string): string {
  return createHash('sha256').update(`samskab-erased:${boardId}`).digest('hex');
}

/** Refuses a deleted board with the close code that tells the client it is gone for good. */
export class BoardErasedError extends BoardRefusedError {
  override name = 'BoardErasedError';
  constructor(boardId: string) {
    super(`board ${boardId.slice(0, 4)}… was deleted`, CloseCode.BoardDeleted);
  }
}

/** Refuses a board in the trash: the client shows the trash notice and can recover it (docs/api.md). */
export class BoardTrashedError extends BoardRefusedError {
  override name = 'BoardTrashedError';
  constructor(boardId: string) {
    super(`board ${boardId.slice(0, 4)}… is in the trash`, CloseCode.BoardTrashed);
  }
}
