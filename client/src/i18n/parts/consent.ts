/** UI texts for who counts in consent and for a shared device (issue 17), merged into STRINGS. Keys must not clash with other parts. */
export const CONSENT_STRINGS = {
  da: {
    consentWhoCounts: 'Hvem tæller med?',
    consentRuleLong:
      'Samtykke tæller de redigerende deltagere, der er aktive. Faner uden aktivitet i 3 minutter (skjult) eller 10 minutter, observatører og projektorvisning tæller ikke.',
    consentStatus_counted: 'tæller med',
    consentStatus_idle: 'inaktiv, tæller ikke',
    consentStatus_away: 'væk, tæller ikke',
    consentStatus_observer: 'ser med, tæller ikke',
    consentStatus_presenter: 'projektorvisning, tæller ikke',
    consentMarkAway: 'Markér som væk',
    consentBack: 'Jeg er her igen',
    consentNobody: 'Ingen er til stede endnu.',
    newPerson: 'Ny person på denne enhed',
    newPersonQuestion:
      'Start som en ny person på denne enhed? Det, du har lavet, bliver på tavlen, men enheden glemmer, at det var dit: den næste person får sit eget navn, sin egen rolle, sine egne prikker, vurderinger og mål.',
    newPersonConfirm: 'Ja, start som ny person',
    newPersonCancel: 'Fortryd',
  },
  en: {
    consentWhoCounts: 'Who counts?',
    consentRuleLong:
      'Consent counts the editing participants who are active. Tabs without activity for 3 minutes (hidden) or 10 minutes, observers and the projector view do not count.',
    consentStatus_counted: 'counted',
    consentStatus_idle: 'idle, not counted',
    consentStatus_away: 'away, not counted',
    consentStatus_observer: 'observing, not counted',
    consentStatus_presenter: 'projector view, not counted',
    consentMarkAway: 'Mark as away',
    consentBack: "I'm back",
    consentNobody: 'Nobody is here yet.',
    newPerson: 'New person on this device',
    newPersonQuestion:
      'Start as a new person on this device? What you made stays on the board, but this device forgets it was yours: the next person gets their own name, role, dots, ratings and goals.',
    newPersonConfirm: 'Yes, start as a new person',
    newPersonCancel: 'Cancel',
  },
} as const;
