import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, useApp, type Person } from './browser';

/**
 * Layout of the board page with panels open (issue 13 item 6, "Panels collide"),
 * measured as a user would meet it: what is on top at the middle of a button
 * (document.elementFromPoint), and where things are (bounding boxes), at
 * 1366×768 and 1280×800 laptops and a 390×844 phone.
 */
const LONG_NAME = 'Marie-Louise Rasmussen-Kristoffersen';
const TOOL_PANELS = ['Perspektiver', 'Mål', 'Værdi', 'Afstemning', 'Evaluering'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The elements among `targets` that something else covers at their centre (their text, for the message). */
function covered(targets: Locator): Promise<string[]> {
  return targets.evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !hit || !el.contains(hit);
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName),
  );
}

/**
 * Like covered(), but each target is first scrolled into view inside its
 * scrolling container: a long popover clips its lower buttons until scrolled,
 * which is not the same as something lying on top of them.
 */
function coveredWhenScrolledTo(targets: Locator): Promise<string[]> {
  return targets.evaluateAll((els) =>
    els
      .filter((el) => {
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !hit || !el.contains(hit);
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName),
  );
}

/** The elements among `targets` not wholly inside the viewport. */
function offScreen(targets: Locator): Promise<string[]> {
  return targets.evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName),
  );
}

const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box');
  return b;
};

const cardBoxes = (page: Page) => page.locator('.card').evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent?.slice(0, 30) ?? '' }; }));

async function open(app: ReturnType<typeof useApp>, size: { width: number; height: number }, others: string[] = []) {
  const { links } = await createBoardWithLinks(app.server.url, { template: 'stormflood', lang: 'da' });
  // Others present, so that a proposal waits for them (alone, it passes at once).
  const present: Person[] = [];
  for (const name of others) {
    const o = await person(app.browser, 'da-DK');
    present.push(o);
    await o.page.goto(`${app.server.url}${links.editor}&name=${encodeURIComponent(name)}&role=politician`);
    await o.page.locator('.status[data-state="saved"]').waitFor();
  }
  // The window has its size before the board opens: the first view is framed for it.
  const p = await person(app.browser, 'da-DK');
  await p.page.setViewportSize(size);
  await p.page.goto(`${app.server.url}${links.editor}&name=${encodeURIComponent(LONG_NAME)}&role=citizen&view=canvas`);
  await p.page.locator('.status[data-state="saved"]').waitFor();
  await p.page.locator('.card').first().waitFor();
  return {
    ...p,
    others: present,
    async close() {
      for (const o of [p, ...present]) await o.context.close();
    },
  };
}

