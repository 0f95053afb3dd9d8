/** UI texts for the value feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const VALUE_STRINGS = {
  da: {
    valueButton: 'Værdi',
  },
  en: {
    valueButton: 'Value',
  },
} as const;
