import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { MOUNT_BUDGET } from '../../client/src/board/canvas/useMountBudget';
import { author } from '../helpers/board';
import { createBoardWithLinks, editorKeyOf, person, useApp, writeBoard } from './browser';

const CARDS = 250;

/**
 * Issue 19: a view that brings hundreds of cards into the DOM at once (opening a board, zooming
 * out) mounts at most MOUNT_BUDGET of them per commit; the others are drawn as placeholders
 * until their turn, and the view is complete a few frames later.
 */
describe('cards entering the view are mounted a share per frame', () => {
  const app = useApp();

  it(`opening a ${CARDS}-card board mounts at most ${MOUNT_BUDGET} cards per commit, shows the rest as placeholders, then all of them`, async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Mange kort', lang: 'da' });
    // A grid that "fit to content" shows whole, above the overview's zoom (fewer than its 300 cards).
    await writeBoard(app.server.url, id, editorKeyOf(links), (d) =>
      d.transact(() => {
        for (let i = 0; i < CARDS; i++) createItem(d, { kind: 'idea', x: (i % 25) * 230, y: Math.floor(i / 25) * 150, author: author('citizen', 'Ann'), text: `Kort ${i}` });
      }),
    );
    const ann = await person(app.browser, 'da-DK');
    try {
      // From the first script on: the cards each commit adds (a MutationObserver batch follows one commit),
      // and whether the placeholder layer was ever up.
      await ann.page.addInitScript(() => {
        const w = window as unknown as { __adds: number[]; __placeholders: boolean };
        w.__adds = [];
        w.__placeholders = false;
        new MutationObserver((records) => {
          let n = 0;
          for (const r of records) for (const node of r.addedNodes) if (node instanceof HTMLElement && node.matches('.card[data-item-id]')) n++;
          if (n > 0) w.__adds.push(n);
          if (document.querySelector('canvas.placeholder-layer')) w.__placeholders = true;
        }).observe(document, { childList: true, subtree: true });
      });
      await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
      await ann.page.locator(`.canvas[data-items="${CARDS}"]`).waitFor();
      // Complete: every card wanted is DOM, no placeholder is left.
      await expect.poll(() => ann.page.locator('.card[data-item-id]').count(), { timeout: 15_000 }).toBe(CARDS);
      expect(await ann.page.locator('.canvas').getAttribute('data-mounted')).toBe(String(CARDS));
      expect(await ann.page.locator('canvas.placeholder-layer').count()).toBe(0);
      const seen = await ann.page.evaluate(() => {
        const w = window as unknown as { __adds: number[]; __placeholders: boolean };
        return { adds: w.__adds, placeholders: w.__placeholders };
      });
      expect(Math.max(...seen.adds)).toBeLessThanOrEqual(MOUNT_BUDGET);
      expect(seen.adds.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(CARDS);
      expect(seen.placeholders).toBe(true);
      expect(ann.errors).toEqual([]);
    } finally {
      await ann.context.close();
    }
  });
});
