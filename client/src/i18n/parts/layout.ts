/** UI texts for the board layout (side panel dock, collapsible participant sidebar), merged into STRINGS. Keys must not clash with other parts. */
export const LAYOUT_STRINGS = {
  da: {
    sidebarHide: 'Fold sammen',
    sidebarShow: 'Fold ud',
    sidebarHideHint: 'Skjul listen over deltagere, så tavlen får pladsen',
    sidebarShowHint: 'Vis listen over deltagere',
  },
  en: {
    sidebarHide: 'Collapse',
    sidebarShow: 'Expand',
    sidebarHideHint: 'Hide the list of participants to give the board the room',
    sidebarShowHint: 'Show the list of participants',
  },
} as const;
