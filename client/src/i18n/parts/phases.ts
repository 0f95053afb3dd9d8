/** UI texts for the phases feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const PHASES_STRINGS = {
  da: {},
  en: {},
} as const;
