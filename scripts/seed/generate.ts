import * as Y from 'yjs';
import { createItem, linkItems } from '../../shared/model/board';
import { DEFAULT_SIZE, type ItemKind } from '../../shared/model/schema';
import { mulberry32 } from '../../shared/prng';
import type { RoleId } from '../../shared/roles';

/**
 * Generates realistic co-creation boards: problem statements, role
 * perspectives on them and idea cards linked to the problems they address and
 * to the ideas they build on, with Danish text from the phrase lists below.
 *
 * Everything is drawn from a seeded PRNG, so the same (count, seed) gives the
 * same texts, roles, links and layout. `planBoard` is pure (no Y.Doc);
 * `generateBoard` writes a plan into a doc (items through the board model's
 * createItem, links see writeLink) in batched transactions, so 10,000 cards
 * are 50 updates on the wire, not 10,000.
 */

// ---------------------------------------------------------------------------
// Phrase lists
// ---------------------------------------------------------------------------

export interface Topic {
  key: string;
  /** Problem statements; `{by}` is replaced by a town name. */
  problems: readonly string[];
  /** "How might we …" questions that follow a problem statement. */
  questions: readonly string[];
  /** What each actor sees; only the roles that fit the case are listed. */
  perspectives: Partial<Record<RoleId, readonly string[]>>;
  ideas: readonly string[];
  /** Affiliations shown after a name, e.g. "Jonas (Beredskab)". */
  affiliations: Partial<Record<RoleId, readonly string[]>>;
}

export const TOWNS: readonly string[] = [
  'Esbjerg', 'Køge', 'Holstebro', 'Svendborg', 'Frederikshavn', 'Vejle', 'Nakskov', 'Thisted',
  'Ribe', 'Skive', 'Haderslev', 'Næstved', 'Randers', 'Nyborg', 'Aabenraa', 'Hjørring',
  'Kalundborg', 'Silkeborg', 'Faaborg', 'Lemvig', 'Grenaa', 'Korsør', 'Tønder', 'Rønne',
];

export const FIRST_NAMES: readonly string[] = [
  'Hanne', 'Jonas', 'Mette', 'Ali', 'Sofie', 'Lars', 'Fatima', 'Mikkel', 'Karen', 'Emil',
  'Ida', 'Peter', 'Amalie', 'Søren', 'Leila', 'Niels', 'Freja', 'Morten', 'Birgitte', 'Oliver',
  'Aisha', 'Henrik', 'Laura', 'Jens', 'Maja', 'Kasper', 'Inger', 'Tobias', 'Yasmin', 'Poul',
  'Clara', 'Anders', 'Nanna', 'Rasmus', 'Grethe', 'Mathias', 'Zainab', 'Bo', 'Signe', 'Frederik',
];

