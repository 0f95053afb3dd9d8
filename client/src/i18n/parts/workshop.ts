/** UI texts for template starter content, card placement and the build-on connector (issue 13). Keys must not clash with other parts. */
export const WORKSHOP_STRINGS = {
  da: {
    starterByline: 'Eksempel fra skabelonen',
    starterHint: 'Et eksempel fra skabelonen. Det tæller ikke som nogens bidrag; skriv det om, så bliver det jeres.',
    lensExamples: 'Eksempler fra skabelonen – de tæller ikke som et perspektiv',
    buildOn: 'Bygger videre på …',
    buildOnHint: 'Vælg den idé, som denne bygger videre på. Esc fortryder.',
    buildOnCancel: 'Fortryd',
    buildOnDone: 'Forbundet: bygger videre på',
    buildOnNotIdea: 'Vælg en idé – ikke et problem, et perspektiv eller en ramme.',
    linkBuildsOnLabel: 'bygger videre på',
  },
  en: {
    starterByline: 'Example from the template',
    starterHint: 'An example from the template. It counts as no one’s contribution; rewrite it and it becomes yours.',
    lensExamples: 'Examples from the template – not counted as a perspective',
    buildOn: 'Builds on …',
    buildOnHint: 'Choose the idea this one builds on. Esc cancels.',
    buildOnCancel: 'Cancel',
    buildOnDone: 'Connected: builds on',
    buildOnNotIdea: 'Choose an idea – not a problem, a perspective or a frame.',
    linkBuildsOnLabel: 'builds on',
  },
} as const;
