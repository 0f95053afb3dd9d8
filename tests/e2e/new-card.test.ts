import { describe, expect, it } from 'vitest';
import { createBoardWithLinks, person, typeInEditor, useApp } from './browser';

/**
 * A new card on a template board fitted at about a third of full size is
 * typed at a readable zoom, and the view goes back afterwards (issue 13: the
 * default 33–36 % gave 5 px text while typing).
 */
describe('a new card is typed at a readable zoom', () => {
  const app = useApp();

  it('zooms to 100 % around the new card while typing, and back to the overview after', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { template: 'youth-policy', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    const zoomText = () => ann.page.locator('.zoom-controls button').nth(1).innerText();
    await expect.poll(zoomText).not.toBe('100%');
    const overview = await zoomText();
    expect(parseInt(overview, 10)).toBeLessThan(60);

    await ann.page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Idé' }).click();
    await typeInEditor(ann.page, 'Læsbar mens jeg skriver');
    expect(await zoomText()).toBe('100%');
    // The card being typed is wholly on screen.
    const box = await ann.page.locator('.card.is-editing').boundingBox();
    const view = ann.page.viewportSize();
    expect(box && view && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height).toBe(true);

    await ann.page.keyboard.press('Escape');
    await expect.poll(zoomText).toBe(overview);
    expect(ann.errors).toEqual([]);
  });
});
