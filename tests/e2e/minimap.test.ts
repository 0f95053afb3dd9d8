import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SamskabServer } from '../../server/app';
import { axe, createBoardWithLinks, launchChromium, person, startAppServer } from './browser';

describe('minimap in Chromium', () => {
  let server: SamskabServer;
  let dataDir: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, dataDir } = await startAppServer());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the board and moves the view where it is clicked', async () => {
    const { links } = await createBoardWithLinks(server.url, { template: 'stormflood', lang: 'da' });
    const p = await person(browser, 'da-DK');
    await p.page.goto(`${server.url}${links.editor}&name=Ann&role=citizen`);
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
