import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setRating } from '../../shared/cocreation/value';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, person, useApp, writeBoard, type Person } from './browser';

const IDEA = 'Ungeråd med rigtig indflydelse';
const OTHER = 'Gratis bus til skolen';

/**
 * The value triad in real browsers: a citizen and a politician in Danish and a
 * business in English rate the same idea (from the panel, and from the card),
 * with a second citizen rating from another program, and every screen shows
 * the same heatmap on the card: the citizens as a role, the one politician and
 * the one business together as »Andre roller«, or one row for all ratings when
 * no row per role can be shown (shared/cocreation/smallRoles.ts).
 */
describe('value triad in Chromium', () => {
  const app = useApp();

  const fill = (boardId: string, key: string) =>
    writeBoard(app.server.url, boardId, key, (d) => {
    createItem(d, { kind: 'problem', x: 0, y: 0, author: author('public-employee', 'Eva'), text: 'Unge dropper ud af ungdomsuddannelserne' });
    const idea = createItem(d, { kind: 'idea', x: 380, y: 0, author: author('citizen', 'Sara'), text: IDEA });
    const other = createItem(d, { kind: 'idea', x: 640, y: 0, author: author('politician', 'Mette'), text: OTHER });
      return { idea, other };
    });

  /** The heatmap rows on one idea card, as each screen shows them. */
  const heatmap = (page: Page, ideaId: string) =>
    page
      .locator(`.card[data-item-id="${ideaId}"] .triad-row`)
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value-role'), r.getAttribute('data-means'), [...r.querySelectorAll('.triad-cell')].map((c) => c.textContent).join(' ')]));

  const rate = async (panel: ReturnType<Page['getByRole']>, idea: string, scores: Array<[string, number]>) => {
    for (const [level, n] of scores) await panel.getByRole('group', { name: `${level} – ${idea}` }).getByLabel(String(n), { exact: true }).check();
  };

  it('three roles rate an idea; every screen shows the same per-role heatmap; one rating per person', async () => {
    fs.mkdirSync('.tmp', { recursive: true });
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const key = editorKeyOf(links);
    const { idea, other } = await fill(id, key);

    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician' },
      { name: 'Cem', role: 'business', locale: 'en-GB' },
    ])) as [Person, Person, Person];

    // Ann (citizen) rates in the panel, which takes focus when it opens and explains the three levels.
    await ann.page.getByRole('button', { name: 'Værdi', exact: true }).click();
    const annPanel = ann.page.getByRole('region', { name: 'Værdi på tre niveauer' });
    await annPanel.waitFor();
    expect(await ann.page.evaluate(() => document.activeElement?.id)).toBe('value-title');
    await annPanel.getByText('værdi for gruppen, der samskaber her.').waitFor();
    await annPanel.locator(`[data-value-idea="${idea}"]`).getByText('Ingen har vurderet idéen endnu.').waitFor();
    await rate(annPanel, IDEA, [['Personlig', 5], ['Kollektiv', 4], ['Samfund', 4]]);
    // Ann alone: a citizen row would be her rating, so the card shows one row for all ratings, and the panel says why.
    await ann.page.locator(`.card[data-item-id="${idea}"] .triad-row[data-value-role="all"]`).waitFor();
    await annPanel.locator(`[data-value-idea="${idea}"] [data-small-roles="withheld"]`).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    // Dina, a second citizen, rates the same (from another program): now the citizens have a row.
    await writeBoard(app.server.url, id, key, (d) => setRating(d, idea, 'e2e-person-dina-00001', 'citizen', { personal: 5, collective: 4, societal: 4 }));
    await ann.page.locator(`.card[data-item-id="${idea}"] .triad-row[data-value-role="citizen"]`).waitFor();

    // Bo (politician) rates from the card: "Værdi…" opens the panel at that idea, focus on its first choice.
    await bo.page.locator(`.card[data-item-id="${idea}"] .card-body`).click();
    await bo.page.locator(`.card[data-item-id="${idea}"]`).getByRole('button', { name: 'Vurdér idéens værdi' }).click();
    const boPanel = bo.page.getByRole('region', { name: 'Værdi på tre niveauer' });
    await boPanel.waitFor();
    await expect
      .poll(() => bo.page.evaluate(() => document.activeElement?.closest('[data-value-idea]')?.getAttribute('data-value-idea')))
      .toBe(idea);
    // Keyboard: arrow keys move within the radio group and rate.
    await bo.page.keyboard.press('ArrowRight');
    await rate(boPanel, IDEA, [['Kollektiv', 3], ['Samfund', 5]]);

    // Cem (business, English).
    await cem.page.getByRole('button', { name: 'Value', exact: true }).click();
    const cemPanel = cem.page.getByRole('region', { name: 'Value at three levels' });
    await rate(cemPanel, IDEA, [['Personal', 4], ['Collective', 4], ['Societal', 5]]);
    await rate(cemPanel, OTHER, [['Personal', 2], ['Societal', 5]]);

    // Every screen: the same two rows — the citizens, and the one politician and the one business
    // together (no row shows what either of them gave).
    // (3.5 reads "3,5" in Danish and "3.5" in English.)
    const merged = (lang: 'da' | 'en') => ['merged', '3,3.5,5', lang === 'da' ? '3 3,5 5' : '3 3.5 5'];
    const screens = [[ann.page, 'da'], [bo.page, 'da'], [cem.page, 'en']] as const;
    for (const [p, lang] of screens) await expect.poll(() => heatmap(p, idea)).toEqual([['citizen', '5,4,4', '5 4 4'], merged(lang)]);
    const annLabel = await ann.page.locator(`.card[data-item-id="${idea}"] .triad-grid`).getAttribute('aria-label');
    expect(annLabel).toBe(
      'Værdi pr. rolle: Borger: personlig 5 · kollektiv 4 · samfund 4 (2 vurderinger); Andre roller (Politiker, Virksomhed): personlig 3 · kollektiv 3,5 · samfund 5 (2 vurderinger). ★ Bred værdi. Roller med færre end 2 deltagere er slået sammen med andre under »Andre roller« (Politiker, Virksomhed), så ingen enkeltpersons valg kan ses.',
    );
    expect(await cem.page.locator(`.card[data-item-id="${idea}"] .triad-grid`).getAttribute('aria-label')).toContain('Citizen: personal 5 · collective 4 · societal 4 (2 ratings)');
    await cemPanel.locator(`[data-value-idea="${idea}"]`).getByText('Roles with fewer than 2 participants are merged with others into “Other roles” (Politician, Business)', { exact: false }).waitFor();
    // Overall with equal weight per row; broad value (≥ 3.5 everywhere, two rows, none below 3).
    const overall = annPanel.locator(`[data-value-idea="${idea}"] tr.value-overall`);
    await expect.poll(() => overall.getAttribute('data-value-overall')).toBe('4,3.75,4.5');
    expect(await overall.locator('td').allTextContents()).toEqual(['4', '3,8', '4,5', '4']);
    await annPanel.locator(`[data-value-idea="${idea}"]`).getByText('★ Bred værdi').waitFor();
    expect(await axe(ann.page)).toEqual([]);
    expect(await axe(cem.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-value-panel.png' });
    await cem.page.screenshot({ path: '.tmp/e2e-value-panel-en.png' });

    // Sorting: by societal value the bus (5 from business) comes first; by overall value the youth council.
    const order = () => cemPanel.locator('[data-value-idea]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value-idea')));
    await cemPanel.getByLabel('Sort by').selectOption('societal');
    await expect.poll(order).toEqual([other, idea]);
    await cemPanel.getByLabel('Sort by').selectOption('score');
    await expect.poll(order).toEqual([idea, other]);

    // Ann's second tab is the same person: it shows her rating, and changing it replaces it (still 4 raters).
    const annTab2 = await ann.context.newPage();
    await annTab2.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await annTab2.locator('.status[data-state="saved"]').waitFor();
    await annTab2.getByRole('button', { name: 'Værdi', exact: true }).click();
    const tab2Panel = annTab2.getByRole('region', { name: 'Værdi på tre niveauer' });
    expect(await tab2Panel.getByRole('group', { name: `Personlig – ${IDEA}` }).getByLabel('5', { exact: true }).isChecked()).toBe(true);
    await rate(tab2Panel, IDEA, [['Samfund', 2]]);
    for (const [p, lang] of screens.slice(1)) {
      await expect.poll(() => heatmap(p, idea)).toEqual([['citizen', '5,4,3', '5 4 3'], merged(lang)]);
    }
    expect(await ann.page.locator(`.card[data-item-id="${idea}"] .triad-grid`).getAttribute('data-value-raters')).toBe('4');
    await annTab2.close();

    // Cem clears his rating: the politician would be alone in »Andre roller«, and the citizens' row next
    // to the total would give the politician's rating back, so every screen shows one row for all. Escape closes the panel.
    await cemPanel.getByRole('button', { name: `Clear my rating – ${IDEA}` }).click();
    for (const p of [ann.page, bo.page, cem.page]) await expect.poll(() => heatmap(p, idea).then((rows) => rows.map((r) => r[0]))).toEqual(['all']);
    await cemPanel.getByRole('heading', { name: 'Value at three levels' }).focus();
    await cem.page.keyboard.press('Escape');
    await cemPanel.waitFor({ state: 'detached' });

    // The board with the heatmap on the card (and the card's own "Value…" button), axe-clean.
    await ann.page.getByRole('region', { name: 'Værdi på tre niveauer' }).getByRole('button', { name: 'Luk' }).click();
    await ann.page.locator(`.card[data-item-id="${idea}"] .card-body`).click();
    await ann.page.locator(`.card[data-item-id="${idea}"]`).getByRole('button', { name: 'Vurdér idéens værdi' }).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-value-board.png' });
    await ann.page.locator(`.card[data-item-id="${idea}"]`).screenshot({ path: '.tmp/e2e-value-card.png' });
    await cem.page.locator(`.card[data-item-id="${idea}"]`).screenshot({ path: '.tmp/e2e-value-card-en.png' });

    // An observer sees the ratings but cannot rate.
    const screen = await person(app.browser, 'da-DK');
    await screen.page.goto(`${app.server.url}${links.observer}`);
    await expect.poll(() => heatmap(screen.page, idea).then((rows) => rows.length)).toBe(1);
    await screen.page.getByRole('button', { name: 'Værdi', exact: true }).click();
    const obsPanel = screen.page.getByRole('region', { name: 'Værdi på tre niveauer' });
    await obsPanel.getByText('Du ser tavlen som observatør').waitFor();
    expect(await obsPanel.getByRole('radio').count()).toBe(0);
    await obsPanel.locator(`[data-value-idea="${idea}"] tr.value-overall`).waitFor();
    await obsPanel.locator(`[data-value-idea="${idea}"] [data-small-roles="withheld"]`).waitFor();
    expect(await axe(screen.page)).toEqual([]);

    for (const p of [ann, bo, cem, screen]) expect(p.errors).toEqual([]);
    for (const p of [ann, bo, cem, screen]) await p.context.close();
  });
});
