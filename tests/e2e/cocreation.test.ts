import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readRoundOf } from '../../shared/cocreation/doc';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, typeInEditor, useApp, writeBoard, type Person } from './browser';

/**
 * Co-creation in real browsers: three people in three roles (citizen and
 * politician in Danish, business in English) read the perspective lens and the
 * equal-voice meter, run a dot-vote round (with a second tab that gets no extra
 * dots, and a second citizen voting from another program) and all see the same
 * results: the citizens as a role, the one politician and the one business
 * together as »Andre roller« (shared/cocreation/smallRoles.ts).
 */
describe('perspective lens, equal-voice meter and dot voting in Chromium', () => {
  const app = useApp();

  const fill = (boardId: string, key: string) =>
    writeBoard(app.server.url, boardId, key, (d) => {
    const p = createItem(d, { kind: 'problem', x: 0, y: 0, author: author('public-employee', 'Eva'), text: 'Unge dropper ud af ungdomsuddannelserne' });
    createItem(d, { kind: 'perspective', x: 0, y: 240, problemId: p, author: author('politician', 'Mette'), text: 'Vi mangler tal på, hvem der dropper ud' });
    createItem(d, { kind: 'perspective', x: 280, y: 240, problemId: p, author: author('service-user', 'Ali'), text: 'Min bror kedede sig og mistede modet' });
    const youthCouncil = createItem(d, { kind: 'idea', x: 400, y: 0, author: author('citizen', 'Sara'), text: 'Ungeråd med rigtig indflydelse' });
    createItem(d, { kind: 'idea', x: 650, y: 0, author: author('politician', 'Mette'), text: 'Gratis bus til skolen' });
    createItem(d, { kind: 'idea', x: 900, y: 0, author: author('politician', 'Mette'), text: 'Flere studievejledere' });
    createItem(d, { kind: 'idea', x: 400, y: 200, author: author('politician', 'Jens'), text: 'Mentorordning med lokale firmaer' });
    createItem(d, { kind: 'idea', x: 650, y: 200, author: author('politician', 'Jens'), text: 'Lektiecafé på biblioteket' });
    createItem(d, { kind: 'idea', x: 900, y: 200, author: author('politician', 'Jens'), text: 'Praktik i kommunen' });
      return youthCouncil;
    });

  const results = (page: Page) =>
    page.locator('[data-result-idea]').evaluateAll((els) => els.map((e) => ({ text: e.querySelector('.result-text')?.textContent, dots: e.getAttribute('data-dots'), roles: e.querySelector('.role-counts')?.textContent, broad: e.classList.contains('broad') })));

  it('three roles: lens, meter, a vote round with the same per-role results for everyone', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const key = editorKeyOf(links);
    const youthCouncil = await fill(id, key);

    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician' },
      { name: 'Cem', role: 'business', locale: 'en-GB' },
    ])) as [Person, Person, Person];
    await ann.page.locator('.presence li').nth(2).waitFor();

    // Equal-voice meter: politicians made most of the cards while they are a third of the people.
    const meter = ann.page.getByRole('region', { name: 'Stemmebalance' }).or(ann.page.locator('section.voice'));
    await meter.locator('li[data-voice-role="politician"][data-status="dominating"]').waitFor();
    await meter.locator('.voice-nudge', { hasText: 'Politiker står for' }).waitFor();
    // Counts with their plural forms, only the kinds a role has done something in (cards from the setup).
    expect(await meter.locator('li[data-voice-role="politician"] .voice-detail').textContent()).toBe('6 kort');
    expect(await meter.locator('li[data-voice-role="citizen"] .voice-detail').textContent()).toBe('1 kort');
    await ann.page.locator('aside.sidebar').screenshot({ path: '.tmp/e2e-cocreation-meter.png' });

    // Perspective lens: perspectives side by side, and the missing roles.
    await ann.page.getByRole('button', { name: 'Perspektiver' }).click();
    const lens = ann.page.getByRole('region', { name: 'Perspektiver på hvert problem' });
    await lens.locator('[data-role="politician"]', { hasText: 'Vi mangler tal' }).waitFor();
    await lens.locator('[data-role="service-user"]', { hasText: 'Min bror' }).waitFor();
    await lens.getByText('Intet perspektiv fra borger endnu').waitFor();
    await lens.getByText('Intet perspektiv fra virksomhed endnu').waitFor();
    await lens.getByLabel('Læs tavlen som').selectOption('citizen');
    await ann.page.getByText('Du læser tavlen som Borger').waitFor();
    const politicianIdea = ann.page.locator('.card', { hasText: 'Gratis bus til skolen' });
    const citizenIdea = ann.page.locator('.card', { hasText: 'Ungeråd med rigtig' });
    await expect.poll(() => politicianIdea.evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThan(0.5);
    expect(await citizenIdea.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-cocreation-lens.png' });
    await ann.page.getByRole('button', { name: 'Stop linsen' }).click();
    await expect.poll(() => politicianIdea.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);

    // Ann adds the citizen perspective from the lens; it is no longer missing (for Bo too).
    await lens.getByRole('button', { name: 'Tilføj mit perspektiv (Borger)' }).click();
    await typeInEditor(ann.page, 'Bussen kører for sjældent om aftenen');
    await ann.page.keyboard.press('Escape');
    // Ann adds a few words to someone else's card: one edit session for the meter, not one per keystroke
    // (writing her own new card above was the card itself, not an edit).
    // By keyboard (focus, Enter): after the lens placed her perspective, the problem sits partly under the toolbar.
    await ann.page.locator('.card-problem', { hasText: 'Unge dropper ud af ungdomsuddannelserne' }).focus();
    await ann.page.keyboard.press('Enter');
    await typeInEditor(ann.page, ' – især drenge');
    await ann.page.keyboard.press('Escape');
    await meter.locator('li[data-voice-role="citizen"] .voice-detail', { hasText: /^2 kort · 1 redigering$/ }).waitFor();
    await bo.page.getByRole('button', { name: 'Perspektiver' }).click();
    const boLens = bo.page.getByRole('region', { name: 'Perspektiver på hvert problem' });
    await boLens.locator('[data-role="citizen"]', { hasText: 'Bussen kører for sjældent' }).waitFor();
    await boLens.getByText('Intet perspektiv fra borger endnu').waitFor({ state: 'detached' });
    await boLens.getByText('Intet perspektiv fra virksomhed endnu').waitFor();
    // Keyboard: the panel takes focus when it opens, and Escape closes it.
    expect(await bo.page.evaluate(() => document.activeElement?.id)).toBe('lens-title');
    await bo.page.keyboard.press('Escape');
    await boLens.waitFor({ state: 'detached' });

    // Bo starts a round: 3 dots, equal weight per role, names hidden while voting.
    await bo.page.getByRole('button', { name: 'Afstemning' }).click();
    const boVote = bo.page.getByRole('region', { name: 'Prikafstemning' });
    await boVote.getByLabel('Prikker pr. deltager').fill('3');
    // One heading says what the panel is (the start form used to repeat it).
    expect(await boVote.getByRole('heading', { name: 'Prikafstemning' }).count()).toBe(1);
    await boVote.getByLabel(/Skjul navne på tavlen/).check();
    await boVote.getByRole('button', { name: 'Start afstemning' }).click();
    await boVote.locator('[data-round-status="open"]').waitFor();

    // Everyone sees the open round; names are hidden on cards, roles stay.
    await ann.page.getByRole('button', { name: /Afstemning.*åben/ }).waitFor();
    await ann.page.getByText('Navne er skjult – kun roller vises.').waitFor();
    // The byline itself names the role only (issue 15: no longer a CSS cover over the name).
    await expect.poll(() => citizenIdea.locator('.card-author').textContent()).toBe('Borger');

    const vote = async (page: Page, label: string, idea: string, times: number) => {
      for (let k = 0; k < times; k++) await page.getByRole('button', { name: `${label} ${idea}` }).click();
    };
    await ann.page.getByRole('button', { name: /Afstemning/ }).click();
    const annVote = ann.page.getByRole('region', { name: 'Prikafstemning' });
    await vote(ann.page, 'Giv en prik til', 'Ungeråd med rigtig indflydelse', 3);
    await annVote.getByText('Du har brugt 3 af dine 3 prikker.').waitFor();
    await annVote.getByText(/Gemt/).waitFor();

    await vote(bo.page, 'Giv en prik til', 'Gratis bus til skolen', 3);
    await boVote.getByText(/Gemt/).waitFor();

    await cem.page.getByRole('button', { name: /Voting/ }).click();
    const cemVote = cem.page.getByRole('region', { name: 'Dot voting' });
    await vote(cem.page, 'Give a dot to', 'Lektiecafé på biblioteket', 2);
    await vote(cem.page, 'Give a dot to', 'Ungeråd med rigtig indflydelse', 1);
    await cemVote.getByText(/Saved/).waitFor();

    // Ann's second tab (same device, same voter id) has no extra dots: her 3 are already spent.
    const annTab2 = await ann.context.newPage();
    await annTab2.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await annTab2.locator('.status[data-state="saved"]').waitFor();
    await annTab2.getByRole('button', { name: /Afstemning/ }).click();
    const tab2Vote = annTab2.getByRole('region', { name: 'Prikafstemning' });
    await tab2Vote.getByText('Du har brugt 3 af dine 3 prikker.').waitFor();
    expect(await annTab2.getByRole('button', { name: 'Giv en prik til Gratis bus til skolen' }).isDisabled()).toBe(true);
    await annTab2.close();

    // Dina, a second citizen, votes from another program (the same API the panel uses): with two
    // citizens the citizens keep a row of their own.
    const roundId = await writeBoard(app.server.url, id, key, (d) => readRoundOf(d)?.id);
    const dina = await api(app.server.url, 'PUT', `/api/boards/${id}/rounds/${roundId}/ballot`, {
      key,
      voter: 'e2e-voter-dina-0000001',
      body: { role: 'citizen', votes: { [youthCouncil]: 3 } },
    });
    expect(dina.status).toBe(200);

    for (const p of [ann.page, bo.page]) await p.locator('.vote-participation[data-voters="4"]').waitFor();
    await cem.page.locator('.vote-participation[data-voters="4"]').waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-cocreation-voting.png' });

    // Cem closes, Ann reveals: the same results, per role, for everyone.
    await cemVote.getByRole('button', { name: 'Close voting' }).click();
    await annVote.locator('[data-round-status="closed"]').waitFor();
    await annVote.getByRole('button', { name: 'Vis resultatet for alle' }).click();
    for (const p of [ann.page, bo.page, cem.page]) await p.locator('[data-round-status="revealed"]').waitFor();
    const annResults = await results(ann.page);
    expect(await results(bo.page)).toEqual(annResults);
    expect((await results(cem.page)).map((r) => [r.text, r.dots, r.broad])).toEqual(annResults.map((r) => [r.text, r.dots, r.broad]));
    // Equal weight per group (6 weighted dots each); the idea both groups support is highlighted.
    expect(annResults.map((r) => [r.text, r.dots, r.broad])).toEqual([
      ['Ungeråd med rigtig indflydelse', '7', true],
      ['Gratis bus til skolen', '3', false],
      ['Lektiecafé på biblioteket', '2', false],
    ]);
    // The one politician and the one business are »Andre roller«: no row shows what either chose.
    expect(annResults[0]?.roles).toContain('Borger: 6');
    expect(annResults[0]?.roles).toContain('Andre roller: 1');
    for (const r of annResults) expect(r.roles).not.toMatch(/Politiker|Virksomhed/);
    await ann.page.getByText('Roller med færre end 2 deltagere er slået sammen med andre under »Andre roller« (Politiker, Virksomhed), så ingen enkeltpersons valg kan ses.').waitFor();
    await cem.page.getByText('Roles with fewer than 2 participants are merged with others into “Other roles” (Politician, Business) so no single person’s choice can be seen.').waitFor();
    await ann.page.getByText('4 deltagere fordelte 12 prikker.').waitFor();
    // "You can change your dots until voting closes" is no longer true, so it is gone.
    expect(await annVote.getByText(/Gemt/).count()).toBe(0);
    // The result is also on the idea cards on the board.
    const badge = await citizenIdea.evaluate((el) => getComputedStyle(el, '::before').content);
    expect(badge).toBe('"● 7 prikker ★"');
    await cem.page.getByText('4 participants spread 12 dots.').waitFor();
    // Names come back when the round is over.
    await ann.page.getByText('Navne er skjult – kun roller vises.').waitFor({ state: 'detached' });
    expect(await axe(ann.page)).toEqual([]);
    expect(await axe(cem.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-cocreation-results.png' });
    await cem.page.screenshot({ path: '.tmp/e2e-cocreation-results-en.png' });
    // The board itself, with the result badges on the idea cards.
    await ann.page.getByRole('region', { name: 'Prikafstemning' }).getByRole('button', { name: 'Luk' }).click();
    await ann.page.locator('.canvas').click({ position: { x: 700, y: 540 } });
    await ann.page.getByRole('button', { name: 'Vis alt' }).click();
    await ann.page.getByRole('button', { name: 'Zoom ud' }).click();
    await ann.page.screenshot({ path: '.tmp/e2e-cocreation-results-board.png' });

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    expect(cem.errors).toEqual([]);
    for (const p of [ann, bo, cem]) await p.context.close();
  });
});
