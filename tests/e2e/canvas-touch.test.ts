import type { CDPSession, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createItem, listItems } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, person, typeInEditor, useApp, writeBoard } from './browser';

/**
 * Issue 17: the canvas on a 390×844 phone with touch. The toolbar is one
 * "Værktøjer" button and the method bar one row (not four wrapped rows over
 * the board); no control covers another; pinch zooms and one finger pans
 * (real touch input through the DevTools protocol); three perspectives added
 * from the lens land where they cover nothing.
 */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box');
  return b;
};

/** The camera from the world's transform: translate(x, y) scale(zoom). */
async function camera(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.world').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t);
  if (!m) throw new Error(`no camera in ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** Two points on empty board (what a finger touching there hits is the canvas itself), far enough apart to pinch. */
function emptyPoints(page: Page): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate(() => {
    const c = (document.querySelector('.canvas') as HTMLElement).getBoundingClientRect();
    const out: Array<{ x: number; y: number }> = [];
    for (let y = c.top + 40; y < c.bottom - 40 && out.length < 2; y += 20)
      for (let x = c.left + 60; x < c.right - 60 && out.length < 2; x += 20) {
        const hit = document.elementFromPoint(x, y);
        const free = (hit?.classList.contains('canvas') || hit?.classList.contains('world')) ?? false;
        if (free && (out.length === 0 || Math.abs(y - (out[0] as { y: number }).y) > 120)) out.push({ x, y });
      }
    return out;
  });
}

/** Waits until the view has stopped moving (the world's transform and the canvas's place are the same two frames apart). */
async function settled(page: Page): Promise<void> {
  const frameTransform = () =>
    page.evaluate(() => new Promise<string>((done) => requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const box = (document.querySelector('.canvas') as HTMLElement).getBoundingClientRect();
              done(`${(document.querySelector('.world') as HTMLElement).style.transform} ${box.top} ${box.height}`);
            }),
          ),
        ),
    );
  let last = await frameTransform();
  for (;;) {
    const now = await frameTransform();
    if (now === last) return;
    last = now;
  }
}

const touch = (cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<{ x: number; y: number; id: number }>) =>
  cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });

describe('the canvas on a phone with touch', () => {
  const app = useApp();

  /** A problem with ideas right under it (where its perspectives would go first), opened on a phone in the canvas view. */
  async function openOnPhone() {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Trafik ved skolen', lang: 'da' });
    const key = editorKeyOf(links);
    // A problem with ideas right under it, where its perspectives would go first.
    const problemId = await writeBoard(app.server.url, id, key, (doc) => {
      const p = createItem(doc, { kind: 'problem', x: 0, y: 0, text: 'Børn går over en farlig vej', author: author('politician', 'Bo') });
      for (let i = 0; i < 4; i++) createItem(doc, { kind: 'idea', x: -300 + i * 240, y: 320, text: `Idé ${i + 1}`, author: author('citizen', 'Ann') });
      createItem(doc, { kind: 'idea', x: 420, y: 0, text: 'Skolepatrulje', author: author('citizen', 'Ann') });
      return p;
    });

    const phone = await person(app.browser, 'da-DK', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = phone.page;
    await page.goto(`${app.server.url}${links.editor}&name=Cem&role=business&view=canvas`);
    await page.locator('.status[data-state="saved"]').waitFor();
    await page.locator('.card').first().waitFor();
    return { id, key, problemId, phone, page };
  }

  it('one menu, no overlaps, pinch and pan', async () => {
    const { phone, page } = await openOnPhone();

    // The toolbar is one menu button; the method bar one row.
    const toolbar = page.getByRole('toolbar', { name: 'Samskab' });
    const menu = toolbar.getByRole('button', { name: 'Værktøjer' });
    expect(await toolbar.getByRole('button').count()).toBe(1);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect((await box(toolbar)).height).toBeLessThanOrEqual(60);
    expect((await box(page.locator('.methodbar'))).height).toBeLessThanOrEqual(60);
    await page.screenshot({ path: '/tmp/shots/17-canvas-phone.png' });

    // Tap targets at least 44 × 44 px, text at least 16 px.
    const small = await page.locator('.toolbar button, .zoom-controls button, .methodbar button').evaluateAll((els) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width < 44 || r.height < 44 || parseFloat(getComputedStyle(el).fontSize) < 16;
        })
        .map((el) => el.textContent?.trim() ?? el.tagName),
    );
    expect(small).toEqual([]);

    // A card selected: the selection bar, the toolbar and the zoom buttons do not overlap, menu closed or open.
    await page.locator('.card', { hasText: 'Skolepatrulje' }).tap();
    await page.locator('.selection-bar').waitFor();
    const controls = async () => [await box(toolbar), await box(page.locator('.selection-bar')), await box(page.locator('.zoom-controls')), await box(page.locator('.methodbar'))];
    const noOverlap = (boxes: Box[]) => {
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box), `${i} vs ${j}`).toBe(false);
    };
    noOverlap(await controls());
    await menu.tap();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await toolbar.getByRole('button', { name: 'Idé' }).waitFor();
    noOverlap(await controls());
    await page.screenshot({ path: '/tmp/shots/17-canvas-phone-menu.png' });
    expect(await axe(page)).toEqual([]);
    await menu.tap();
    await toolbar.getByRole('button', { name: 'Idé' }).waitFor({ state: 'hidden' });
    // Tap on empty board: nothing selected any more.
    const [tapAt] = await emptyPoints(page);
    if (!tapAt) throw new Error('no empty board to touch');
    await page.touchscreen.tap(tapAt.x, tapAt.y);
    await page.locator('.selection-bar').waitFor({ state: 'detached' });

    // Pinch: two fingers moving apart zoom in.
    await settled(page);
    const [p1, p2] = await emptyPoints(page);
    if (!p1 || !p2) throw new Error('no empty board to pinch');
    const cdp = await page.context().newCDPSession(page);
    const before = await camera(page);
    const mid = { x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 };
    await touch(cdp, 'touchStart', [{ ...p1, id: 1 }, { ...p2, id: 2 }]);
    for (let k = 1; k <= 5; k++) {
      const f = 1 + k * 0.2;
      await touch(cdp, 'touchMove', [
        { x: mid.x + (p1.x - mid.x) * f, y: mid.y + (p1.y - mid.y) * f, id: 1 },
        { x: mid.x + (p2.x - mid.x) * f, y: mid.y + (p2.y - mid.y) * f, id: 2 },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    await expect.poll(async () => (await camera(page)).zoom / before.zoom).toBeGreaterThan(1.8);
    expect((await camera(page)).zoom / before.zoom).toBeLessThan(2.2);

    // One finger pans the view by what it moved.
    const [q] = await emptyPoints(page);
    if (!q) throw new Error('no empty board to touch');
    const start = await camera(page);
    await touch(cdp, 'touchStart', [{ ...q, id: 3 }]);
    for (let k = 1; k <= 4; k++) await touch(cdp, 'touchMove', [{ x: q.x - 15 * k, y: q.y + 10 * k, id: 3 }]);
    await touch(cdp, 'touchEnd', []);
    await expect.poll(async () => Math.round((await camera(page)).x - start.x)).toBe(-60);
    expect(Math.round((await camera(page)).y - start.y)).toBe(40);
    expect((await camera(page)).zoom).toBe(start.zoom);

    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('three perspectives added from the lens cover neither each other nor other cards', async () => {
    const { id, key, problemId, phone, page } = await openOnPhone();
    // Three perspectives from the lens, one after the other.
    for (const text of ['Forældre', 'Skolen', 'Vejdirektoratet']) {
      await page.getByRole('button', { name: 'Perspektiver', exact: true }).tap();
      const lens = page.getByRole('region', { name: 'Perspektiver på hvert problem' });
      await lens.getByRole('button', { name: /Tilføj mit perspektiv/ }).tap();
      await typeInEditor(page, text);
      await page.keyboard.press('Escape');
      await page.locator('.card.is-editing').waitFor({ state: 'detached' });
    }
    const all = await writeBoard(app.server.url, id, key, (doc) => listItems(doc).items);
    const perspectives = all.filter((i) => i.kind === 'perspective');
    expect(perspectives).toHaveLength(3);
    for (const p of perspectives) {
      expect(p.problemId).toBe(problemId);
      for (const o of all) {
        if (o.id === p.id) continue;
        expect(overlap({ x: p.x, y: p.y, width: p.w, height: p.h }, { x: o.x, y: o.y, width: o.w, height: o.h }), `${p.id} on ${o.kind} ${o.id}`).toBe(false);
      }
    }

    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
