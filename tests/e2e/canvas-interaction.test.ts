import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, typeInEditor, useApp } from './browser';

/**
 * The canvas in real Chromium against a real server: keyboard-only creation and
 * editing, multi-select and moving, connectors that stay attached, and undo
 * that reverts only the person's own changes.
 */

/** A card's box on the board, from its rendered style (board coordinates). */
async function cardBox(page: Page, text: string) {
  return page.locator('.card', { hasText: text }).evaluate((el) => {
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform);
    return { x: Number(m?.[1]), y: Number(m?.[2]), w: parseFloat((el as HTMLElement).style.width), h: parseFloat((el as HTMLElement).style.minHeight), id: el.getAttribute('data-item-id') ?? '' };
  });
}

/** Is (x, y) on the border of the rectangle (within 1 px)? */
function onBorder(r: { x: number; y: number; w: number; h: number }, x: number, y: number): boolean {
  const inX = x >= r.x - 1 && x <= r.x + r.w + 1;
  const inY = y >= r.y - 1 && y <= r.y + r.h + 1;
  const onV = Math.abs(x - r.x) <= 1 || Math.abs(x - (r.x + r.w)) <= 1;
  const onH = Math.abs(y - r.y) <= 1 || Math.abs(y - (r.y + r.h)) <= 1;
  return inX && inY && (onV || onH);
}


async function ready(page: Page) {
  await page.locator('.status[data-state="saved"]').waitFor();
}

