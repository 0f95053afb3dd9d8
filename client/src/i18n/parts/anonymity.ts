/** UI texts for hidden names (issue 15): what hiding does, and what showing names again does and does not reveal. Keys must not clash with other parts. */
export const ANONYMITY_STRINGS = {
  da: {
    anonExplain:
      'Mens navne er skjult, gemmes de slet ikke på tavlen: kort, kommentarer, mål og forslag får kun skribentens rolle, de andre ser kun roller, og alle eksporter (referat, CSV, JSON, billeder, udskrift) viser kun roller. Dit navn bliver på din enhed.',
    anonReveal:
      'Slår I navne til igen, vises navnene på det, der blev skrevet før de blev skjult. Det, der blev skrevet, mens de var skjult, forbliver uden navn – det kan ikke afsløres.',
    cardLabelRole: '{kind} ({role})',
  },
  en: {
    anonExplain:
      'While names are hidden they are not stored on the board at all: cards, comments, goals and proposals carry only the writer’s role, the others see roles only, and every export (minutes, CSV, JSON, images, print) shows roles only. Your name stays on your device.',
    anonReveal:
      'Turning names back on shows the names on what was written before they were hidden. What was written while they were hidden stays without a name – it cannot be revealed.',
    cardLabelRole: '{kind} ({role})',
  },
} as const;
