/**
 * Origin of this person's own edits. Every model write from the canvas passes
 * it, and the canvas undo manager tracks only this origin, so Ctrl+Z never
 * reverts a co-participant's change (their edits arrive with the provider as origin).
 */
export const LOCAL_ORIGIN = { local: true };
