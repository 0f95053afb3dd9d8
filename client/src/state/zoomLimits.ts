/** Zoom limits, apart from the UI store so that pure geometry can use them without the store. */
// Low enough to fit a 50,000-card board (about 95,000 board px across) into a laptop screen (issue 19).
export const MIN_ZOOM = 0.005;
export const MAX_ZOOM = 4;