export const TOPICS: readonly Topic[] = [
  {
    key: 'ungdomspolitik',
    problems: [
      'Unge i {by} føler ikke, at byrådet lytter til dem – kun få stemmer ved kommunalvalget.',
      'Ungdomspolitikken i {by} er skrevet af voksne og siger ikke meget om det, de unge selv går op i.',
      'Der er ingen steder i {by}, hvor unge mellem 15 og 20 kan mødes uden at skulle købe noget.',
      'De unge flytter fra {by}, når de er færdige med gymnasiet, og få kommer tilbage.',
      'Ungdomsrådet i {by} har svært ved at finde medlemmer uden for gymnasiet.',
    ],
    questions: [
      'Hvordan laver vi en ungdomspolitik sammen med de unge – ikke bare til dem?',
      'Hvordan får de unge reel indflydelse på, hvad pengene bruges til?',
      'Hvordan gør vi det nemt og sjovt at være med, også for dem der ikke plejer at melde sig?',
      'Hvad skal der til, for at de unge vil blive – eller komme tilbage?',
    ],
    perspectives: {
      politician: [
        'Vi vil gerne høre de unge, men møderne kl. 17 på rådhuset passer ikke ind i deres hverdag.',
        'Jeg skal kunne forklare borgerne, hvorfor pengene går til ungdomsinitiativer frem for andet.',
      ],
      citizen: [
        'Som ung får man at vide, at man kan være med, men beslutningerne er allerede truffet.',
        'Vi vil hellere lave noget konkret end at sidde i et råd og skrive høringssvar.',
        'Jeg går på erhvervsskole og har aldrig hørt om ungdomsrådet.',
      ],
      'public-employee': [
        'SSP ser de samme unge hver aften ved stationen – de mangler et sted at være.',
        'Klubberne har lokaler, men de står tomme efter kl. 21, hvor de unge faktisk er ude.',
      ],
      'volunteer-association': [
        'Foreningerne kan stille trænere og lokaler til rådighed, hvis nogen koordinerer.',
        'Vi mister de unge i 14-årsalderen, når de stopper til fodbold.',
      ],
      researcher: [
        'Forskningen viser, at unge deltager mere, når de kan se et resultat inden for få måneder.',
      ],
      business: [
        'Vi mangler lærlinge og vil gerne møde de unge, før de flytter til de store byer.',
      ],
    },
    ideas: [
      'En ungepulje på 200.000 kr., som de unge selv fordeler.',
      'Byrådsmøde i ungdomsklubben én gang om året, hvor de unge sætter dagsordenen.',
      'Et værested i den gamle banegårdsbygning, drevet af de unge selv.',
      'Ungepanel på Instagram, hvor politikerne svarer inden for en uge.',
      'Mentorordning, hvor lokale virksomheder tager unge med en dag på arbejde.',
      'Gratis buskort om aftenen, så de unge fra landsbyerne kan komme ind til byen.',
      'Festival planlagt af unge med støtte fra kulturforvaltningen.',
      'Skatepark og mødested, som de unge selv er med til at tegne.',
      'Ungdomsrådet får fast taletid i alle udvalg, når sager handler om unge.',
      'Sommerjob i kommunens parker for unge, der ellers ikke har et fritidsjob.',
    ],
    affiliations: {
      politician: ['Byrådet', 'Børne- og ungeudvalget'],
      'public-manager': ['Kultur og fritid'],
      'public-employee': ['SSP', 'Ungdomsklubben', 'UU-vejleder'],
      citizen: ['Ungdomsrådet'],
      'volunteer-association': ['Idrætsforeningen', 'Spejderne'],
      business: ['Tømrerfirmaet', 'Lokalbanken'],
      researcher: ['Roskilde Universitet', 'VIVE'],
    },
  },
  {
    key: 'lystbaadehavn',
    problems: [
      'Lystbådehavnen i {by} forfalder: broerne er rådne, og toiletbygningen er lukket.',
      'Havnen i {by} bruges kun af bådejere – resten af byen føler sig ikke velkommen.',
      'Kommunen har ikke råd til at renovere havnen alene, og sejlklubben kan ikke løfte det.',
      'Der er konflikt om, hvorvidt havnen skal have flere bådpladser eller mere plads til ophold.',
      'Havnens værft lukker om to år, og ingen ved, hvad bygningerne skal bruges til.',
    ],
    questions: [
      'Hvordan renoverer vi havnen, så den bliver et sted for hele byen?',
      'Hvordan deler vi udgifterne og arbejdet mellem kommune, foreninger og erhverv?',
      'Hvem skal drive havnen i fremtiden, og hvordan træffer vi beslutninger sammen?',
      'Hvordan sikrer vi, at renoveringen tåler højere vandstand?',
    ],
    perspectives: {
      'volunteer-association': [
        'Sejlklubben har 40 frivillige, der gerne vil bygge, men vi mangler materialer og en plan.',
        'Vi er bange for, at en stor renovering gør bådpladserne for dyre for almindelige medlemmer.',
      ],
      citizen: [
        'Jeg går tur ved havnen hver dag, men der er ingen bænke og intet læ.',
        'Børnene vil gerne fiske fra molen, men den er spærret af, fordi den er usikker.',
      ],
      'public-manager': [
        'Anlægsbudgettet er lagt for fire år; havnen er ikke med, medmindre vi finder medfinansiering.',
        'Vi skal have en driftsmodel, før vi kan investere – ellers forfalder det igen.',
      ],
      business: [
        'Caféen kunne have åbent hele året, hvis der kom flere mennesker forbi uden for sæsonen.',
        'Værftet kan lave arbejdet billigere, hvis vi får ordren i vinterhalvåret.',
      ],
      'interest-organisation': [
        'Friluftslivet skal have adgang til vandet – også for kajakker og vinterbadere.',
      ],
      'social-enterprise': [
        'Vi kan ansætte folk på kanten af arbejdsmarkedet til at vedligeholde broerne.',
      ],
    },
    ideas: [
      'Havnefællesskab: en forening med kommune, sejlklub, erhverv og borgere i bestyrelsen.',
      'Frivillige arbejdsweekender, hvor kommunen betaler materialer og klubben leverer hænder.',
      'Vinterbadeklub og sauna i den gamle toiletbygning.',
      'Trappe ned til vandet og bænke i læ, så havnen bliver byens opholdssted.',
      'Fonde søges i fællesskab – én ansøgning i stedet for tre konkurrerende.',
      'Værftets hal bliver værksted for unge, der vil lære bådebyggeri.',
      'Broerne hæves 40 cm, så de kan tåle stormflod de næste 50 år.',
      'Havnedag hvert forår, hvor alle kan prøve at sejle.',
      'Differentierede bådpladspriser, så pensionister og unge fortsat har råd.',
      'Kajakhotel og shelters, så friluftslivet får en fast plads.',
    ],
    affiliations: {
      politician: ['Byrådet', 'Teknik og miljø'],
      'public-manager': ['Teknik og miljø', 'Havnekontoret'],
      'volunteer-association': ['Sejlklubben', 'Kajakklubben'],
      business: ['Havnens Værft', 'Havnecaféen'],
      'interest-organisation': ['Friluftsrådet', 'Dansk Sejlunion'],
      'social-enterprise': ['Genbrugsværkstedet'],
    },
  },
  {
    key: 'stormflod',
    problems: [
      'Når stormfloden kommer, ved beboerne på havnesiden i {by} ikke, hvem der gør hvad.',
      'Ældre og gangbesværede i {by} bliver glemt, når der skal evakueres.',
      'Sandsækkene i {by} ligger ét sted, og vejen dertil er den første, der bliver oversvømmet.',
      'Varslingen når ikke ud til dem, der ikke har en smartphone.',
      'Efter sidste stormflod i {by} var der vrede over, at hjælpen kom for sent.',
    ],
    questions: [
      'Hvordan laver vi et fælles stormflodsberedskab, hvor borgerne er med fra starten?',
      'Hvordan sikrer vi, at ingen bliver glemt, når vandet stiger?',
      'Hvordan bruger vi naboernes viden om, hvor vandet kommer først?',
      'Hvordan øver vi beredskabet, så alle ved, hvad de skal gøre?',
    ],
    perspectives: {
      citizen: [
        'Vi bor her og kan se vandet stige før nogen myndighed. Vi vil gerne hjælpe.',
        'Min mor på 88 bor alene i stueetagen; hvem banker på hos hende?',
      ],
      'public-employee': [
        'Beredskabet har sandsække og pumper, men for få hænder de første timer.',
        'Politiet skal kunne evakuere hurtigt og vide, hvem der har brug for hjælp.',
        'Hjemmeplejen kender de svageste borgere, men må ikke uden videre dele listerne.',
      ],
      'volunteer-association': [
        'Vi har både, folk og et klubhus højt oppe, som kan bruges som samlingssted.',
        'Grundejerforeningen har en telefonkæde, der virker – vi bruger den allerede til snerydning.',
      ],
      business: [
        'Byggemarkedet kan levere sandsække og presenninger med to timers varsel.',
      ],
      researcher: [
        'Klimamodellerne viser, at en 100-årshændelse kan komme hvert 20. år omkring 2050.',
      ],
      politician: [
        'Vi skal prioritere mellem diger og beredskab – begge dele har vi ikke råd til på én gang.',
      ],
    },
    ideas: [
      'Gadevogtere: én frivillig pr. gade, der kender naboerne og banker på ved varsel.',
      'Fælles sms-varsling fra beredskabet til gadevogterne.',
      'Klubhuset som varmestue og samlingssted, med nøgle hos tre gadevogtere.',
      'Depot med sandsække i hvert kvarter, sponsoreret og fyldt op hvert efterår.',
      'Frivillig liste over borgere, der har brug for hjælp – de melder sig selv til.',
      'Årlig stormflodsøvelse med beredskab, politi og borgere.',
      'Kort over, hvor vandet kommer først, lavet af beboerne selv.',
      'Vandstandsmåler ved havnen med en lampe, alle kan se fra vejen.',
      'Aftale med vognmænd om at køre sandsække ud, før vejene lukker.',
      'Nabohjælp-pjece på papir til dem, der ikke bruger apps.',
    ],
    affiliations: {
      politician: ['Byrådet', 'Klimaudvalget'],
      'public-employee': ['Beredskab', 'Politi', 'Hjemmeplejen'],
      'volunteer-association': ['Sejlklubben', 'Grundejerforeningen'],
      business: ['Byggemarkedet'],
      researcher: ['DMI', 'Aalborg Universitet'],
    },
  },
  {
    key: 'park',
    problems: [
      'Den lokale park i {by} er mørk om aftenen, og mange undgår den.',
      'Parken bruges næsten kun af hundeluftere; børnefamilierne tager bilen til legepladsen i nabobyen.',
      'Der er konflikt mellem dem, der vil have vild natur, og dem, der vil have slået græs.',
      'Parkens legeplads er fra 1987 og bliver lukket ved næste sikkerhedsgennemgang.',
      'Beboerne i boligområdet ved parken i {by} føler ikke, at parken er deres.',
    ],
    questions: [
      'Hvordan gør vi parken til et sted, hvor alle har lyst til at være?',
      'Hvordan kan beboerne selv være med til at passe parken?',
      'Hvordan finder vi en balance mellem natur, leg og ophold?',
      'Hvordan bruger vi parken hele året – ikke kun om sommeren?',
    ],
    perspectives: {
      citizen: [
        'Jeg løber i parken om morgenen, men aldrig efter mørkets frembrud.',
        'Vores børn vil gerne lege i parken, men der er ingen toiletter.',
      ],
      'public-employee': [
        'Parkafdelingen har to mand til 14 grønne områder; vi kan kun nå det mest nødvendige.',
        'Vi må ikke lade græsset gro vildt uden en politisk beslutning.',
      ],
      'service-user': [
        'Jeg kører kørestol, og grusstierne gør parken utilgængelig for mig.',
      ],
      'volunteer-association': [
        'Spejderne vil gerne have et bålsted og en shelter i parken.',
        'Haveforeningen har frø og erfaring og kan starte en fælleshave.',
      ],
      'social-enterprise': [
        'Vi kan drive en lille kaffebod i parken med ansatte i fleksjob.',
      ],
      researcher: [
        'Biodiversiteten stiger markant, hvis bare en tredjedel af græsplænerne bliver slået sjældnere.',
      ],
    },
    ideas: [
      'Fælleshave, hvor beboerne dyrker grøntsager side om side.',
      'Lys langs hovedstien med sensorer, så det kun tænder, når nogen går der.',
      'Vild eng på halvdelen af plænen og slået græs til leg på resten.',
      'Ny legeplads designet sammen med børnene fra den lokale skole.',
      'Parkens venner: en forening, der har en fast aftale med parkafdelingen.',
      'Bålsted og shelter, som spejderne passer på.',
      'Fast belægning på hovedstien, så kørestole og barnevogne kan komme rundt.',
      'Kaffebod drevet af en socialøkonomisk virksomhed.',
      'Vinterlys-festival i december med lanterner lavet af beboerne.',
      'Udendørs fitness og bænke med ryglæn til de ældre.',
    ],
    affiliations: {
      'public-employee': ['Parkafdelingen'],
      'volunteer-association': ['Spejderne', 'Haveforeningen'],
      'social-enterprise': ['Grønne Hænder', 'Café Fællesskab'],
      researcher: ['Københavns Universitet'],
    },
  },
  {
    key: 'frafald',
    problems: [
      'Hver femte elev på erhvervsskolen i {by} falder fra inden for det første år.',
      'Unge, der falder fra uddannelse i {by}, mister kontakten til både skole og kommune.',
      'Eleverne fortæller, at de mangler en voksen, der ved, hvad de går igennem.',
      'Praktikpladserne i {by} går til de elever, der i forvejen klarer sig godt.',
      'Mentorordningen i {by} har lange ventelister og for få mentorer.',
    ],
    questions: [
      'Hvordan bygger vi en mentorordning, der holder de unge fast i uddannelse?',
      'Hvordan finder vi mentorer, der ligner de unge og kan forstå dem?',
      'Hvordan opdager vi frafaldstruede elever, før de er væk?',
      'Hvordan får skole, kommune og virksomheder til at arbejde sammen om den enkelte elev?',
    ],
    perspectives: {
      citizen: [
        'Jeg faldt selv fra to gange; det, der hjalp, var en voksen, der ringede, når jeg ikke kom.',
        'Det er pinligt at bede om hjælp, når alle andre ser ud til at klare det.',
      ],
      'service-user': [
        'Som forælder får jeg først besked, når min søn allerede har været væk i tre uger.',
      ],
      'public-employee': [
        'UU-vejlederne har 150 unge hver; vi kan ikke være mentorer for dem alle.',
        'Lærerne ser tegnene, men ved ikke, hvem de skal give besked.',
      ],
      business: [
        'Vi vil gerne tage elever i praktik, men vi har ikke tid til at følge dem tæt.',
        'Vores svende kunne være mentorer, hvis det kunne ligge i arbejdstiden.',
      ],
      'volunteer-association': [
        'Vi har frivillige lektiecaféer, men de unge over 16 kommer ikke.',
      ],
      researcher: [
        'Mentorordninger virker bedst, når mentoren er frivillig og relationen varer mindst et år.',
      ],
    },
    ideas: [
      'Mentorer blandt tidligere elever, der selv har været tæt på at falde fra.',
      'Fast kontaktperson, der ringer samme dag, hvis en elev udebliver.',
      'Praktikvirksomheder får tid til mentorarbejde betalt af kommunen.',
      'Fællesmorgenmad på skolen, så eleverne har en grund til at komme.',
      'Lektiecafé om aftenen for elever over 16, drevet af frivillige.',
      'Et fælles overblik, som eleven selv styrer, over hvem der hjælper med hvad.',
      'Ugentlig gåtur med mentoren i stedet for samtaler på et kontor.',
      'Forældrenetværk, hvor forældre til elever på erhvervsskolen mødes.',
      'Prøvepraktik på én dag, så eleven kan mærke faget, før de vælger.',
      'Mentoruddannelse på to aftener for svende og frivillige.',
    ],
    affiliations: {
      'public-employee': ['UU-vejleder', 'Erhvervsskolen'],
      business: ['Tømrerfirmaet', 'VVS-firmaet', 'Autoværkstedet'],
      'volunteer-association': ['Lektiecaféen', 'Røde Kors'],
      researcher: ['VIVE', 'Professionshøjskolen'],
    },
  },
  {
    key: 'ensomhed',
    problems: [
      'Mange ældre i {by} sidder alene det meste af dagen, især efter at have mistet en ægtefælle.',
      'Ældre i landsbyerne omkring {by} har svært ved at komme til aktiviteterne i byen.',
      'Aktivitetscentret i {by} tiltrækker de samme 30 borgere; de mest ensomme kommer ikke.',
      'Ensomme ældre siger ikke selv, at de er ensomme – det er skamfuldt.',
      'Hjemmeplejen har kun tid til praktiske opgaver, ikke til en snak.',
    ],
    questions: [
      'Hvordan opdager vi de ensomme ældre og rækker ud på en måde, der ikke stigmatiserer?',
      'Hvordan skaber vi fællesskaber, som de ældre selv har lyst til at være en del af?',
      'Hvordan kan unge og ældre få glæde af hinanden?',
      'Hvordan gør vi det let at komme hjemmefra, også uden bil?',
    ],
    perspectives: {
      'service-user': [
        'Min far siger, han har det fint, men han har ikke talt med nogen siden i tirsdags.',
        'Efter min kone døde, vidste jeg ikke, hvor jeg skulle gå hen.',
      ],
      'public-employee': [
        'Vi ser ensomheden hver dag i hjemmeplejen, men der er ikke afsat tid til den.',
        'Den forebyggende hjemmesamtale er et godt sted at spørge – hvis vi ved, hvad vi kan tilbyde.',
      ],
      'volunteer-association': [
        'Ældre Sagen har besøgsvenner, men venter på at få henvist ældre fra kommunen.',
        'Vi har frivillige chauffører, men ingen bil.',
      ],
      'public-manager': [
        'Vi skal vise, at indsatsen virker, før den kan komme på næste års budget.',
      ],
      'social-enterprise': [
        'Vores café kan lave fællesspisning to gange om ugen til kostpris.',
      ],
      citizen: [
        'Jeg er studerende og vil gerne bo billigt hos en ældre og hjælpe til i hverdagen.',
        'Jeg kender ikke naboen på 3. sal, selvom vi har boet her i ti år.',
      ],
    },
    ideas: [
      'Fællesspisning i forsamlingshuset, hvor man kan tage en ven med.',
      'Besøgsvenner, som hjemmeplejen kan henvise til med borgerens samtykke.',
      'Telefonkæde, hvor ældre ringer til hinanden hver morgen.',
      'Kommunens bus kører fra landsbyerne til aktivitetscentret to gange om ugen.',
      'Generationsbolig: studerende bor billigt mod at hjælpe en ældre nabo.',
      'Mandeklub i et værksted, hvor man reparerer ting i stedet for at tale om følelser.',
      'Gå-hold fra biblioteket hver onsdag, med kaffe bagefter.',
      'Postbuddet og købmanden får en enkel måde at sige til, hvis nogen ikke har været set.',
      'Skoleklasser adopterer et plejehjem og kommer på besøg hver måned.',
      'Kursus i videoopkald, så de ældre kan tale med børnebørnene.',
    ],
    affiliations: {
      'public-employee': ['Hjemmeplejen', 'Forebyggelsesteamet'],
      'public-manager': ['Ældreområdet'],
      'volunteer-association': ['Ældre Sagen', 'Røde Kors'],
      'social-enterprise': ['Café Fællesskab'],
    },
  },
];

