import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createItem, getItem } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { author } from '../helpers/board';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, person, typeInEditor, useApp, writeBoard } from './browser';

/**
 * Issue 17: a keyboard-only person reaches, opens, edits and votes on a card
 * that the zoomed-out overview draws without DOM (LodLayer), through the card
 * navigator (CardNavigator); others' changes are read out in a polite live
 * region. No mouse after the page has loaded.
 */
const TARGET = 'Lektiecafé på biblioteket';
const COLS = 22;
const ROWS = 20;

/** Presses Tab until `done` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, done: () => boolean, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(done)) return;
  }
  throw new Error('Tab never reached it');
}

describe('keyboard and screen reader in the zoomed-out overview', () => {
  const app = useApp();

  it('reaches a card drawn without DOM, opens it, edits it and gives it a dot; others’ changes are announced', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Mange idéer', lang: 'da' });
    const key = editorKeyOf(links);
    // 440 ideas in a grid: fitted on open, they are far below the overview's zoom and count thresholds.
    // The target first, on its own: the oldest idea heads the ballot.
    const targetId = await writeBoard(app.server.url, id, key, (doc) =>
      createItem(doc, { kind: 'idea', x: 11 * 260, y: 9 * 200, text: TARGET, author: author('politician', 'Bo'), now: Date.now() - 60_000 }),
    );
    await writeBoard(app.server.url, id, key, (doc) => {
      for (let r = 0; r < ROWS; r++)
        for (let c = 0; c < COLS; c++) if (!(r === 9 && c === 11)) createItem(doc, { kind: 'idea', x: c * 260, y: r * 200, text: `Idé ${r}-${c}`, author: author('citizen', 'Ann') });
    });

    const ann = await person(app.browser, 'da-DK');
    const page = ann.page;
    await page.goto(`${app.server.url}${links.editor}&name=Cem&role=public-employee`);
    await page.locator('.status[data-state="saved"]').waitFor();
    // The overview is on: cards are drawn on the 2D layer, the target has no DOM.
    await page.locator('.canvas[data-lod="true"] canvas.lod-layer').waitFor();
    expect(await page.locator(`.card[data-item-id="${targetId}"]`).count()).toBe(0);

    // Keyboard only from here. Tab reaches the navigator (a listbox of the cards in view).
    await tabUntil(page, () => document.activeElement?.getAttribute('role') === 'listbox');
    const list = page.getByRole('listbox', { name: 'Kort i visningen' });
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    const activeText = () => page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.textContent ?? '') : '';
    });
    expect(await activeText()).toMatch(/^Idé – Ann · Borger: Idé 0-0/);
    let steps = 0;
    while (!(await activeText()).includes(TARGET)) {
      await page.keyboard.press('ArrowDown');
      if (++steps > COLS * ROWS) throw new Error('the target never became the active option');
    }
    // Reading order: row 9, column 11 comes after 9 full rows and 11 cards.
    expect(steps).toBe(9 * COLS + 11);
    expect(await activeText()).toBe(`Idé – Bo · Politiker: ${TARGET}`);
    const option = page.locator(`[role="option"][data-nav-id="${targetId}"]`);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await option.getAttribute('aria-posinset')).toBe(String(9 * COLS + 12));
    expect(await option.getAttribute('aria-setsize')).toBe(String(COLS * ROWS));
    await page.screenshot({ path: '/tmp/shots/17-overview-keyboard.png' });
    expect(await axe(page)).toEqual([]);

    // Enter opens it: zoomed in to a readable size, the editor has the focus.
    await page.keyboard.press('Enter');
    await typeInEditor(page, ' – med lektiehjælp');
    await expect.poll(() => page.locator('.card.is-editing').getAttribute('data-item-id')).toBe(targetId);
    await page.keyboard.press('Escape');
    // Back to the overview, the focus on the card just edited.
    await page.locator('.canvas[data-lod="true"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(targetId);
    const edited = `${TARGET} – med lektiehjælp`;
    await expect
      .poll(() =>
        writeBoard(app.server.url, id, key, (doc) => {
          const it = getItem(doc, targetId);
          return it && !('damaged' in it) ? readPlainText(it.body) : null;
        }),
      )
      .toBe(edited);

    // A round started by someone else (the API); the vote panel is reached and used by keyboard.
    const round = await api(app.server.url, 'POST', `/api/boards/${id}/rounds`, { key, body: { dots: 3 } });
    expect(round.status).toBe(201);
    await page.getByRole('button', { name: /Afstemning.*åben/ }).waitFor();
    await tabUntil(page, () => /^Afstemning/.test(document.activeElement?.textContent ?? '') && document.activeElement?.tagName === 'BUTTON');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Prikafstemning' });
    await panel.locator('[data-round-status="open"]').waitFor();
    await tabUntil(page, () => document.activeElement?.getAttribute('aria-label') === 'Giv en prik til Lektiecafé på biblioteket – med lektiehjælp', 60);
    await page.keyboard.press('Enter');
    await panel.getByText('Du har brugt 1 af dine 3 prikker.').waitFor();
    await panel.getByText(/Gemt/).waitFor();
    const roundId = (round.json as { id: string }).id;
    const after = await api(app.server.url, 'GET', `/api/boards/${id}/rounds/${roundId}`, { key });
    expect((after.json as { participation: { voters: number } }).participation.voters).toBe(1);

    // Another program adds an idea: the live region says so, politely, in Danish.
    const live = page.locator('[data-live-announcer]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toBe('');
    await writeBoard(app.server.url, id, key, (doc) => createItem(doc, { kind: 'idea', x: 0, y: -400, text: 'Gratis bus', author: author('business', 'Dina') }));
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toBe('En anden deltager tilføjede en idé: »Gratis bus«');
    // That was the only announcement: Cem's own edit was never told to Cem (alone, or counted in with Dina's).
    expect(await live.getAttribute('data-told')).toBe('1');
    expect(await axe(page)).toEqual([]);
    expect(ann.errors).toEqual([]);
    await ann.context.close();
  });
});
