export { AccessGate } from './AccessGate';
export { AccessControls } from './SharePanel';
export { useAccessWatch, useBoardAccess, type BoardAccess } from './useBoardAccess';
export { ReadOnlyGuard, ViewOnlyBadge } from './ViewOnly';
