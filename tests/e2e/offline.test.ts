import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listItems } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { createBoardWithLinks, editorKeyOf, person, typeInEditor, useApp, writeBoard } from './browser';

/**
 * Offline work survives the tab (issue 15): a participant goes offline,
 * types, closes the tab, reopens the board online, and the text reaches
 * everyone. Before the browser kept a copy of the board, the text lived only
 * in the closed tab's memory and was gone.
 */
/** The texts in this browser's copy of the board (its IndexedDB updates, decoded here). */
async function localTexts(page: Page): Promise<string[]> {
  const updates = await page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('samskab-board-'));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return [];
      return await new Promise<number[][]>((resolve, reject) => {
        const req = db.transaction('updates').objectStore('updates').getAll();
        req.onsuccess = () => resolve((req.result as Uint8Array[]).map((u) => Array.from(u)));
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  });
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, Uint8Array.from(u));
  return listItems(doc).items.map((i) => readPlainText(i.body));
}

describe('offline edits survive a closed tab', () => {
  const app = useApp();

  it('typed offline, tab closed, reopened online: the text is there for everyone', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Offline' });
    const serverTexts = () => writeBoard(app.server.url, id, editorKeyOf(links), (doc) => listItems(doc).items.map((i) => readPlainText(i.body)));
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    const at = (who: string, role: string) => `${app.server.url}${links.editor}&name=${who}&role=${role}`;
    await ann.page.goto(at('Ann', 'citizen'));
    await bo.page.goto(at('Bo', 'politician'));
    for (const p of [ann.page, bo.page]) await p.locator('.status[data-state="saved"]').waitFor();

    // The card editor's code is fetched right after the board opens, so it works offline too.
    await ann.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/CardEditor-[^/]*\.js$/.test(e.name)));
    // Ann loses the network and writes an idea.
    await ann.context.setOffline(true);
    await ann.page.locator('.status[data-state="reconnecting"], .status[data-state="offline"]').waitFor();
    await ann.page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Idé' }).click();
    await typeInEditor(ann.page, 'Skrevet uden net');
    await ann.page.keyboard.press('Escape');
    await ann.page.locator('.status[data-state="offline"]').waitFor();
    // The browser's copy is written asynchronously (IndexedDB): wait until it holds the whole text, as
    // a person closing the tab a moment later would give it. (Checking only that the database exists let
    // the close abort the last keystroke's write.)
    await expect.poll(() => localTexts(ann.page), { timeout: 10_000 }).toContain('Skrevet uden net');
    // Closing the tab now: the browser warns (unsaved), the person closes anyway.
    await ann.page.close({ runBeforeUnload: false });
    // Nothing reached the server or Bo.
    expect(await serverTexts()).not.toContain('Skrevet uden net');
    expect(await bo.page.locator('.card', { hasText: 'Skrevet uden net' }).count()).toBe(0);

    // Back online, Ann opens the board again in the same browser.
    await ann.context.setOffline(false);
    const again = await ann.context.newPage();
    await again.goto(at('Ann', 'citizen'));
    await again.locator('.card', { hasText: 'Skrevet uden net' }).waitFor();
    await again.locator('.status[data-state="saved"]').waitFor();
    await bo.page.locator('.card', { hasText: 'Skrevet uden net' }).waitFor();
    expect(await serverTexts()).toContain('Skrevet uden net');
    expect([...ann.errors, ...bo.errors].filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(e))).toEqual([]);
  });

  it('an observer link keeps no copy of the board in the browser', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { title: 'Observatør' });
    const obs = await person(app.browser, 'da-DK');
    await obs.page.goto(`${app.server.url}${links.observer}`);
    await obs.page.locator('.status[data-state="saved"]').waitFor();
    const names = await obs.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(names.filter((n) => n.startsWith('samskab-board-'))).toEqual([]);
  });
});
