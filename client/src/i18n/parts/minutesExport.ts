/** UI texts for the minutes and the action plan's files in the outcomes dialog (issue 16), merged into STRINGS. */
export const MINUTES_EXPORT_STRINGS = {
  da: {
    exportMinutesTitle: 'Referat og handlingsplan',
    exportMinutesIntro: 'Referatet rangerer idéerne efter den seneste afslørede afstemning og tager beslutninger og handlingsplan med.',
    exportBoardFiles: 'Tavlens indhold',
    export_docx: 'Referat (Word)',
    export_html: 'Referat til udskrift (ny fane)',
    'export_actions.csv': 'Handlingsplan (CSV)',
    export_ics: 'Kalender med frister (iCalendar)',
    exportPrintBlocked: 'Browseren åbnede ikke en ny fane; referatet til udskrift er hentet som fil i stedet.',
  },
  en: {
    exportMinutesTitle: 'Minutes and action plan',
    exportMinutesIntro: 'The minutes rank the ideas by the latest revealed vote and include the decisions and the action plan.',
    exportBoardFiles: 'The board’s content',
    export_docx: 'Minutes (Word)',
    export_html: 'Minutes print view (new tab)',
    'export_actions.csv': 'Action plan (CSV)',
    export_ics: 'Calendar of due dates (iCalendar)',
    exportPrintBlocked: 'The browser did not open a new tab; the print view was downloaded as a file instead.',
  },
} as const;
