import { DEFAULT_PHASE_IDS } from '../cocreation/agenda';
import { buildPhaseBoard } from './layout';
import type { BoardTemplate, PhaseBoardSpec } from './types';

/** The manifesto's example of citizens, local associations and municipal staff renovating the local marina. */
const SPEC: PhaseBoardSpec = {
  title: { da: 'Renovering af lystbådehavnen', en: 'Renovating the marina' },
  problem: {
    role: 'citizen',
    text: {
      da: 'Lystbådehavnen er slidt: broerne skal udskiftes, og havnen bruges næsten kun af bådejerne.\nVision: en havn, der er et attraktivt rekreativt område for hele byen.',
      en: 'The marina is worn down: the jetties need replacing, and hardly anyone but boat owners uses it.\nVision: a harbour that is an attractive place for the whole town to spend time.',
    },
  },
  perspectives: [
    {
      role: 'citizen',
      text: {
        da: 'Jeg går tur her hver dag, men der er ingen bænke, intet toilet og ingen grund til at blive.',
        en: 'I walk here every day, but there are no benches, no toilet and no reason to stay.',
      },
    },
    {
      role: 'volunteer-association',
      text: {
        da: 'Vi har 40 frivillige, der kan bygge og vedligeholde – hvis vi får lov og får materialer.',
        en: 'We have 40 volunteers who can build and maintain – if we are allowed to and get materials.',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Broerne skal hæves på grund af højere vandstand, og budgettet dækker kun det mest nødvendige.',
        en: 'The jetties must be raised for higher sea levels, and the budget covers only the essentials.',
      },
    },
    {
      role: 'business',
      text: {
        da: 'Flere gæster året rundt ville gøre det muligt for os at holde åbent om vinteren.',
        en: 'More visitors all year round would let us stay open in winter.',
      },
    },
    {
      role: 'citizen',
      text: {
        da: 'Vi unge mangler et sted at være om sommeren – fx at bade eller fiske fra broen.',
        en: 'Young people need somewhere to be in summer – to swim or fish from the jetty, say.',
      },
    },
  ],
  ideas: [
    {
      role: 'volunteer-association',
      text: {
        da: 'Frivillige byggedage, hvor kommunen leverer materialer, og foreningerne leverer hænderne.',
        en: 'Volunteer building days: the municipality supplies materials, the associations supply hands.',
      },
    },
    {
      role: 'citizen',
      text: {
        da: 'Havnebad og bænke langs molen, så alle har en grund til at komme.',
        en: 'A harbour bath and benches along the pier, so everyone has a reason to come.',
      },
    },
    {
      role: 'business',
      buildsOn: 1,
      text: {
        da: 'Caféen passer toiletterne og får til gengæld lov at stille borde ud på kajen.',
        en: 'The café looks after the toilets and in return may put tables out on the quay.',
      },
    },
  ],
  areas: {
    goals: [
      { da: 'Kort sigt: Hvad kan vi nå før næste sejlsæson?', en: 'Short term: What can we do before next sailing season?' },
      { da: 'Lang sigt: Hvem skal bruge havnen om ti år?', en: 'Long term: Who should use the harbour in ten years?' },
    ],
    design: [{ da: 'Tegn havnen: hvad skal ligge hvor, og hvem bruger det?', en: 'Draw the harbour: what goes where, and who uses it?' }],
    plan: [{ da: 'Hvem bidrager med hvad – penge, hænder, tilladelser – og hvornår?', en: 'Who contributes what – money, hands, permits – and when?' }],
    evaluate: [
      { da: 'Hvordan ved vi, at havnen er blevet et sted for hele byen?', en: 'How will we know the harbour has become a place for the whole town?' },
      { da: 'Hvordan fejrer og deler vi det, der lykkes?', en: 'How do we celebrate and share what works?' },
    ],
  },
};

export const MARINA: BoardTemplate = {
  id: 'marina',
  name: { da: 'Renovering af lystbådehavn', en: 'Marina renovation' },
  description: {
    da: 'Borgere, foreninger og kommunens medarbejdere gør havnen til et rekreativt område for hele byen.',
    en: 'Citizens, associations and municipal staff turn the harbour into a place for the whole town.',
  },
  title: SPEC.title,
  phases: DEFAULT_PHASE_IDS.length,
  build: (doc, lang, now) => buildPhaseBoard(doc, SPEC, lang, now),
};