/** Tails that make an idea more concrete; appended now and then. */
export const IDEA_TAILS: readonly string[] = [
  'Kan afprøves i et halvt år, før vi beslutter mere.',
  'Kræver en tovholder, men ikke nye penge.',
  'Kan starte allerede til foråret.',
  'Vi kan søge en lokal fond til opstarten.',
  'Skal evalueres sammen med brugerne efter et år.',
  'Prøves først i ét kvarter.',
  'Kommunen stiller lokaler, foreningerne står for driften.',
];

/** Lines for ideas that build on another idea, used when the idea text has a colon already. */
export const BUILD_ON_LINES: readonly string[] = [
  'Bygger videre på et tidligere forslag.',
  'En videreudvikling af idéen ved siden af.',
  'Kan kombineres med forslaget, den bygger på.',
];

/** Openings for ideas that build on another idea. */
export const BUILD_ON: readonly string[] = [
  'Videre på det:',
  'Kombineret med idéen ovenfor:',
  'Forslag til forbedring:',
  'En billigere udgave:',
  'Og så:',
  'Ja, og:',
];

/** Tails for perspectives of organisations: what they can bring. */
export const ORGANISATION_TAILS: readonly string[] = [
  'Vi kan bidrage med tid.',
  'Vi har lokaler, der kan bruges.',
  'Vi vil gerne være med fra starten, ikke kun høres til sidst.',
  'Det vigtigste for os er, at det bliver til noget konkret.',
  'Vi har brug for en fast kontaktperson.',
  'Vi kan hjælpe med at nå dem, der ikke plejer at deltage.',
];

