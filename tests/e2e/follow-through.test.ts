import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/cocreation/actions';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, person, writeBoard, type Person, useApp } from './browser';

/**
 * Issue 16 from start to finish in real browsers, three people in three roles
 * (citizen and politician in Danish, public employee in English): they vote
 * with dots, decide the top-voted idea by consent, plan two actions with
 * owners and due dates, take the minutes as Markdown and Word — the top-voted
 * idea leads the ranking and the decision is in both — and publish the story,
 * which a fourth person opens in a fresh browser with no board link.
 * Screenshots: .tmp/e2e-follow-through-*.png.
 */
describe('from workshop to follow-through in Chromium', () => {
  const app = useApp();

  const COUNCIL = 'Ungeråd med rigtig indflydelse';
  const BUS = 'Gratis bus til skolen';
  const CAFE = 'Lektiecafé på biblioteket';
  const DECISION = 'Vi opretter et ungeråd før sommerferien';

  const openTool = async (page: Page, button: string, region: string) => {
    await page.getByRole('button', { name: new RegExp(`^${button}`) }).click();
    const panel = page.getByRole('region', { name: region, exact: true });
    await panel.waitFor();
    return panel;
  };
  const dots = async (page: Page, label: string, idea: string, times: number) => {
    for (let k = 0; k < times; k++) await page.getByRole('button', { name: `${label} ${idea}` }).click();
  };
  /** The text of a Word file's body (its w:t runs, in order). */
  const docxText = async (bytes: Buffer) => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml, 'word/document.xml').toBeTruthy();
    return [...(xml as string).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  };

  it('three roles vote, decide by consent, plan, take the minutes and publish the story', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik i Havnebyen' });
    const key = editorKeyOf(links);
    const ids = await writeBoard(app.server.url, id, key, (d) => ({
      problem: createItem(d, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'Sara'), text: 'For få unge bliver hørt' }),
      council: createItem(d, { kind: 'idea', x: 0, y: 260, author: author('citizen', 'Sara'), text: COUNCIL }),
      bus: createItem(d, { kind: 'idea', x: 260, y: 260, author: author('politician', 'Mette'), text: BUS }),
      cafe: createItem(d, { kind: 'idea', x: 520, y: 260, author: author('public-employee', 'Lone'), text: CAFE }),
    }));
    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician' },
      { name: 'Cem', role: 'public-employee', locale: 'en-GB' },
    ])) as [Person, Person, Person];
    const pages = [ann.page, bo.page, cem.page];
    for (const p of pages) await p.locator('.ph-count[data-present="3"]').waitFor();

    // --- Vote: Bo starts a round of 3 dots; the council idea gets the most dots. ---
    const boVote = await openTool(bo.page, 'Afstemning', 'Prikafstemning');
    await boVote.getByLabel('Prikker pr. deltager').fill('3');
    await boVote.getByRole('button', { name: 'Start afstemning' }).click();
    await boVote.locator('[data-round-status="open"]').waitFor();
    const annVote = await openTool(ann.page, 'Afstemning', 'Prikafstemning');
    const cemVote = await openTool(cem.page, 'Voting', 'Dot voting');
    await dots(ann.page, 'Giv en prik til', COUNCIL, 3);
    await annVote.getByText(/Gemt/).waitFor();
    await dots(bo.page, 'Giv en prik til', COUNCIL, 2);
    await dots(bo.page, 'Giv en prik til', BUS, 1);
    await boVote.getByText(/Gemt/).waitFor();
    await dots(cem.page, 'Give a dot to', BUS, 1);
    await dots(cem.page, 'Give a dot to', COUNCIL, 2);
    await cemVote.getByText(/Saved/).waitFor();
    for (const p of pages) await p.locator('.vote-participation[data-voters="3"]').waitFor();
    await boVote.getByRole('button', { name: 'Luk afstemningen' }).click();
    await annVote.locator('[data-round-status="closed"]').waitFor();
    await annVote.getByRole('button', { name: 'Vis resultatet for alle' }).click();
    for (const p of pages) await p.locator(`[data-result-idea="${ids.council}"][data-dots="7"]`).first().waitFor();
    for (const p of pages) await p.keyboard.press('Escape');

    // --- Decide by consent: Ann proposes; it is decided only when Bo and Cem are ready too. ---
    const annDec = await openTool(ann.page, 'Beslutninger', 'Beslutninger');
    // The ideas are offered most-voted first, with their dots.
    await expect.poll(() => annDec.locator('label[data-idea-id]').first().getAttribute('data-idea-id')).toBe(ids.council);
    await annDec.locator(`label[data-idea-id="${ids.council}"]`).getByText('7 prikker').waitFor();
    await annDec.getByRole('checkbox', { name: new RegExp(COUNCIL) }).check();
    await annDec.getByLabel('Beslutningen med få ord').fill(DECISION);
    await annDec.getByRole('button', { name: 'Foreslå beslutning' }).click();
    const boDec = await openTool(bo.page, 'Beslutninger', 'Beslutninger');
    const cemDec = await openTool(cem.page, 'Decisions', 'Decisions');
    await boDec.locator('.decision-open').getByText(DECISION).waitFor();
    await boDec.getByRole('button', { name: 'Klar', exact: true }).click();
    for (const p of pages) await p.locator('.decision-open .decision-count[data-ready="2"][data-total="3"]').waitFor();
    expect(await ann.page.locator('li.decision').count()).toBe(0);
    await cemDec.getByRole('button', { name: 'Ready', exact: true }).click();
    for (const p of pages) await p.locator('li.decision', { hasText: DECISION }).waitFor();
    for (const p of pages) await p.keyboard.press('Escape');

    // --- Plan: Ann adds two actions from the decision, with owners and due dates. ---
    const annPlan = await openTool(ann.page, 'Handlingsplan', 'Handlingsplan');
    const form = annPlan.getByRole('form', { name: 'Ny handling' });
    // The decision is offered first.
    expect(await form.getByLabel('Kommer fra').inputValue()).toMatch(/^decision:/);
    const soon = localDay(new Date(Date.now() + 14 * 86_400_000));
    const later = localDay(new Date(Date.now() + 60 * 86_400_000));
    await form.getByLabel('Hvad', { exact: true }).fill('Indkald til første møde i ungerådet');
    await form.getByLabel('Hvem', { exact: true }).fill('Ungdomsskolen');
    await form.getByLabel('Hvem er det').selectOption('organisation');
    await form.getByLabel('Frist', { exact: true }).fill(soon);
    await annPlan.getByRole('button', { name: 'Tilføj handling' }).click();
    await annPlan.getByText('Handlingen er tilføjet.').waitFor();
    await form.getByLabel('Hvad', { exact: true }).fill('Skriv forretningsorden for ungerådet');
    await form.getByLabel('Hvem', { exact: true }).fill('Kultur- og Fritidsforvaltningen');
    await form.getByLabel('Hvem er det').selectOption('organisation');
    await form.getByLabel('Frist', { exact: true }).fill(later);
    await form.getByLabel('Status', { exact: true }).selectOption('underway');
    await annPlan.getByRole('button', { name: 'Tilføj handling' }).click();
    await expect.poll(() => annPlan.locator('[data-action-id]').count()).toBe(2);
    await annPlan.getByRole('button', { name: 'Sæt handlingsplanen på tavlen' }).click();
    // Bo sees both, live, in his own list and in the plan frame on his canvas.
    const boPlan = await openTool(bo.page, 'Handlingsplan', 'Handlingsplan');
    await expect.poll(() => boPlan.locator('[data-action-id]').count()).toBe(2);
    await bo.page.locator('.card-frame [data-plan-frame] tr[data-action-id]').nth(1).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-follow-through-plan.png' });
    await ann.page.keyboard.press('Escape');

    // --- Minutes: Cem takes them as Markdown and Word (English). ---
    await cem.page.keyboard.press('Escape');
    await cem.page.getByRole('button', { name: 'Outcomes' }).click();
    const dialog = cem.page.getByRole('dialog');
    const minutes = dialog.getByRole('group', { name: 'Minutes and action plan' });
    await minutes.waitFor();
    const download = async (name: string) => {
      const [file] = await Promise.all([cem.page.waitForEvent('download'), minutes.getByRole('button', { name }).click()]);
      return fs.promises.readFile(await file.path());
    };
    const md = (await download('Minutes (Markdown)')).toString();
    const ranking = md.slice(md.indexOf('## Ideas by the group'));
    expect(ranking.length, 'the ranking section').toBeLessThan(md.length);
    // The top-voted idea leads the ranking, before the others.
    expect(ranking.indexOf(COUNCIL)).toBeGreaterThan(-1);
    expect(ranking.indexOf(COUNCIL)).toBeLessThan(ranking.indexOf(BUS));
    expect(md).toContain(DECISION);
    expect(md).toContain('Ungdomsskolen');
    const word = await docxText(await download('Minutes (Word)'));
    expect(word).toContain(DECISION);
    expect(word).toContain(COUNCIL);
    expect(word.indexOf(COUNCIL)).toBeLessThan(word.lastIndexOf(BUS));
    expect(word).toContain('Skriv forretningsorden for ungerådet');
    await cem.page.keyboard.press('Escape');

    // --- The story: Ann publishes it; someone with no board link opens it in a fresh browser. ---
    await ann.page.getByRole('button', { name: 'Resultater' }).click();
    const annDialog = ann.page.getByRole('dialog');
    const story = annDialog.getByRole('region', { name: 'Del jeres historie' });
    await story.getByLabel('Sprog på siden').selectOption('da');
    await story.getByRole('button', { name: 'Udgiv historien' }).click();
    await annDialog.getByRole('status').getByText('Historien er udgivet.').waitFor();
    const link = await story.getByRole('textbox', { name: 'Offentligt link til historien' }).inputValue();
    expect(link).toMatch(/\/story\/[A-Za-z0-9_-]{32}$/);
    expect(link).not.toContain(id);

    const reader = await person(app.browser, 'da-DK', { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const res = await reader.page.goto(link);
    expect(res?.status()).toBe(200);
    await reader.page.getByRole('heading', { level: 1, name: 'Ungepolitik i Havnebyen' }).waitFor();
    const text = await reader.page.locator('body').innerText();
    expect(text).toContain(DECISION);
    expect(text).toContain('Indkald til første møde i ungerådet');
    expect(text).toContain('Kultur- og Fritidsforvaltningen');
    // No participant names: not those who took part, not the card authors.
    for (const name of ['Ann', 'Bo', 'Cem', 'Sara', 'Mette', 'Lone']) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(await reader.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await reader.page.screenshot({ path: '.tmp/e2e-follow-through-story.png', fullPage: true });

    for (const p of [ann, bo, cem]) expect(p.errors).toEqual([]);
    for (const p of [ann, bo, cem, reader]) await p.context.close();
  }, 180_000);
});
