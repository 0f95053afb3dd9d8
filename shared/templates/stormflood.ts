import type * as Y from 'yjs';
import { DEFAULT_PHASE_IDS } from '../cocreation/agenda';
import { buildPhaseBoard } from './layout';
import type { BoardTemplate, PhaseBoardSpec, TemplateLang } from './types';

/**
 * The manifesto's case of residents, police and the municipal emergency
 * service planning storm-flood readiness together ("et fælles
 * stormflodsberedskab"). It is also the example board: it has sample ideas, not
 * only prompts, so a new user sees what a board in use looks like.
 */
const SPEC: PhaseBoardSpec = {
  title: { da: 'Fælles stormflodsberedskab', en: 'Shared storm-flood readiness' },
  problem: {
    role: 'citizen',
    text: {
      da: 'Når stormfloden kommer, ved beboerne på havnesiden ikke, hvem der gør hvad – og de ældre bliver glemt.\nHvordan laver vi et fælles stormflodsberedskab?',
      en: 'When the storm surge comes, residents on the harbour side do not know who does what – and older people are forgotten.\nHow do we build a shared storm-flood readiness plan?',
    },
  },
  perspectives: [
    {
      role: 'citizen',
      text: {
        da: 'Vi bor her og kan se vandet stige før nogen myndighed. Vi vil gerne hjælpe, men ved ikke hvordan.',
        en: 'We live here and see the water rise before any authority does. We want to help but do not know how.',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Beredskabet har sandsække og pumper, men for få hænder de første timer.',
        en: 'The emergency service has sandbags and pumps, but too few hands in the first hours.',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Politiet skal kunne evakuere hurtigt og vide, hvem der har brug for hjælp.',
        en: 'The police must be able to evacuate quickly and know who needs help.',
      },
    },
    {
      role: 'volunteer-association',
      text: {
        da: 'Vi har både, folk og et klubhus højt oppe, som kan bruges som samlingssted.',
        en: 'We have boats, people and a clubhouse on high ground that can be a meeting point.',
      },
    },
  ],
  ideas: [
    {
      role: 'citizen',
      text: {
        da: 'Gadevogtere: én frivillig pr. gade, der kender naboerne og banker på ved varsel.',
        en: 'Street wardens: one volunteer per street who knows the neighbours and knocks on doors at a warning.',
      },
    },
    {
      role: 'public-employee',
      buildsOn: 0,
      text: {
        da: 'Fælles sms-varsling fra beredskabet til gadevogterne.',
        en: 'A shared text alert from the emergency service to the street wardens.',
      },
    },
    {
      role: 'volunteer-association',
      text: {
        da: 'Klubhuset som varmestue og samlingssted, med nøgle hos tre gadevogtere.',
        en: 'The clubhouse as a warm shelter and meeting point, with keys held by three street wardens.',
      },
    },
    {
      role: 'business',
      text: {
        da: 'Depot med sandsække i hvert kvarter, sponsoreret og fyldt op hvert efterår.',
        en: 'A sandbag depot in each neighbourhood, sponsored and refilled every autumn.',
      },
    },
  ],
  areas: {
    goals: [
      { da: 'Kort sigt: Hvad skal være på plads før næste stormsæson?', en: 'Short term: What must be in place before the next storm season?' },
      { da: 'Lang sigt: Hvordan ser et trygt kvarter ud om fem år?', en: 'Long term: What does a safe neighbourhood look like in five years?' },
    ],
    design: [{ da: 'Når varslet kommer: hvem gør hvad, time for time?', en: 'When the warning comes: who does what, hour by hour?' }],
    plan: [{ da: 'Hvem tager ansvar for hvad – og hvornår øver vi sammen?', en: 'Who takes on what – and when do we rehearse together?' }],
    evaluate: [
      { da: 'Hvad vil vi forandre – og hvordan ved vi, at det er lykkedes?', en: 'What do we want to change – and how will we know it worked?' },
      { da: 'Hvordan samler vi gode og dårlige erfaringer op, så alle har en stemme?', en: 'How do we collect good and bad experiences so that everyone has a voice?' },
    ],
  },
};

export function buildStormFloodBoard(doc: Y.Doc, lang: TemplateLang, now = Date.now()): void {
  buildPhaseBoard(doc, SPEC, lang, now);
}

export const STORMFLOOD: BoardTemplate = {
  id: 'stormflood',
  name: { da: 'Stormflodsberedskab', en: 'Storm-flood readiness' },
  description: {
    da: 'Beboere, politi og beredskab planlægger sammen, hvem der gør hvad, når vandet stiger.',
    en: 'Residents, police and the emergency service plan together who does what when the water rises.',
  },
  title: SPEC.title,
  phases: DEFAULT_PHASE_IDS.length,
  build: buildStormFloodBoard,
};