/** Tails for perspectives of citizens and service users. */
export const PERSONAL_TAILS: readonly string[] = [
  'Jeg vil gerne være med til at finde en løsning.',
  'Det vigtigste for mig er, at det bliver til noget konkret.',
  'Jeg vil gerne være med fra starten, ikke kun høres til sidst.',
  'Jeg kender flere, der har det på samme måde.',
];

const TAILS_BY_ROLE: Partial<Record<RoleId, readonly string[]>> = {
  citizen: PERSONAL_TAILS,
  'service-user': PERSONAL_TAILS,
  'volunteer-association': ORGANISATION_TAILS,
  'interest-organisation': ORGANISATION_TAILS,
  business: ORGANISATION_TAILS,
  'social-enterprise': ORGANISATION_TAILS,
};

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }
  shuffled<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Planning (pure)
// ---------------------------------------------------------------------------

export type SeedLinkKind = 'addresses' | 'builds-on';

export interface PlannedItem {
  kind: ItemKind;
  role: RoleId;
  authorName: string;
  /** Plain text, one paragraph per line. */
  text: string;
  x: number;
  y: number;
  /** Perspectives: index (in `BoardPlan.items`) of the problem they look at. */
  problem?: number;
  /** Links from this item to earlier items (indices in `BoardPlan.items`). */
  links: Array<{ kind: SeedLinkKind; to: number }>;
}

