import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, person, useApp, writeBoard } from './browser';

const CARDS = 400;

/**
 * Issue 19: a big board is seen whole before its document has arrived. The sync socket is held
 * back here, so the page can only show what the overview request brought.
 */
describe('the first view of a big board', () => {
  const app = useApp();

  it('draws the overview while the document is on its way, then the board itself', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Høring', lang: 'da' });
    await writeBoard(app.server.url, id, editorKeyOf(links), (d) =>
      d.transact(() => {
        for (let i = 0; i < CARDS; i++) createItem(d, { kind: 'idea', x: (i % 40) * 240, y: Math.floor(i / 40) * 170, author: author('citizen', 'Ann'), text: `Forslag ${i}` });
      }),
    );
    const bo = await person(app.browser, 'da-DK');
    try {
      let release: (() => void) | null = null;
      const held = new Promise<void>((r) => (release = r));
      // The socket is opened only once the overview has arrived (asked at the same moment, it came
      // after the document it was meant to precede).
      let overviewAt = 0;
      let socketAt = 0;
      bo.page.on('response', (res) => {
        if (res.url().endsWith('/overview')) overviewAt = Date.now();
      });
      await bo.page.routeWebSocket(/\/sync\//, async (ws) => {
        socketAt ||= Date.now();
        await held;
        ws.connectToServer();
      });
      await bo.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
      // The overview, framed, with the loading note at the bottom instead of a veil.
      await bo.page.locator(`.canvas[data-overview="${CARDS}"] canvas.overview-preview`).waitFor();
      await expect.poll(() => bo.page.locator('.status').getAttribute('data-state')).toBe('loading');
      expect(await bo.page.locator('.canvas').getAttribute('data-items')).toBe('0');
      await bo.page.locator('.loading.has-overview').waitFor();
      await expect.poll(() => socketAt).toBeGreaterThan(0);
      expect(overviewAt).toBeGreaterThan(0);
      expect(socketAt).toBeGreaterThanOrEqual(overviewAt);
      expect(await bo.page.locator('.empty-hint').count()).toBe(0);
      // Drawn: some of the preview's pixels are not the canvas background.
      // Drawn at the framed camera: most of the canvas's width holds cards (the grid is wider than tall).
      const paintedColumns = () =>
        bo.page.evaluate(() => {
          const c = document.querySelector('canvas.overview-preview') as HTMLCanvasElement;
          const px = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
          const cols = new Set<number>();
          for (let i = 3; i < px.length; i += 4) if ((px[i] as number) > 0) cols.add(((i - 3) / 4) % c.width);
          return cols.size / c.width;
        });
      await expect.poll(paintedColumns, { timeout: 5_000 }).toBeGreaterThan(0.5);
      expect(await axe(bo.page)).toEqual([]);

      (release as unknown as () => void)();
      await bo.page.locator(`.canvas[data-items="${CARDS}"]`).waitFor();
      await expect.poll(() => bo.page.locator('canvas.overview-preview').count()).toBe(0);
      expect(await bo.page.locator('.canvas').getAttribute('data-overview')).toBeNull();
      expect(bo.errors).toEqual([]);
    } finally {
      await bo.context.close();
    }
  });
});
