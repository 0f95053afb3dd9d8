import { DEFAULT_PHASE_IDS } from '../cocreation/agenda';
import { buildPhaseBoard } from './layout';
import type { BoardTemplate, PhaseBoardSpec } from './types';

/** The manifesto's example of neighbours with green fingers forming an association to look after a park with the municipal gardeners. */
const SPEC: PhaseBoardSpec = {
  title: { da: 'Vores lokale park', en: 'Our local park' },
  problem: {
    role: 'citizen',
    text: {
      da: 'Parken ved Skolevej er forsømt: bedene er groet til, legepladsen er lukket, og mange føler sig utrygge der om aftenen.\nHvordan kan beboerne og kommunens gartnere sammen passe og forny parken?',
      en: 'The park by Skolevej is neglected: the beds are overgrown, the playground is closed, and many feel unsafe there in the evening.\nHow can residents and the municipal gardeners look after and renew the park together?',
    },
  },
  perspectives: [
    {
      role: 'citizen',
      text: {
        da: 'Vi er en flok naboer med grønne fingre, der gerne vil passe bedene – men hvem har ansvaret, hvis noget går galt?',
        en: 'We are a group of neighbours with green fingers who want to tend the beds – but who is responsible if something goes wrong?',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Vi er to gartnere til 30 grønne områder. Frivillige er velkomne, men vi skal kunne planlægge med dem.',
        en: 'We are two gardeners for 30 green spaces. Volunteers are welcome, but we need to be able to plan with them.',
      },
    },
    {
      role: 'service-user',
      text: {
        da: 'Børnehaven bruger parken hver dag. Vi ønsker os en legeplads, der er åben og sikker.',
        en: 'The kindergarten uses the park every day. We want a playground that is open and safe.',
      },
    },
    {
      role: 'business',
      text: {
        da: 'Vi kan give planter og råd, hvis vi må fortælle, at vi er med.',
        en: 'We can give plants and advice if we may say that we are part of it.',
      },
    },
  ],
  ideas: [
    {
      role: 'citizen',
      text: {
        da: 'Parkens Venner: en forening med faste lugedage den første lørdag i hver måned.',
        en: 'Friends of the Park: an association with weeding days on the first Saturday of every month.',
      },
    },
    {
      role: 'public-employee',
      buildsOn: 0,
      text: {
        da: 'En fælles kalender og et redskabsskur, som foreningen har nøgle til.',
        en: 'A shared calendar and a tool shed the association has keys to.',
      },
    },
    {
      role: 'service-user',
      text: {
        da: 'Lys langs stierne og en naturlegeplads, som børn og forældre bygger sammen.',
        en: 'Lights along the paths and a nature playground that children and parents build together.',
      },
    },
  ],
  areas: {
    goals: [
      { da: 'Kort sigt: Hvad skal vi kunne se i parken til sommer?', en: 'Short term: What should we be able to see in the park by summer?' },
      { da: 'Lang sigt: Hvem passer parken om fem år, og hvordan deler vi ansvaret?', en: 'Long term: Who looks after the park in five years, and how do we share the responsibility?' },
    ],
    design: [{ da: 'Hvilke opgaver tager foreningen, og hvilke tager kommunen?', en: 'Which tasks does the association take on, and which does the municipality?' }],
    plan: [{ da: 'Første sæson: hvem gør hvad, og hvornår?', en: 'First season: who does what, and when?' }],
    evaluate: [
      { da: 'Hvad vil vi forandre – og hvordan ved vi, at det er lykkedes?', en: 'What do we want to change – and how will we know it worked?' },
      { da: 'Hvordan bruger vi det, vi lærer undervejs?', en: 'How do we use what we learn along the way?' },
    ],
  },
};

export const PARK: BoardTemplate = {
  id: 'park',
  name: { da: 'Lokal park', en: 'Local park' },
  description: {
    da: 'Naboer med grønne fingre og kommunens gartnere passer og fornyer parken sammen.',
    en: 'Neighbours with green fingers and the municipal gardeners look after and renew the park together.',
  },
  title: SPEC.title,
  phases: DEFAULT_PHASE_IDS.length,
  build: (doc, lang, now) => buildPhaseBoard(doc, SPEC, lang, now),
};
