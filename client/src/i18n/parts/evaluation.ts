/** UI texts for the evaluation feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const EVALUATION_STRINGS = {
  da: {
    evalButton: 'Evaluering',
  },
  en: {
    evalButton: 'Evaluation',
  },
} as const;
