import { DEFAULT_PHASE_IDS } from '../cocreation/agenda';
import { buildPhaseBoard } from './layout';
import type { BoardTemplate, PhaseBoardSpec } from './types';

/** The manifesto's first example: 10 young people and 5 politicians develop a new youth policy and carry it out. */
const SPEC: PhaseBoardSpec = {
  title: { da: 'Ny ungepolitik – skabt sammen med de unge', en: 'A new youth policy – made together with young people' },
  problem: {
    role: 'citizen',
    text: {
      da: 'Mange unge i kommunen oplever, at politik bliver lavet om dem, ikke med dem.\nHvordan udvikler 10 unge og 5 politikere sammen en ny ungepolitik – og gennemfører den i praksis?',
      en: 'Many young people in the municipality feel that policy is made about them, not with them.\nHow can 10 young people and 5 politicians develop a new youth policy together – and put it into practice?',
    },
  },
  perspectives: [
    {
      role: 'citizen',
      text: {
        da: 'Jeg går på HF og arbejder ved siden af. Møder kl. 16 på rådhuset kan jeg ikke nå.',
        en: 'I am at upper secondary school and work on the side. I cannot make 4 pm meetings at the town hall.',
      },
    },
    {
      role: 'citizen',
      text: {
        da: 'Jeg droppede ud af gymnasiet. Unge som mig bliver sjældent spurgt, men vi ved, hvor systemet svigter.',
        en: 'I dropped out of upper secondary. Young people like me are rarely asked, but we know where the system fails.',
      },
    },
    {
      role: 'politician',
      text: {
        da: 'Vi vil gerne lytte, men vi skal også kunne forklare prioriteringerne for hele byrådet og holde budgettet.',
        en: 'We want to listen, but we also have to explain the priorities to the whole council and keep to the budget.',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Vi møder de unge hver dag og ved, hvilke tilbud de faktisk bruger – og hvilke der står tomme.',
        en: 'We meet young people every day and know which services they actually use – and which stand empty.',
      },
    },
  ],
  ideas: [
    {
      role: 'citizen',
      text: {
        da: 'Et ungepanel med sin egen pulje, der selv beslutter, hvad 200.000 kr. om året skal bruges til.',
        en: 'A youth panel with its own fund that decides for itself how to spend DKK 200,000 a year.',
      },
    },
    {
      role: 'politician',
      text: {
        da: 'Et byrådsmøde to gange om året, hvor de unge sætter dagsordenen.',
        en: 'A council meeting twice a year where young people set the agenda.',
      },
    },
    {
      role: 'citizen',
      buildsOn: 0,
      text: {
        da: 'Panelet mødes der, hvor de unge er: i klubben og online, efter kl. 17.',
        en: 'The panel meets where young people are: at the youth club and online, after 5 pm.',
      },
    },
  ],
  areas: {
    goals: [
      { da: 'Kort sigt: Hvad skal unge kunne mærke inden for et år?', en: 'Short term: What should young people notice within a year?' },
      { da: 'Lang sigt: Hvordan er kommunen at være ung i om ti år?', en: 'Long term: What is it like to be young here in ten years?' },
    ],
    design: [{ da: 'Hvordan skal ungepolitikken virke i hverdagen – for unge og politikere?', en: 'How will the youth policy work day to day – for young people and politicians?' }],
    plan: [{ da: 'Hvem gør hvad – og hvordan beholder de unge ejerskabet, når politikken er vedtaget?', en: 'Who does what – and how do young people keep ownership once the policy is adopted?' }],
    evaluate: [
      { da: 'Hvordan ved vi, at flere unge er med – også dem, der ikke plejer?', en: 'How do we know more young people take part – including those who usually do not?' },
      { da: 'Hvordan måler vi, så det føles som læring og ikke som kontrol?', en: 'How do we measure so that it feels like learning, not control?' },
    ],
  },
};

export const YOUTH_POLICY: BoardTemplate = {
  id: 'youth-policy',
  name: { da: 'Ungepolitik', en: 'Youth policy' },
  description: {
    da: 'Unge og politikere udvikler sammen en ny ungepolitik og gennemfører den i praksis.',
    en: 'Young people and politicians develop a new youth policy together and put it into practice.',
  },
  title: SPEC.title,
  phases: DEFAULT_PHASE_IDS.length,
  build: (doc, lang, now) => buildPhaseBoard(doc, SPEC, lang, now),
};
