import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { addAction } from '../../shared/cocreation/actions';
import { applyDecision, proposeDecision, setDecisionReady } from '../../shared/cocreation/decisions';
import { readRoundOf, setAnonymousNames } from '../../shared/cocreation/doc';
import type { Person } from '../../shared/cocreation/session';
import { logPresence } from '../../shared/cocreation/worklog';
import { createItem, linkItems } from '../../shared/model/board';
import { createProtectedBoard } from '../helpers/access';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * The minutes worth circulating and the action plan's files (issue 16),
 * against a real server: a board made through websockets and the vote API,
 * exported as Word, Markdown, a print view, iCalendar and CSV — live, from a
 * snapshot, and with names hidden.
 */
const ANN: Person = { key: 'p_minutes_ann_000000001', role: 'citizen', name: 'Kirstine Qvortrup', roleText: '' };
const BO: Person = { key: 'p_minutes_bo_0000000001', role: 'politician', name: 'Henrik Zahle', roleText: '' };
const NAMES = ['Kirstine', 'Qvortrup', 'Henrik', 'Zahle', 'Yasmin', 'Wexøe'];
const WORDING = 'Gratis bus for unge, på prøve; fra 1. marts';
const LONG_WHAT = 'Søg Vejdirektoratets pulje til kollektiv trafik, med budget; tidsplan og aftale med busselskabet om ruterne i Nordby';
/** The decision's own line in the Word file (its wording also names the source of actions). */
const DECISION_LINE = new RegExp(`^1\\. ${WORDING.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — besluttet `, 'm');
const voter = (n: number) => `minutes-voter-${String(n).padStart(8, '0')}`;

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a Word document, one line per paragraph, after checking that it is a valid OOXML package. */
async function docxText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
    const file = zip.file(part);
    expect(file, part).not.toBeNull();
    const xml = await (file as JSZip.JSZipObject).async('string');
    expect(XMLValidator.validate(xml), `${part} is well-formed XML`).toBe(true);
  }
  const types = await (zip.file('[Content_Types].xml') as JSZip.JSZipObject).async('string');
  expect(types).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  const rels = await (zip.file('_rels/.rels') as JSZip.JSZipObject).async('string');
  expect(rels).toMatch(/Target="\/?word\/document\.xml"/);
  const doc = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  return doc
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] as string)).join(''))
    .join('\n');
}

