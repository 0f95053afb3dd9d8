import { createHash } from 'node:crypto';

/**
 * A deleted board must not come back when a tab that still has it open
 * reconnects and pushes its copy. We remember only a salted hash of the id:
 * no content, no readable id.
 */
export function erasureMark(boardId: string): string {
  return createHash('sha256').update(`samskab-erased:${boardId}`).digest('hex');
}

export class BoardErasedError extends Error {
  override name = 'BoardErasedError';
  constructor(boardId: string) {
    super(`board ${boardId.slice(0, 4)}… was deleted`);
  }
}
