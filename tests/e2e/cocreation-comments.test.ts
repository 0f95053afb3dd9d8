import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, person, useApp, writeBoard, type Person } from './browser';

/**
 * Comments on a card in two browsers: a citizen asks a question on an idea,
 * a politician sees the badge, reads and answers; the card's own text stays
 * as it was, and the equal-voice meter counts the comments per role.
 */
describe('comments on cards in Chromium', () => {
  const app = useApp();

  it('a comment by one person reaches the other, is counted by role, and leaves the card text alone', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Havnen' });
    const key = editorKeyOf(links);
    const ideaId = await writeBoard(app.server.url, id, key, (d) =>
      createItem(d, { kind: 'idea', x: 0, y: 0, author: author('volunteer-association', 'Lis'), text: 'Badebro ved sejlklubben' }),
    );

    const [ann, bo] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician', locale: 'en-GB' },
    ])) as [Person, Person];

    // Ann selects the card and opens its comments from the selection bar.
    const card = ann.page.locator(`.card[data-item-id="${ideaId}"]`);
    await card.click();
    await ann.page.getByRole('button', { name: 'Kommentarer' }).click();
    const panel = ann.page.getByRole('region', { name: 'Kommentarer' });
    await panel.getByText('Til: Badebro ved sejlklubben').waitFor();
    // The text field has focus: she types and adds with Ctrl+Enter.
    await ann.page.keyboard.type('Hvem skal passe på børnene ved broen?');
    await ann.page.keyboard.press('Control+Enter');
    await panel.locator('.comment-text', { hasText: 'Hvem skal passe på børnene' }).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-comments-ann.png' });

    // Bo sees the badge on the card, opens the discussion and answers.
    const boCard = bo.page.locator(`.card[data-item-id="${ideaId}"]`);
    await expect.poll(() => boCard.evaluate((el) => getComputedStyle(el, '::after').content), { timeout: 10_000 }).toBe('"💬 1"');
    await boCard.click();
    await bo.page.getByRole('button', { name: 'Comments' }).click();
    const boPanel = bo.page.getByRole('region', { name: 'Comments' });
    await boPanel.locator('.comment-who', { hasText: 'Ann · Citizen' }).waitFor();
    await bo.page.getByLabel('Your comment').fill('The association has offered lifeguards on weekends.');
    await boPanel.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el, '::after').content), { timeout: 10_000 }).toBe('"💬 2"');
    await panel.locator('.comment-text', { hasText: 'lifeguards' }).waitFor();

    // The card's own text is unchanged, and the meter counts one comment per role.
    expect(await card.locator('.card-body').first().textContent()).toContain('Badebro ved sejlklubben');
    await ann.page.locator('li[data-voice-role="citizen"] .voice-detail', { hasText: /(^|· )1 kommentar($| ·)/ }).waitFor();
    await ann.page.locator('li[data-voice-role="politician"] .voice-detail', { hasText: /(^|· )1 kommentar($| ·)/ }).waitFor();

    // Bo deletes his own answer (anyone may); it disappears for Ann too.
    await boPanel.getByRole('button', { name: /Delete comment by Bo/ }).click();
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el, '::after').content), { timeout: 10_000 }).toBe('"💬 1"');
    await bo.page.keyboard.press('Escape');
    await boPanel.waitFor({ state: 'detached' });

    // An observer cannot select cards, but reads the discussion from the outline; nothing to write with.
    const obs = await person(app.browser, 'da-DK');
    await obs.page.goto(`${app.server.url}${links.observer}`);
    await obs.page.getByRole('button', { name: 'Disposition' }).click();
    await obs.page.getByRole('button', { name: 'Kommentarer (1)' }).click();
    const obsPanel = obs.page.getByRole('region', { name: 'Kommentarer' });
    await obsPanel.locator('.comment-text', { hasText: 'Hvem skal passe på børnene' }).waitFor();
    expect(await obsPanel.getByLabel('Din kommentar').count()).toBe(0);
    expect(await obsPanel.getByRole('button', { name: /Slet kommentar/ }).count()).toBe(0);
    expect(await axe(obs.page)).toEqual([]);
    expect([...ann.errors, ...bo.errors, ...obs.errors]).toEqual([]);
  });
});
