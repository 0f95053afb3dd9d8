/** UI texts for the templates feature (issue 4), merged into STRINGS. Keys must not clash with other parts. */
export const TEMPLATES_STRINGS = {
  da: {
    templatesLegend: 'Vælg en skabelon',
    templatesIntro: 'Skabelonerne har en ramme for hver fase – fra problemforståelse til evaluering – med et problem, perspektiver fra forskellige roller og spørgsmål at starte fra. Alt kan ændres.',
    templatesPhases_one: '{n} fase',
    templatesPhases_other: '{n} faser',
    templatesNoPhases: 'Ingen faser',
    templatesTitleHint: 'Lader du feltet stå tomt, hedder tavlen »{title}«.',
    templatesCreate: 'Opret tavle',
  },
  en: {
    templatesLegend: 'Choose a template',
    templatesIntro: 'The templates have a frame for each phase – from problem understanding to evaluation – with a problem, perspectives from different roles and questions to start from. Everything can be changed.',
    templatesPhases_one: '{n} phase',
    templatesPhases_other: '{n} phases',
    templatesNoPhases: 'No phases',
    templatesTitleHint: 'Leave it empty to call the board “{title}”.',
    templatesCreate: 'Create board',
  },
} as const;
