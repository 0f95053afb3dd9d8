import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, useApp } from './browser';

/** Follow a participant's view, and "bring everyone to me" as a request the others may decline. */

/** Centre of the page's view in board coordinates, and its zoom. */
async function view(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.canvas') as HTMLElement;
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec((document.querySelector('.world') as HTMLElement).style.transform);
    const [x, y, z] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    return { cx: Math.round((canvas.clientWidth / 2 - x) / z), cy: Math.round((canvas.clientHeight / 2 - y) / z), zoom: z };
  });
}

async function wheel(page: Page, dx: number, dy: number, ctrl = false) {
  await page.mouse.move(640, 500);
  if (ctrl) await page.keyboard.down('Control');
  await page.mouse.wheel(dx, dy);
  if (ctrl) await page.keyboard.up('Control');
}

describe('follow mode in Chromium', () => {
  const app = useApp();

  it("follows another person's view until I move myself; a summon can be declined or accepted", async () => {
    const boardPath = (await createBoardWithLinks(app.server.url, { title: 'Følg', lang: 'da' })).links.editor;
    const url = (name: string, role: string) => `${app.server.url}${boardPath}${boardPath.includes('?') ? '&' : '?'}name=${name}&role=${role}`;
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    await ann.page.goto(url('Ann', 'citizen'));
    await bo.page.goto(url('Bo', 'politician'));
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    await bo.page.locator('.status[data-state="saved"]').waitFor();

    // Bo follows Ann; Ann pans and zooms; Bo's view goes along.
    await bo.page.getByRole('button', { name: 'Følg: Ann' }).click();
    await bo.page.getByText('Du følger Anns udsnit').waitFor();
    await wheel(ann.page, 400, 300);
    await wheel(ann.page, 0, -40, true);
    const target = await view(ann.page);
    await expect.poll(async () => {
      const v = await view(bo.page);
      return Math.abs(v.cx - target.cx) + Math.abs(v.cy - target.cy) + Math.abs(v.zoom - target.zoom) * 100;
    }).toBeLessThan(3);
    expect(await axe(bo.page)).toEqual([]);

    // Bo pans himself: following stops, Ann's next move no longer drags him along.
    await wheel(bo.page, -200, 0);
    await bo.page.getByText('Du følger Anns udsnit').waitFor({ state: 'hidden' });
    const boOwn = await view(bo.page);
    await wheel(ann.page, 300, 0);
    await ann.page.waitForTimeout(400);
    expect(await view(bo.page)).toEqual(boOwn);

    // Ann asks everyone to come to her view. Bo declines: nothing moves.
    await ann.page.getByRole('button', { name: 'Bed alle komme hertil' }).click();
    const ask = bo.page.getByRole('alertdialog');
    await ask.getByText('Ann beder dig komme til sit udsnit af tavlen.').waitFor();
    expect(await axe(bo.page)).toEqual([]);
    await ask.getByRole('button', { name: 'Nej tak' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await view(bo.page)).toEqual(boOwn);

    // She asks again; this time Bo accepts and lands on her view.
    await ann.page.waitForTimeout(20);
    await ann.page.getByRole('button', { name: 'Bed alle komme hertil' }).click();
    await bo.page.getByRole('alertdialog').getByRole('button', { name: 'Gå derhen' }).click();
    const annNow = await view(ann.page);
    await expect.poll(async () => {
      const v = await view(bo.page);
      return Math.abs(v.cx - annNow.cx) + Math.abs(v.cy - annNow.cy);
    }).toBeLessThan(3);

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    await ann.context.close();
    await bo.context.close();
  });
});
