import type * as Y from 'yjs';
import { createItem, initBoard, linkItems } from '../model/board';
import type { RoleId } from '../roles';

/**
 * The example board a new user can open from the start page: the manifesto's
 * case of residents, police and the municipal emergency service planning
 * storm-flood readiness together ("et fælles stormflodsberedskab").
 */

type Text = { da: string; en: string };

interface ExampleCard {
  key: string;
  kind: 'problem' | 'perspective' | 'idea';
  role: RoleId;
  name: string;
  x: number;
  y: number;
  text: Text;
  problem?: string;
}

const CARDS: ExampleCard[] = [
  {
    key: 'p1', kind: 'problem', role: 'citizen', name: 'Hanne', x: 0, y: 0,
    text: {
      da: 'Når stormfloden kommer, ved beboerne på havnesiden ikke, hvem der gør hvad – og de ældre bliver glemt.\nHvordan laver vi et fælles stormflodsberedskab?',
      en: 'When the storm surge comes, residents on the harbour side do not know who does what – and older people are forgotten.\nHow do we build a shared storm-flood readiness plan?',
    },
  },
  {
    key: 'v1', kind: 'perspective', role: 'citizen', name: 'Hanne', x: -440, y: 300, problem: 'p1',
    text: {
      da: 'Vi bor her og kan se vandet stige før nogen myndighed. Vi vil gerne hjælpe, men ved ikke hvordan.',
      en: 'We live here and see the water rise before any authority does. We want to help but do not know how.',
    },
  },
  {
    key: 'v2', kind: 'perspective', role: 'public-employee', name: 'Jonas (Beredskab)', x: -160, y: 300, problem: 'p1',
    text: {
      da: 'Beredskabet har sandsække og pumper, men for få hænder de første timer.',
      en: 'The emergency service has sandbags and pumps, but too few hands in the first hours.',
    },
  },
  {
    key: 'v3', kind: 'perspective', role: 'public-employee', name: 'Mette (Politi)', x: 120, y: 300, problem: 'p1',
    text: {
      da: 'Politiet skal kunne evakuere hurtigt og vide, hvem der har brug for hjælp.',
      en: 'The police must be able to evacuate quickly and know who needs help.',
    },
  },
  {
    key: 'v4', kind: 'perspective', role: 'volunteer-association', name: 'Sejlklubben', x: 400, y: 300, problem: 'p1',
    text: {
      da: 'Vi har både, folk og et klubhus højt oppe, som kan bruges som samlingssted.',
      en: 'We have boats, people and a clubhouse on high ground that can be a meeting point.',
    },
  },
  {
    key: 'i1', kind: 'idea', role: 'citizen', name: 'Ali', x: 720, y: -140,
    text: {
      da: 'Gadevogtere: én frivillig pr. gade, der kender naboerne og banker på ved varsel.',
      en: 'Street wardens: one volunteer per street who knows the neighbours and knocks on doors at a warning.',
    },
  },
  {
    key: 'i2', kind: 'idea', role: 'public-employee', name: 'Jonas (Beredskab)', x: 980, y: -140,
    text: {
      da: 'Fælles sms-varsling fra beredskabet til gadevogterne.',
      en: 'A shared text alert from the emergency service to the street wardens.',
    },
  },
  {
    key: 'i3', kind: 'idea', role: 'volunteer-association', name: 'Sejlklubben', x: 720, y: 60,
    text: {
      da: 'Klubhuset som varmestue og samlingssted, med nøgle hos tre gadevogtere.',
      en: 'The clubhouse as a warm shelter and meeting point, with keys held by three street wardens.',
    },
  },
  {
    key: 'i4', kind: 'idea', role: 'business', name: 'Byggemarkedet', x: 720, y: 260,
    text: {
      da: 'Depot med sandsække i hvert kvarter, sponsoreret og fyldt op hvert efterår.',
      en: 'A sandbag depot in each neighbourhood, sponsored and refilled every autumn.',
    },
  },
];

const LINKS: Array<{ kind: 'addresses' | 'builds-on'; from: string; to: string }> = [
  { kind: 'addresses', from: 'i1', to: 'p1' },
  { kind: 'addresses', from: 'i3', to: 'p1' },
  { kind: 'addresses', from: 'i4', to: 'p1' },
  { kind: 'builds-on', from: 'i2', to: 'i1' },
];

export function buildStormFloodExample(doc: Y.Doc, lang: 'da' | 'en', now = Date.now()): void {
  initBoard(doc, lang === 'da' ? 'Eksempel: Fælles stormflodsberedskab' : 'Example: Shared storm-flood readiness', undefined, now);
  const ids = new Map<string, string>();
  for (const card of CARDS) {
    const problemId = card.problem ? ids.get(card.problem) : undefined;
    const id = createItem(doc, {
      kind: card.kind,
      x: card.x,
      y: card.y,
      author: { name: card.name, role: card.role },
      text: card.text[lang],
      ...(problemId ? { problemId } : {}),
      now,
    });
    ids.set(card.key, id);
  }
  for (const link of LINKS) {
    linkItems(doc, { kind: link.kind, from: ids.get(link.from) as string, to: ids.get(link.to) as string });
  }
}
