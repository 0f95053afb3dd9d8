import { DEFAULT_PHASE_IDS } from '../cocreation/agenda';
import { buildPhaseBoard } from './layout';
import type { BoardTemplate, PhaseBoardSpec } from './types';

/** The manifesto's example of a local bank lending mentors to a technical college to reduce drop-out. */
const SPEC: PhaseBoardSpec = {
  title: { da: 'Mentorer mod frafald på erhvervsskolen', en: 'Mentors against drop-out at the technical college' },
  problem: {
    role: 'public-employee',
    text: {
      da: 'Hver fjerde elev på grundforløbet falder fra. Mange klarer faget fint, men ikke økonomien: regningerne hober sig op, og de tager mere arbejde.\nHvordan holder skolen, eleverne og lokale virksomheder sammen flere elever i uddannelse?',
      en: 'One in four students on the foundation course drops out. Many cope well with the trade, but not with money: bills pile up and they take on more work.\nHow can the college, the students and local businesses keep more students in education together?',
    },
  },
  perspectives: [
    {
      role: 'citizen',
      text: {
        da: 'Jeg flyttede hjemmefra sidste år. Ingen har lært mig at lave et budget, og sidst på måneden har jeg ikke råd til buskortet.',
        en: 'I moved out last year. Nobody taught me to make a budget, and at the end of the month I cannot afford the bus pass.',
      },
    },
    {
      role: 'business',
      text: {
        da: 'Vi har medarbejdere, der gerne vil være mentorer i arbejdstiden – vi har bare aldrig været inde på skolen.',
        en: 'We have staff who would like to be mentors in working hours – we have just never been inside the college.',
      },
    },
    {
      role: 'public-employee',
      text: {
        da: 'Jeg kan se, hvem der er ved at falde fra, men jeg har ikke tid til at følge dem hver uge.',
        en: 'I can see who is about to drop out, but I do not have time to follow them every week.',
      },
    },
    {
      role: 'service-user',
      text: {
        da: 'Min søn skammer sig over pengeproblemerne og siger det ikke til nogen.',
        en: 'My son is ashamed of his money troubles and does not tell anyone.',
      },
    },
  ],
  ideas: [
    {
      role: 'business',
      text: {
        da: 'Bankmentorer: én mentor pr. fem elever, en time hver anden uge, om budget, regninger og SU.',
        en: 'Bank mentors: one mentor per five students, an hour every other week, on budgets, bills and student grants.',
      },
    },
    {
      role: 'citizen',
      buildsOn: 0,
      text: {
        da: 'Også mentorer, der selv har været unge med stram økonomi – ikke kun bankfolk.',
        en: 'Also mentors who were young and hard up themselves – not only bankers.',
      },
    },
    {
      role: 'public-employee',
      buildsOn: 0,
      text: {
        da: 'Studievejlederen henviser diskret, så ingen bliver udstillet.',
        en: 'The counsellor refers students discreetly, so nobody is singled out.',
      },
    },
  ],
  areas: {
    goals: [
      { da: 'Kort sigt: Hvad skal en elev kunne efter et halvt år med en mentor?', en: 'Short term: What should a student be able to do after six months with a mentor?' },
      { da: 'Lang sigt: Hvor meget skal frafaldet falde – og hvad skal ellers blive bedre?', en: 'Long term: How much should drop-out fall – and what else should get better?' },
    ],
    design: [{ da: 'Hvordan ser et mentorforløb ud – fra første møde til afslutning?', en: 'What does a mentoring course look like – from the first meeting to the end?' }],
    plan: [{ da: 'Hvem gør hvad – skole, bank og elever – og hvornår starter vi?', en: 'Who does what – college, bank and students – and when do we start?' }],
    evaluate: [
      { da: 'Hvem måler vi for – eleverne, skolen eller banken?', en: 'Who are we measuring for – the students, the college or the bank?' },
      { da: 'Hvordan måler vi både i tal og i elevernes egne fortællinger?', en: 'How do we measure both in numbers and in the students’ own stories?' },
    ],
  },
};

export const DROPOUT: BoardTemplate = {
  id: 'dropout',
  name: { da: 'Mentorer mod frafald', en: 'Drop-out mentoring' },
  description: {
    da: 'En lokal bank og en erhvervsskole holder flere elever i uddannelse med mentorer i privatøkonomi.',
    en: 'A local bank and a technical college keep more students in education with personal-finance mentors.',
  },
  title: SPEC.title,
  phases: DEFAULT_PHASE_IDS.length,
  build: (doc, lang, now) => buildPhaseBoard(doc, SPEC, lang, now),
};
