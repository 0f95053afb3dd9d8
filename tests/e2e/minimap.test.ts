import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, useApp } from './browser';

describe('minimap in Chromium', () => {
  const app = useApp();

  it('shows the board and moves the view where it is clicked', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { template: 'stormflood', lang: 'da' });
    const p = await person(app.browser, 'da-DK');
    await p.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await p.page.locator('.status[data-state="saved"]').waitFor();
    const map = p.page.getByRole('img', { name: /Oversigtskort/ });
    await map.waitFor();
    const world = p.page.locator('.world');
    const before = await world.evaluate((el) => (el as HTMLElement).style.transform);
    const box = await map.boundingBox();
    if (!box) throw new Error('minimap has no box');
    await p.page.mouse.click(box.x + 8, box.y + 8);
    await expect.poll(() => world.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(before);
    expect(await axe(p.page)).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