export interface BoardPlan {
  items: PlannedItem[];
  /** Number of problem clusters (a problem, its perspectives and ideas). */
  clusters: number;
  links: number;
  /** Bounding box of all planned cards. */
  bounds: { x: number; y: number; w: number; h: number };
}

export interface PlanOptions {
  /** Top-left corner of the generated area (default 0,0). */
  origin?: { x: number; y: number };
}

const MIN_PERSPECTIVES = 3;
const MAX_PERSPECTIVES = 5;
const MIN_IDEAS = 3;
const MAX_IDEAS = 8;
const IDEAS_PER_ROW = 5;
/** Space between cards inside a cluster, and between clusters. */
const GAP = 30;
const CLUSTER_GAP_X = 220;
const CLUSTER_GAP_Y = 260;

const P = DEFAULT_SIZE.problem;
const V = DEFAULT_SIZE.perspective;
const I = DEFAULT_SIZE.idea;
const rowWidth = (n: number, w: number) => n * w + Math.max(0, n - 1) * GAP;
const CLUSTER_W = Math.max(P.w, rowWidth(MAX_PERSPECTIVES, V.w), rowWidth(IDEAS_PER_ROW, I.w));
const PERSPECTIVE_Y = P.h + 2 * GAP;
const IDEA_Y = PERSPECTIVE_Y + V.h + 3 * GAP;
const IDEA_ROWS = Math.ceil(MAX_IDEAS / IDEAS_PER_ROW);
const CLUSTER_H = IDEA_Y + IDEA_ROWS * I.h + (IDEA_ROWS - 1) * GAP;