async function getBytes(srv: TestServer, path: string, key: string): Promise<{ status: number; type: string; bytes: ArrayBuffer }> {
  const res = await fetch(`${srv.httpUrl}${path}`, { headers: { 'X-Samskab-Key': key } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: await res.arrayBuffer() };
}

describe('minutes and action plan files', () => {
  const scope = useScope();

  /** A board with a problem, three ideas, a revealed vote (the second idea wins), a decision by consent and three actions. */
  async function workshop(srv: TestServer) {
    const board = await createProtectedBoard(srv, { title: 'Ungepolitik', lang: 'da' });
    const key = board.editorKey;
    const a = connectClient(scope, srv.wsUrl, board.id, { params: { k: key } });
    await a.waitSynced();
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    logPresence(a.doc, ANN, day, now);
    logPresence(a.doc, BO, day, now + 1);
    const p = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'Kirstine Qvortrup'), text: 'Unge kommer ikke til fritidstilbud' });
    createItem(a.doc, { kind: 'perspective', x: 0, y: 300, problemId: p, author: author('public-employee', 'Yasmin Wexøe'), text: 'Busserne kører for sjældent' });
    const first = createItem(a.doc, { kind: 'idea', x: 400, y: 0, author: author('citizen', 'Kirstine Qvortrup'), text: 'Ungeråd' });
    const top = createItem(a.doc, { kind: 'idea', x: 400, y: 200, author: author('politician', 'Henrik Zahle'), text: 'Gratis bus' });
    const none = createItem(a.doc, { kind: 'idea', x: 400, y: 400, author: author('business', 'Henrik Zahle'), text: 'Praktikpladser' });
    for (const i of [first, top, none]) linkItems(a.doc, { kind: 'addresses', from: i, to: p });
    await a.waitSaved();

    // A vote: the idea lower on the board gets the most dots; the third gets none.
    const base = `/api/boards/${board.id}/rounds`;
    const round = await api(srv, 'POST', base, { key, body: { dots: 3, equalWeight: false } });
    expect(round.status).toBe(201);
    const rid = round.json.id as string;
    const ballots: Array<[number, string, Record<string, number>]> = [
      [1, 'citizen', { [top]: 3 }],
      [2, 'citizen', { [top]: 2, [first]: 1 }],
      [3, 'politician', { [first]: 2, [top]: 1 }],
      [4, 'politician', { [top]: 3 }],
    ];
    for (const [n, role, votes] of ballots) expect((await api(srv, 'PUT', `${base}/${rid}/ballot`, { key, voter: voter(n), body: { role, votes } })).status).toBe(200);
    expect((await api(srv, 'POST', `${base}/${rid}/close`, { key })).status).toBe(200);
    expect((await api(srv, 'POST', `${base}/${rid}/reveal`, { key })).status).toBe(200);
    await waitFor(() => readRoundOf(a.doc)?.status === 'revealed', { message: 'the revealed round in the client doc' });

    // A decision by consent of both people present, and the plan that follows from it.
    const d = proposeDecision(a.doc, { wording: WORDING, ideas: [top] }, ANN, now + 10);
    setDecisionReady(a.doc, d, BO.key, true);
    expect(applyDecision(a.doc, d, [ANN, BO], now + 20)).toBe(true);
    addAction(a.doc, { source: { kind: 'decision', id: d }, what: LONG_WHAT, who: 'Kirstine Qvortrup', whoKind: 'person', due: '2026-03-01' }, 'citizen', now + 30);
    addAction(a.doc, { source: { kind: 'idea', id: first }, what: 'Nedsæt ungerådet', who: 'Kommunens ungeafdeling', whoKind: 'organisation', due: '2099-01-15', status: 'underway' }, 'politician', now + 40);
    addAction(a.doc, { source: { kind: 'decision', id: d }, what: '=Fortæl skolerne om det', who: 'Henrik Zahle', whoKind: 'person' }, 'politician', now + 50);
    await a.waitSaved();
    return { board, key, a, top, first };
  }

  it('Word, Markdown, iCalendar and CSV of a workshop; a snapshot’s Word file has the same decision', async () => {
    const srv = await startTestServer(scope);
    const { board, key, a, first } = await workshop(srv);
    const path = `/api/boards/${board.id}`;

    const docx = await getBytes(srv, `${path}/export.docx?lang=da`, key);
    expect(docx.status).toBe(200);
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = await docxText(docx.bytes);
    expect(text).toMatch(DECISION_LINE);
    expect(text).toContain(LONG_WHAT);
    expect(text).toContain('Nedsæt ungerådet');
    expect(text).toContain('Kirstine Qvortrup');
    expect(text).toContain('Kommunens ungeafdeling (organisation)');
    // The ranking: the top-voted idea is number 1.
    expect(text).toMatch(/^1\. Gratis bus — /m);
    expect(text).toContain('Beslutninger');
    // With names shown, who was present when it was decided.
    expect(text).toContain('Til stede: Politiker 1, Borger 1 (Henrik Zahle, Kirstine Qvortrup)');

    const md = await api(srv, 'GET', `${path}/export.md?lang=da`, { key });
    expect(md.type).toMatch(/text\/markdown/);
    const ranked = md.text.slice(md.text.indexOf('## Idéer efter gruppens stemmer'));
    expect(ranked.indexOf('**Gratis bus**')).toBeGreaterThan(0);
    expect(ranked.indexOf('**Gratis bus**')).toBeLessThan(ranked.indexOf('**Ungeråd**'));
    expect(ranked.indexOf('**Ungeråd**')).toBeLessThan(ranked.indexOf('### Idéer uden stemmer'));
    expect(ranked.indexOf('### Idéer uden stemmer')).toBeLessThan(ranked.indexOf('**Praktikpladser**'));
    expect(ranked).toMatch(/\| 1 \| Gratis bus \| 9 \|/);
    expect(md.text).toContain(`1. **${WORDING}** — besluttet`);
    expect(md.text).toContain('## Handlingsplan');
    expect(md.text).toContain('Til stede: Politiker 1, Borger 1 (Henrik Zahle, Kirstine Qvortrup)');

    const ics = await api(srv, 'GET', `${path}/export.ics?lang=da`, { key });
    expect(ics.status).toBe(200);
    expect(ics.type).toMatch(/^text\/calendar/);
    expect(ics.text.endsWith('\r\n')).toBe(true);
    expect(ics.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.text.slice(0, -2).split('\r\n');
    for (const l of lines) expect(new TextEncoder().encode(l).length, l).toBeLessThanOrEqual(75);
    // Unfolded: a line starting with a space continues the one before.
    const unfolded = lines.reduce<string[]>((out, l) => (l.startsWith(' ') ? [...out.slice(0, -1), (out[out.length - 1] as string) + l.slice(1)] : [...out, l]), []);
    expect(unfolded.some((l) => l !== lines[unfolded.indexOf(l)])).toBe(true);
    const depth = unfolded.reduce((n, l) => {
      if (n < 0) return n;
      return l.startsWith('BEGIN:') ? n + 1 : l.startsWith('END:') ? n - 1 : n;
    }, 0);
    expect(depth).toBe(0);
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded[unfolded.length - 1]).toBe('END:VCALENDAR');
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(unfolded.filter((l) => l.startsWith('DTSTART;VALUE=DATE:'))).toEqual(['DTSTART;VALUE=DATE:20260301', 'DTSTART;VALUE=DATE:20990115']);
    expect(unfolded).toContain('DTEND;VALUE=DATE:20260302');
    expect(unfolded).toContain(`SUMMARY:${LONG_WHAT.replace(/,/g, '\\,').replace(/;/g, '\\;')}`);
    expect(unfolded.filter((l) => /^UID:a-[A-Za-z0-9_-]+@/.test(l) && l.endsWith(`@${board.id}.samskab`))).toHaveLength(2);

    const csv = await api(srv, 'GET', `${path}/export.actions.csv?lang=da&download=1`, { key });
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="Ungepolitik-actions.csv"');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('what,who,owner_kind,due,status,late,source');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('Nedsæt ungerådet,Kommunens ungeafdeling,organisation,2099-01-15,underway,false,Ungeråd');
    // Formula injection is defused.
    expect(rows[3]).toMatch(/^'=Fortæl skolerne om det,Henrik Zahle,person,,planned,false,/);
    // Due 2026-03-01 and not done: late as of today.
    expect(rows[1]).toContain(',2026-03-01,planned,true,');

    // A snapshot, then the decision's wording is no longer the only one: the snapshot's file keeps what it had.
    const snap = await api(srv, 'POST', `${path}/snapshots`, { key, body: { name: 'Workshop 1' } });
    expect(snap.status).toBe(201);
    const later = proposeDecision(a.doc, { wording: 'Ungerådet mødes hver måned', ideas: [first] }, ANN, Date.now());
    expect(applyDecision(a.doc, later, [ANN], Date.now() + 1)).toBe(true);
    await a.waitSaved();
    const snapText = await docxText((await getBytes(srv, `${path}/snapshots/${snap.json.id as string}/export.docx?lang=da`, key)).bytes);
    expect(snapText).toMatch(DECISION_LINE);
    expect(snapText).not.toContain('Ungerådet mødes hver måned');
    expect(await docxText((await getBytes(srv, `${path}/export.docx?lang=da`, key)).bytes)).toContain('Ungerådet mødes hver måned');

    // The print view: one self-contained page.
    const html = await api(srv, 'GET', `${path}/export.html?lang=en`, { key });
    expect(html.type).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.text).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.text).toContain('<meta name="viewport"');
    expect(html.text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`);
    expect(html.text).not.toMatch(/<script|<link|src=/i);
    expect(html.text).toContain('<th scope="col">');
    expect(html.text).toContain(WORDING);

    // Observers may export; bad input is refused and says why.
    expect((await getBytes(srv, `${path}/export.docx`, board.observerKey)).status).toBe(200);
    for (const bad of [`${path}/export.docx?lang=fr`, `${path}/export.ics?tz=Mars/Olympus`, `${path}/export.html?tz=../etc`]) {
      const r = await api(srv, 'GET', bad, { key });
      expect(r.status, bad).toBe(400);
      expect(typeof r.json.error, bad).toBe('string');
    }
    expect((await api(srv, 'GET', `${path}/snapshots/nope/export.docx`, { key })).status).toBe(404);
  });

  it('with names hidden, neither the Word file nor the print view names a participant', async () => {
    const srv = await startTestServer(scope);
    const { board, key, a } = await workshop(srv);
    const path = `/api/boards/${board.id}`;
    const namesIn = (s: string) => NAMES.filter((n) => s.includes(n));
    // Shown, they are there (so the check below can fail).
    expect(namesIn(await docxText((await getBytes(srv, `${path}/export.docx?lang=da`, key)).bytes))).toEqual(expect.arrayContaining(['Kirstine', 'Henrik', 'Yasmin']));
    expect(namesIn((await api(srv, 'GET', `${path}/export.html?lang=da`, { key })).text)).toEqual(expect.arrayContaining(['Kirstine', 'Henrik', 'Yasmin']));

    setAnonymousNames(a.doc, true);
    await a.waitSaved();
    for (const lang of ['da', 'en']) {
      const docx = await docxText((await getBytes(srv, `${path}/export.docx?lang=${lang}`, key)).bytes);
      expect(namesIn(docx), `docx ${lang}`).toEqual([]);
      // The organisation that owns an action is no participant: it stays.
      expect(docx).toContain('Kommunens ungeafdeling');
      const html = (await api(srv, 'GET', `${path}/export.html?lang=${lang}`, { key })).text;
      expect(namesIn(html), `html ${lang}`).toEqual([]);
      for (const f of ['md', 'ics', 'actions.csv']) expect(namesIn((await api(srv, 'GET', `${path}/export.${f}?lang=${lang}`, { key })).text), `${f} ${lang}`).toEqual([]);
    }
  });
});

