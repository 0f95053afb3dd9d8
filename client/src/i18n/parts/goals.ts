/** UI texts for the goals feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const GOALS_STRINGS = {
  da: {
    goalsButton: 'Mål og forventninger',
  },
  en: {
    goalsButton: 'Goals and expectations',
  },
} as const;