/** Roles that may state a problem (anyone can; these are the usual ones). */
const PROBLEM_ROLES: readonly RoleId[] = ['citizen', 'politician', 'public-employee', 'public-manager', 'volunteer-association', 'service-user'];

interface LocalItem extends Omit<PlannedItem, 'x' | 'y' | 'problem' | 'links'> {
  dx: number;
  dy: number;
  /** Cluster-local indices. */
  problem?: number;
  links: Array<{ kind: SeedLinkKind; to: number }>;
}

/** One cluster in local coordinates: problem on top, perspectives beneath, ideas below them. */
function planCluster(rng: Rng): LocalItem[] {
  const topic = rng.pick(TOPICS);
  const town = rng.pick(TOWNS);
  const people = new Map<RoleId, string>();
  const person = (role: RoleId) => {
    let name = people.get(role);
    if (name === undefined) {
      name = rng.pick(FIRST_NAMES);
      const aff = topic.affiliations[role];
      if (aff && rng.chance(0.6)) name += ` (${rng.pick(aff)})`;
      people.set(role, name);
    }
    return name;
  };
  const fill = (s: string) => s.replaceAll('{by}', town);
  const topicRoles = Object.keys(topic.perspectives) as RoleId[];
  const out: LocalItem[] = [];

  const problemRole = rng.pick(PROBLEM_ROLES);
  out.push({
    kind: 'problem',
    role: problemRole,
    authorName: person(problemRole),
    text: `${fill(rng.pick(topic.problems))}\n${rng.pick(topic.questions)}`,
    dx: (CLUSTER_W - P.w) / 2,
    dy: 0,
    links: [],
  });

  const nPersp = Math.min(rng.int(MIN_PERSPECTIVES, MAX_PERSPECTIVES), topicRoles.length);
  const perspRoles = rng.shuffled(topicRoles).slice(0, nPersp);
  const perspLeft = (CLUSTER_W - rowWidth(nPersp, V.w)) / 2;
  perspRoles.forEach((role, i) => {
    let text = fill(rng.pick(topic.perspectives[role] ?? []));
    const tails = TAILS_BY_ROLE[role];
    if (tails && rng.chance(0.5)) text += ` ${rng.pick(tails)}`;
    out.push({
      kind: 'perspective',
      role,
      authorName: person(role),
      text,
      dx: perspLeft + i * (V.w + GAP),
      dy: PERSPECTIVE_Y,
      problem: 0,
      links: [],
    });
  });

  const nIdeas = rng.int(MIN_IDEAS, MAX_IDEAS);
  const ideaTexts = rng.shuffled(topic.ideas);
  const ideaRoles: RoleId[] = [...new Set<RoleId>([...topicRoles, 'citizen'])];
  const ideaIndices: number[] = [];
  for (let j = 0; j < nIdeas; j++) {
    const role = rng.pick(ideaRoles);
    const links: LocalItem['links'] = [];
    let text = fill(ideaTexts[j % ideaTexts.length] as string);
    if (ideaIndices.length > 0 && rng.chance(0.35)) {
      links.push({ kind: 'builds-on', to: rng.pick(ideaIndices) });
      if (text.includes(':')) {
        text = `${text}\n${rng.pick(BUILD_ON_LINES)}`;
      } else {
        // Danish: after a colon a phrase (not a full sentence) goes on in lower case.
        text = `${rng.pick(BUILD_ON)} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
      }
      if (rng.chance(0.4)) links.push({ kind: 'addresses', to: 0 });
    } else {
      links.push({ kind: 'addresses', to: 0 });
    }
    if (rng.chance(0.35)) text += `\n${rng.pick(IDEA_TAILS)}`;
    const row = Math.floor(j / IDEAS_PER_ROW);
    const inRow = Math.min(IDEAS_PER_ROW, nIdeas - row * IDEAS_PER_ROW);
    const left = (CLUSTER_W - rowWidth(inRow, I.w)) / 2;
    ideaIndices.push(out.length);
    out.push({
      kind: 'idea',
      role,
      authorName: person(role),
      text,
      dx: left + (j % IDEAS_PER_ROW) * (I.w + GAP),
      dy: IDEA_Y + row * (I.h + GAP),
      links,
    });
  }
  return out;
}

/**
 * Plans `count` cards (exactly) from `seed`: clusters of one problem, 3–5
 * perspectives from different actor roles, and 3–8 ideas that address the
 * problem and sometimes build on an earlier idea. Clusters sit on a grid
 * (problems of a grid row on one line) that is roughly as tall as it is wide.
 */
export function planBoard(count: number, seed: number, opts: PlanOptions = {}): BoardPlan {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  const rng = new Rng(mulberry32(seed));
  const clusters: LocalItem[][] = [];
  let planned = 0;
  while (planned < count) {
    const cluster = planCluster(rng).slice(0, count - planned);
    clusters.push(cluster);
    planned += cluster.length;
  }
  const pitchX = CLUSTER_W + CLUSTER_GAP_X;
  const pitchY = CLUSTER_H + CLUSTER_GAP_Y;
  const cols = Math.max(1, Math.ceil(Math.sqrt((clusters.length * pitchY) / pitchX)));
  const ox = opts.origin?.x ?? 0;
  const oy = opts.origin?.y ?? 0;

  const items: PlannedItem[] = [];
  let links = 0;
  let maxX = ox;
  let maxY = oy;
  clusters.forEach((cluster, c) => {
    const base = items.length;
    const cx = ox + (c % cols) * pitchX;
    const cy = oy + Math.floor(c / cols) * pitchY;
    for (const it of cluster) {
      const planned: PlannedItem = {
        kind: it.kind,
        role: it.role,
        authorName: it.authorName,
        text: it.text,
        x: cx + it.dx,
        y: cy + it.dy,
        links: it.links.map((l) => ({ kind: l.kind, to: base + l.to })),
      };
      if (it.problem !== undefined) planned.problem = base + it.problem;
      links += planned.links.length;
      const size = DEFAULT_SIZE[it.kind];
      maxX = Math.max(maxX, planned.x + size.w);
      maxY = Math.max(maxY, planned.y + size.h);
      items.push(planned);
    }
  });
  return { items, clusters: clusters.length, links, bounds: { x: ox, y: oy, w: maxX - ox, h: maxY - oy } };
}

// ---------------------------------------------------------------------------
// Writing into a doc
// ---------------------------------------------------------------------------

export interface GenerateOptions extends PlanOptions {
  count: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Items per doc.transact (default 200); links go in the batch of the item they start from. */
  batchSize?: number;
  /** createdAt of the last card; earlier cards are one second apart before it, never below 0 (default Date.now()). */
  now?: number;
  /** Transaction origin passed to the model API. */
  transactionOrigin?: unknown;
  /**
   * Draw item and link ids from the seed too (default false: fresh random
   * ids, so the same seed can be added to a board twice). With true, two docs
   * generated with the same options are identical apart from Yjs client ids.
   */
  seededIds?: boolean;
  /** Called after each committed batch with the number of items written so far. */
  onBatch?: (done: number, total: number) => void;
}

export interface GenerateResult {
  /** Ids of the created items, in creation order. */
  ids: string[];
  items: number;
  links: number;
  clusters: number;
  bounds: BoardPlan['bounds'];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Fills `doc` with `count` generated items. Items are created with the board
 * model's createItem and linkItems (validated like any user edit).
 */
export function generateBoard(doc: Y.Doc, opts: GenerateOptions): GenerateResult {
  const seed = opts.seed ?? 1;
  const batchSize = opts.batchSize ?? 200;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const plan = planBoard(opts.count, seed, opts.origin ? { origin: opts.origin } : {});
  const now = opts.now ?? Date.now();
  const idRng = new Rng(mulberry32((seed ^ 0x5eed1d5) >>> 0));
  const nextId = opts.seededIds
    ? () => Array.from({ length: 16 }, () => ID_ALPHABET[idRng.int(0, 63)]).join('')
    : () => undefined;
  const tOrigin = opts.transactionOrigin;
  const ids: string[] = [];
  const total = plan.items.length;

  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    // createItem/linkItems open their own transactions; nested in this one they
    // become part of it, so a batch is a single update on the wire.
    doc.transact(() => {
      for (let i = start; i < end; i++) {
        const p = plan.items[i] as PlannedItem;
        const id = createItem(
          doc,
          {
            kind: p.kind,
            x: p.x,
            y: p.y,
            author: { name: p.authorName, role: p.role },
            text: p.text,
            ...(p.problem !== undefined ? { problemId: ids[p.problem] as string } : {}),
            ...(opts.seededIds ? { id: nextId() as string } : {}),
            now: Math.max(0, now - (total - 1 - i) * 1000),
          },
          tOrigin,
        );
        ids.push(id);
        for (const l of p.links) {
          linkItems(doc, { kind: l.kind, from: id, to: ids[l.to] as string }, tOrigin);
        }
      }
    }, tOrigin);
    opts.onBatch?.(end, total);
  }
  return { ids, items: total, links: plan.links, clusters: plan.clusters, bounds: plan.bounds };
}
