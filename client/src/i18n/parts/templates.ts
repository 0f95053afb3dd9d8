/** UI texts for the templates feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const TEMPLATES_STRINGS = {
  da: {},
  en: {},
} as const;