describe('panel layout in Chromium', () => {
  const app = useApp();

  it('a long name never pushes the language switch or other top-bar controls off screen (1366 and 1280 wide)', async () => {
    const p = await open(app, { width: 1366, height: 768 });
    const page = p.page;
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      const lang = page.getByRole('group', { name: 'Sprog' });
      const b = await box(lang);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(size.width);
      expect(await offScreen(page.locator('.topbar button, .topbar input, .topbar .status'))).toEqual([]);
      expect(await covered(page.locator('.topbar button'))).toEqual([]);
    }
    // The name is cut short on screen but whole in the button's name and tooltip.
    const me = page.getByRole('button', { name: new RegExp(LONG_NAME) });
    expect(await me.getAttribute('title')).toContain(LONG_NAME);
    expect(await me.locator('.identity-name').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: '.tmp/panels-topbar-1280.png' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('each side panel docks beside the canvas: the add-card toolbar stays uncovered, Close stays in view', async () => {
    const p = await open(app, { width: 1366, height: 768 });
    const page = p.page;
    const toolbarButtons = page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button');
    expect(await toolbarButtons.count()).toBeGreaterThan(8);
    expect(await covered(toolbarButtons)).toEqual([]);

    const check = async (name: string, panel: Locator) => {
      await panel.waitFor();
      // Nothing of the toolbar is covered, and the panel shares no pixel with the canvas.
      expect(await covered(toolbarButtons), name).toEqual([]);
      expect(await offScreen(toolbarButtons), name).toEqual([]);
      const pb = await box(panel);
      expect(overlap(pb, await box(page.locator('.canvas'))), name).toBe(false);
      expect(pb.y + pb.height, name).toBeLessThanOrEqual(768);
      // Scrolled to the bottom, its Close button is still on screen and on top.
      const scrolled = await panel.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        return el.scrollTop;
      });
      // The goals panel is longer than the screen: it really scrolled.
      if (name === 'Mål') expect(scrolled).toBeGreaterThan(100);
      const close = panel.getByRole('button', { name: 'Luk' }).first();
      expect(await offScreen(close), name).toEqual([]);
      expect(await covered(close), name).toEqual([]);
    };

    for (const name of TOOL_PANELS) {
      await page.locator('.methodbar-tools').getByRole('button', { name, exact: true }).click();
      const panel = page.locator('.co-panel');
      await check(name, panel);
      if (name === 'Mål') {
        await page.screenshot({ path: '.tmp/panels-goals-1366.png' });
        expect(await axe(page)).toEqual([]);
      }
      await panel.getByRole('button', { name: 'Luk' }).first().click();
      await panel.waitFor({ state: 'detached' });
    }

    // The comments panel, opened from a card, docks the same way.
    await page.locator('.card.card-idea').first().click();
    await page.getByRole('button', { name: 'Kommentarer' }).click();
    await check('Kommentarer', page.getByRole('region', { name: 'Kommentarer' }));
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('"Foreslå …" opens above an open side panel, and a proposal shows beside it, under the toolbar', async () => {
    const p = await open(app, { width: 1366, height: 768 }, ['Bo']);
    const page = p.page;
    await page.locator('.ph-count[data-present="2"]').waitFor();
    await page.locator('.methodbar-tools').getByRole('button', { name: 'Evaluering', exact: true }).click();
    await page.getByRole('region', { name: 'Evaluering' }).waitFor();
    await page.getByRole('button', { name: 'Foreslå …' }).click();
    const popover = page.getByRole('region', { name: 'Forløb, forslag og tid' });
    await popover.waitFor();
    // Topmost at its middle and at its buttons: the click visibly did something.
    expect(await covered(popover)).toEqual([]);
    expect(await coveredWhenScrolledTo(popover.getByRole('button'))).toEqual([]);
    await popover.evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.screenshot({ path: '.tmp/panels-propose-1366.png' });
    expect(await axe(page)).toEqual([]);
    // It is longer than the screen; scrolled to the bottom, its Close stays in view.
    expect(await popover.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      return el.scrollTop;
    })).toBeGreaterThan(0);
    expect(await covered(popover.getByRole('button', { name: 'Luk' }))).toEqual([]);
    expect(await offScreen(popover.getByRole('button', { name: 'Luk' }))).toEqual([]);
    await popover.evaluate((el) => {
      el.scrollTop = 0;
    });

    await popover.getByRole('button', { name: /^Foreslå at gå videre til/ }).click();
    const prompt = page.getByRole('region', { name: 'Forslag' });
    await prompt.waitFor();
    expect(await covered(prompt)).toEqual([]);
    expect(await covered(prompt.getByRole('button'))).toEqual([]);
    expect(await offScreen(prompt)).toEqual([]);
    expect(overlap(await box(prompt), await box(page.getByRole('region', { name: 'Evaluering' })))).toBe(false);
    expect(await covered(page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button'))).toEqual([]);
    await page.screenshot({ path: '.tmp/panels-proposal-1366.png' });
    // A short name at 1280 px (Bo's screen) is shown whole, and the top bar fits too.
    const bo = p.others[0]!.page;
    expect(await bo.locator('.identity-name').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await offScreen(bo.locator('.topbar button'))).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('"Vis alt" and the first view fit the board into the canvas area nothing floats over', async () => {
    const p = await open(app, { width: 1366, height: 768 });
    const page = p.page;
    const clearOf = async (what: string) => {
      const canvas = await box(page.locator('.canvas'));
      const covers = await Promise.all(['.sidebar', '.toolbar', '.minimap', '.zoom-controls'].map(async (sel) => [sel, await box(page.locator(sel))] as const));
      const cards = await cardBoxes(page);
      expect(cards.length, what).toBeGreaterThan(10);
      for (const c of cards) {
        for (const [sel, b] of covers) expect(overlap(c, b), `${what}: "${c.text}" under ${sel}`).toBe(false);
        expect(c.x >= canvas.x && c.y >= canvas.y && c.x + c.width <= canvas.x + canvas.width && c.y + c.height <= canvas.y + canvas.height, `${what}: "${c.text}" in the canvas`).toBe(true);
      }
    };
    await clearOf('first view');
    const fit = page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Vis alt' });
    for (const size of [{ width: 1280, height: 800 }, { width: 1366, height: 768 }]) {
      await page.setViewportSize(size);
      await fit.click();
      await clearOf(`Vis alt at ${size.width}×${size.height}`);
      await page.screenshot({ path: `.tmp/panels-fit-${size.width}.png` });
    }
    const zoomOf = () => page.locator('.world').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
    const before = await zoomOf();

    // The sidebar folds away (and says so to assistive technology); then the board may use the room.
    const sidebar = page.getByRole('complementary', { name: 'Deltagere' });
    const toggle = sidebar.getByRole('button', { name: 'Fold sammen' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    const show = sidebar.getByRole('button', { name: 'Fold ud' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    // Folded, its head is small and says how many are here.
    expect((await box(sidebar)).height).toBeLessThan(60);
    expect(await sidebar.locator('.sidebar-folded').textContent()).toMatch(/Deltagere\s*1/);
    await fit.click();
    await clearOf('Vis alt, sidebar folded');
    expect(await zoomOf()).toBeGreaterThanOrEqual(before);
    await page.screenshot({ path: '.tmp/panels-fit-folded-1366.png' });
    expect(await axe(page)).toEqual([]);
    // A click anywhere on the folded head opens it again.
    const head = await box(sidebar);
    await page.mouse.click(head.x + 30, head.y + head.height / 2);
    await sidebar.getByRole('button', { name: 'Fold sammen' }).waitFor();

    // With a panel docked, "Vis alt" fits into the narrower canvas.
    await page.locator('.methodbar-tools').getByRole('button', { name: 'Mål', exact: true }).click();
    await page.locator('.co-panel').waitFor();
    await fit.click();
    await clearOf('Vis alt, panel open');
    await page.screenshot({ path: '.tmp/panels-fit-panel-1366.png' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('on a 390×844 phone the panel and the toolbar share the screen and the top bar stays reachable', async () => {
    const p = await open(app, { width: 390, height: 844 });
    const page = p.page;
    await page.locator('.methodbar-tools').getByRole('button', { name: 'Mål', exact: true }).click();
    const panel = page.locator('.co-panel');
    await panel.waitFor();
    const toolbarButtons = page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button');
    expect(await covered(toolbarButtons)).toEqual([]);
    expect(await offScreen(toolbarButtons)).toEqual([]);
    expect(await offScreen(page.locator('.topbar button'))).toEqual([]);
    await panel.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    expect(await covered(panel.getByRole('button', { name: 'Luk' }).first())).toEqual([]);
    await page.screenshot({ path: '.tmp/panels-phone.png' });
    expect(await axe(page)).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