describe('canvas interaction in Chromium', () => {
  const app = useApp();

  const url = (boardPath: string, name: string, role: string) => `${app.server.url}${boardPath}${boardPath.includes('?') ? '&' : '?'}name=${name}&role=${role}`;

  it('creates, edits, moves, selects, deletes and restores cards by keyboard alone', async () => {
    const boardId = (await createBoardWithLinks(app.server.url, { title: 'Tastatur', lang: 'da' })).links.editor;
    const ann = await person(app.browser, 'da-DK');
    const { page } = ann;
    await page.goto(url(boardId, 'Ann', 'citizen'));
    await ready(page);

    // N: a new idea, editor open; Escape leaves the editor with the card focused.
    await page.keyboard.press('n');
    await typeInEditor(page, 'Idé A');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('card'))).toBe(true);
    const a0 = await cardBox(page, 'Idé A');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await cardBox(page, 'Idé A')).x).toBe(a0.x - 300);
    await page.keyboard.press('Escape');
    expect(await page.locator('.card.is-selected').count()).toBe(0);

    await page.keyboard.press('n');
    await typeInEditor(page, 'Idé B');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Escape');

    // Tab reaches a card; Enter edits it; typing adds text.
    await page.locator('.card', { hasText: 'Idé A' }).focus();
    await page.keyboard.press('Enter');
    await typeInEditor(page, '');
    await page.keyboard.press('End');
    await page.keyboard.type(' – med cykler');
    await page.keyboard.press('Escape');
    await page.locator('.card', { hasText: 'Idé A – med cykler' }).waitFor();
    // Tab alone reaches the other card (through the selected card's own buttons).
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('.card') === true && document.activeElement.textContent?.includes('Idé B') === true);
    }
    expect(reached).toBe(true);

    // Ctrl+A selects everything; Delete removes it in one step; Ctrl+Z restores both with their text.
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.card.is-selected').count()).toBe(2);
    await page.locator('.selection-bar').getByText('2 valgt').waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.card').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.locator('.card', { hasText: 'Idé A – med cykler' }).waitFor();
    await page.locator('.card', { hasText: 'Idé B' }).waitFor();
    // Ctrl+Y redoes the delete, Ctrl+Z brings it back again.
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.locator('.card').count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.card').count()).toBe(2);

    // Copy/paste and duplicate copy the body text too.
    await page.locator('.card', { hasText: 'Idé B' }).focus();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.locator('.card', { hasText: 'Idé B' }).count()).toBe(2);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.locator('.card', { hasText: 'Idé B' }).count()).toBe(3);

    // "?" opens the shortcut overlay: an accessible dialog; Escape closes it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Tastaturgenveje' });
    await help.waitFor();
    await help.getByText('Fortryd din seneste ændring (aldrig andres)').waitFor();
    // Key names that are words are Danish too.
    await help.getByText('Shift+klik', { exact: true }).waitFor();
    await help.getByText('H / mellemrum', { exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The selection bar passes axe too.
    await page.keyboard.press('Control+a');
    await page.locator('.selection-bar').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(ann.errors).toEqual([]);
    await ann.context.close();
  });

  it('rubber-band and shift-click select several cards, which move together; connectors stay attached', async () => {
    const boardId = (await createBoardWithLinks(app.server.url, { title: 'Flyt', lang: 'da' })).links.editor;
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'en-GB');
    await ann.page.goto(url(boardId, 'Ann', 'citizen'));
    await bo.page.goto(url(boardId, 'Bo', 'politician'));
    await ready(ann.page);
    await ready(bo.page);
    const page = ann.page;

    // A problem, and an idea that addresses it (created while the problem is selected).
    await page.getByRole('button', { name: 'Problem' }).click();
    await typeInEditor(page, 'Trafik');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await typeInEditor(page, 'Cykelsti');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // A third card far away, which the band must not catch.
    await page.keyboard.press('n');
    await typeInEditor(page, 'Andet sted');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Escape');
    // Shift+1: zoom to fit, clear of the floating toolbars.
    await page.keyboard.press('Shift+Digit1');

    // The board's only problem is the default target, so both ideas address it.
    await expect.poll(() => bo.page.locator('.link-addresses').count()).toBe(2);
    const p0 = await cardBox(page, 'Trafik');
    const i0 = await cardBox(page, 'Cykelsti');
    const far0 = await cardBox(page, 'Andet sted');

    // Rubber band around the problem and the idea, on the background.
    const pb = (await page.locator('.card', { hasText: 'Trafik' }).boundingBox())!;
    const ib = (await page.locator('.card', { hasText: 'Cykelsti' }).boundingBox())!;
    const left = Math.min(pb.x, ib.x) - 20;
    const top = Math.min(pb.y, ib.y) - 20;
    const right = Math.max(pb.x + pb.width, ib.x + ib.width) + 20;
    const bottom = Math.max(pb.y + pb.height, ib.y + ib.height) + 10;
    await page.mouse.move(right, top);
    await page.mouse.down();
    await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
    await page.mouse.move(left, bottom, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.card.is-selected').count()).toBe(2);

    // Shift-click adds the far card, shift-click again removes it.
    const far = page.locator('.card', { hasText: 'Andet sted' });
    await far.click({ position: { x: 30, y: 10 }, modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.card.is-selected').count()).toBe(3);
    await far.click({ position: { x: 30, y: 10 }, modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.card.is-selected').count()).toBe(2);

    // Drag the idea by its header: both selected cards move by the same amount, the far one stays.
    const head = page.locator('.card', { hasText: 'Cykelsti' }).locator('.card-head');
    const hb = (await head.boundingBox())!;
    await page.mouse.move(hb.x + 10, hb.y + 5);
    await page.mouse.down();
    await page.mouse.move(hb.x + 60, hb.y + 40, { steps: 5 });
    await page.mouse.move(hb.x + 160, hb.y + 105, { steps: 5 });
    await page.mouse.up();
    const zoom = await page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec((document.querySelector('.world') as HTMLElement).style.transform);
      return Number(m?.[1] ?? 1);
    });
    const dx = Math.round(150 / zoom);
    const dy = Math.round(100 / zoom);
    // Bo sees the move.
    await expect.poll(async () => (await cardBox(bo.page, 'Trafik')).x, { timeout: 5000 }).toBeCloseTo(p0.x + dx, -1);
    const p1 = await cardBox(bo.page, 'Trafik');
    const i1 = await cardBox(bo.page, 'Cykelsti');
    expect(p1.x - p0.x).toBe(i1.x - i0.x);
    expect(p1.y - p0.y).toBe(i1.y - i0.y);
    expect(Math.abs(p1.y - p0.y - dy)).toBeLessThanOrEqual(2);
    expect(await cardBox(bo.page, 'Andet sted')).toMatchObject({ x: far0.x, y: far0.y });

    // The connector follows: its ends sit on the moved cards' borders, on both screens.
    for (const pg of [page, bo.page]) {
      const line = await pg
        .locator(`.link-addresses[data-from="${i1.id}"][data-to="${p1.id}"] line`)
        .evaluate((l) => ['x1', 'y1', 'x2', 'y2'].map((k) => Number(l.getAttribute(k))));
      const [x1, y1, x2, y2] = line as [number, number, number, number];
      expect(onBorder(i1, x1, y1)).toBe(true);
      expect(onBorder(p1, x2, y2)).toBe(true);
    }

    // One Ctrl+Z undoes the whole group move.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await cardBox(bo.page, 'Trafik')).x).toBe(p0.x);
    expect((await cardBox(bo.page, 'Cykelsti')).x).toBe(i0.x);

    // A connector label, from the selection bar (two linked cards selected).
    await page.locator('.card', { hasText: 'Trafik' }).click({ position: { x: 30, y: 10 } });
    await page.locator('.card', { hasText: 'Cykelsti' }).click({ position: { x: 30, y: 10 }, modifiers: ['Shift'] });
    await page.getByLabel('Tekst på forbindelsen').fill('halverer bilerne');
    await bo.page.locator('.link-addresses text', { hasText: 'halverer bilerne' }).waitFor();

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    await ann.context.close();
    await bo.context.close();
  });

  it('connects two ideas with "builds on" from the selection bar', async () => {
    const boardId = (await createBoardWithLinks(app.server.url, { title: 'Forbind', lang: 'en' })).links.editor;
    const ann = await person(app.browser, 'en-GB');
    const { page } = ann;
    await page.goto(url(boardId, 'Ann', 'citizen'));
    await ready(page);
    for (const [text, key] of [['First idea', 'Shift+ArrowLeft'], ['Second idea', 'Shift+ArrowRight']] as const) {
      await page.keyboard.press('n');
      await typeInEditor(page, text);
      await page.keyboard.press('Escape');
      for (let i = 0; i < 6; i++) await page.keyboard.press(key);
      await page.keyboard.press('Escape');
    }
    await page.locator('.card', { hasText: 'First idea' }).click({ position: { x: 30, y: 10 } });
    await page.locator('.card', { hasText: 'Second idea' }).click({ position: { x: 30, y: 10 }, modifiers: ['Shift'] });
    await page.getByRole('button', { name: /Builds on/ }).click();
    const first = await cardBox(page, 'First idea');
    const second = await cardBox(page, 'Second idea');
    // The idea selected first builds on the one added to the selection (issue 13: this stored the reverse).
    await page.locator(`.link-builds-on[data-from="${first.id}"][data-to="${second.id}"]`).waitFor();
    await page.locator('.link-builds-on text', { hasText: 'builds on' }).waitFor();
    expect(ann.errors).toEqual([]);
    await ann.context.close();
  });

  it('a frame groups the cards inside it: moving the frame moves them', async () => {
    const boardPath = (await createBoardWithLinks(app.server.url, { title: 'Rammer', lang: 'da' })).links.editor;
    const ann = await person(app.browser, 'da-DK');
    const { page } = ann;
    await page.goto(url(boardPath, 'Ann', 'citizen'));
    await ready(page);
    await page.getByRole('button', { name: 'Ramme' }).click();
    await typeInEditor(page, 'Fase 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await typeInEditor(page, 'Indeni');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const f0 = await cardBox(page, 'Fase 1');
    const i0 = await cardBox(page, 'Indeni');
    expect(i0.x).toBeGreaterThanOrEqual(f0.x);
    const head = page.locator('.card-frame .card-head');
    const hb = (await head.boundingBox())!;
    await page.mouse.move(hb.x + 10, hb.y + 5);
    await page.mouse.down();
    await page.mouse.move(hb.x + 60, hb.y + 40, { steps: 4 });
    await page.mouse.move(hb.x + 90, hb.y + 70, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await cardBox(page, 'Fase 1')).x).not.toBe(f0.x);
    const f1 = await cardBox(page, 'Fase 1');
    const i1 = await cardBox(page, 'Indeni');
    expect([i1.x - i0.x, i1.y - i0.y]).toEqual([f1.x - f0.x, f1.y - f0.y]);
    expect(ann.errors).toEqual([]);
    await ann.context.close();
  });

  it("undo is per participant: my Ctrl+Z never reverts a co-participant's edit", async () => {
    const boardId = (await createBoardWithLinks(app.server.url, { title: 'Fortryd', lang: 'da' })).links.editor;
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    await ann.page.goto(url(boardId, 'Ann', 'citizen'));
    await bo.page.goto(url(boardId, 'Bo', 'politician'));
    await ready(ann.page);
    await ready(bo.page);

    // Ann creates her card and moves it right.
    await ann.page.keyboard.press('n');
    await typeInEditor(ann.page, 'Anns kort');
    await ann.page.keyboard.press('Escape');
    await ann.page.keyboard.press('Escape');
    await bo.page.locator('.card', { hasText: 'Anns kort' }).waitFor();
    const a0 = await cardBox(ann.page, 'Anns kort');
    await ann.page.locator('.card', { hasText: 'Anns kort' }).focus();
    for (let i = 0; i < 4; i++) await ann.page.keyboard.press('Shift+ArrowRight');
    await ann.page.keyboard.press('Escape');
    await expect.poll(async () => (await cardBox(bo.page, 'Anns kort')).x).toBe(a0.x + 200);

    // Bo creates his own card, and moves Ann's card down.
    await bo.page.keyboard.press('n');
    await typeInEditor(bo.page, 'Bos kort');
    await bo.page.keyboard.press('Escape');
    for (let i = 0; i < 8; i++) await bo.page.keyboard.press('Shift+ArrowLeft');
    await bo.page.keyboard.press('Escape');
    await bo.page.locator('.card', { hasText: 'Anns kort' }).focus();
    for (let i = 0; i < 3; i++) await bo.page.keyboard.press('Shift+ArrowDown');
    await bo.page.keyboard.press('Escape');
    await ann.page.locator('.card', { hasText: 'Bos kort' }).waitFor();
    await expect.poll(async () => (await cardBox(ann.page, 'Anns kort')).y).toBe(a0.y + 150);

    // Ann undoes: her move is reverted (x), Bo's move of the same card stays (y), Bo's card stays.
    await ann.page.locator('.canvas').focus();
    await ann.page.keyboard.press('Control+z');
    await expect.poll(async () => (await cardBox(bo.page, 'Anns kort')).x).toBe(a0.x);
    expect((await cardBox(bo.page, 'Anns kort')).y).toBe(a0.y + 150);
    // Undo again: her card's creation is undone; Bo's card is untouched.
    await ann.page.keyboard.press('Control+z');
    await expect.poll(() => bo.page.locator('.card', { hasText: 'Anns kort' }).count()).toBe(0);
    await ann.page.keyboard.press('Control+z');
    await ann.page.keyboard.press('Control+z');
    expect(await bo.page.locator('.card', { hasText: 'Bos kort' }).count()).toBe(1);
    expect(await ann.page.locator('.card', { hasText: 'Bos kort' }).count()).toBe(1);

    // Bo's undo reverts only his own: his card goes; Ann's redo brings hers back.
    await bo.page.locator('.canvas').focus();
    await bo.page.keyboard.press('Control+z');
    await bo.page.keyboard.press('Control+z');
    await expect.poll(() => ann.page.locator('.card', { hasText: 'Bos kort' }).count()).toBe(0);
    await ann.page.keyboard.press('Control+y');
    await bo.page.locator('.card', { hasText: 'Anns kort' }).waitFor();

    // Inside an editor, Ctrl+Z undoes text, not canvas changes.
    await ann.page.locator('.card', { hasText: 'Anns kort' }).dblclick();
    await typeInEditor(ann.page, '');
    await ann.page.keyboard.press('End');
    await ann.page.keyboard.type(' XYZ');
    await bo.page.locator('.card', { hasText: 'Anns kort XYZ' }).waitFor();
    await ann.page.keyboard.press('Control+z');
    await expect.poll(() => bo.page.locator('.card', { hasText: 'XYZ' }).count()).toBe(0);
    expect(await ann.page.locator('.card', { hasText: 'Anns kort' }).count()).toBe(1);

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    await ann.context.close();
    await bo.context.close();
  });
});
