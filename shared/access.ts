/** Access vocabulary shared by server and client (docs/access.md). */
export type Mode = 'editor' | 'observer';

/** Why a request or upgrade was refused; the client shows a text per reason. */
export type DenyReason =
  | 'link-required'
  | 'link-invalid'
  | 'link-rotated'
  | 'passcode-required'
  | 'passcode-wrong'
  | 'too-many-attempts'
  | 'device-invalid'
  | 'board-unknown'
  | 'origin-not-allowed'
  | 'editor-only'
  | 'open-board';
