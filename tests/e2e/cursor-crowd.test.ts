import { describe, expect, it } from 'vitest';
import { writePresenceField, writeUser } from '../../shared/presence';
import { roleInfo } from '../../shared/roles';
import { CURSOR_CAP } from '../../client/src/board/cursorPick';
import { TestClient } from '../helpers/client';
import { createBoardWithLinks, editorKeyOf, person, useApp } from './browser';

/** Issue 19: a crowd on a board draws a bounded number of pointers, while the participant list counts everyone. */
describe('a crowd of remote pointers in Chromium', () => {
  const app = useApp();

  it('draws at most CURSOR_CAP pointers, the most recently moved among them, and lists everyone', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Folkemøde', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    // The part of the board Ann sees, in board coordinates.
    const view = await ann.page.evaluate(() => {
      const canvas = document.querySelector('.canvas') as HTMLElement;
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec((document.querySelector('.world') as HTMLElement).style.transform);
      const [x, y, z] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
      return { x: -x / z, y: -y / z, w: canvas.clientWidth / z, h: canvas.clientHeight / z };
    });

    const crowd: TestClient[] = [];
    const N = CURSOR_CAP + 30;
    try {
      for (let i = 0; i < N; i++) {
        const c = new TestClient(`${app.server.url.replace(/^http/, 'ws')}/sync`, id, { params: { k: editorKeyOf(links) } });
        crowd.push(c);
        writeUser(c.provider.awareness, { name: `P${i}`, role: 'citizen', roleText: '', color: roleInfo('citizen').color, person: `p${i}`, editor: true });
        writePresenceField(c.provider.awareness, 'pointer', { x: view.x + 40 + ((i * 13) % (view.w - 80)), y: view.y + 40 + ((i * 29) % (view.h - 80)) });
      }
      await Promise.all(crowd.map((c) => c.waitSynced()));

      // Everyone is listed and counted; only CURSOR_CAP pointers are drawn.
      await expect.poll(() => ann.page.locator('.presence .count').textContent(), { timeout: 15_000 }).toBe(String(N + 1));
      await expect.poll(() => ann.page.locator('.remote-cursor').count(), { timeout: 15_000 }).toBe(CURSOR_CAP);

      // Someone not drawn moves: now they are drawn (the most recently moved come first).
      const drawn = new Set(await ann.page.locator('.remote-cursor').evaluateAll((els) => els.map((e) => e.getAttribute('data-cursor-name'))));
      const hidden = crowd.findIndex((_c, i) => !drawn.has(`P${i}`));
      expect(hidden).toBeGreaterThanOrEqual(0);
      writePresenceField((crowd[hidden] as TestClient).provider.awareness, 'pointer', { x: view.x + view.w / 2, y: view.y + view.h / 2 });
      await ann.page.locator(`.remote-cursor[data-cursor-name="P${hidden}"]`).waitFor();
      expect(await ann.page.locator('.remote-cursor').count()).toBe(CURSOR_CAP);
      expect(ann.errors).toEqual([]);
    } finally {
      for (const c of crowd) c.destroy();
      await ann.context.close();
    }
  });
});
