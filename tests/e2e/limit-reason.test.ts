import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SamskabServer } from '../../server/app';
import { TestClient } from '../helpers/client';
import { createBoard, launchChromium, person, startAppServer } from './browser';

/**
 * When a limit closes the connection, the person is told why, in their
 * language, and gets back in by themselves once the limit allows it: here a
 * board with one seat (MAX_CONNECTIONS_PER_BOARD=1) that someone else holds.
 */
describe('a person is told which limit disconnected them', () => {
  let server: SamskabServer;
  let dataDir: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, dataDir } = await startAppServer({ maxConnectionsPerBoard: 1 }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [locale, text] of [
    ['da-DK', 'Tavlen har så mange deltagere, som den må have'],
    ['en-GB', 'The board has as many participants as allowed'],
  ] as const) {
    it(`board full (4104) in ${locale}: the reason is shown, and the person gets in when a seat frees up`, async () => {
      const id = await createBoard(server.url, { title: 'Fuld tavle' });
      const holder = new TestClient(`${server.url.replace(/^http/, 'ws')}/sync`, id);
      try {
        await holder.waitSynced();
        const { page, context } = await person(browser, locale);
        await page.goto(`${server.url}/b/${id}?name=Ann&role=citizen`);
        const reason = page.locator('.status-reason');
        await reason.waitFor({ timeout: 15_000 });
        expect(await reason.textContent()).toContain(text);
        // The seat frees up: the client reconnects by itself and the reason goes away.
        holder.destroy();
        await page.locator('.status[data-state="saved"]').waitFor({ timeout: 20_000 });
        expect(await page.locator('.status-reason').count()).toBe(0);
        await context.close();
      } finally {
        holder.destroy();
      }
    });
  }
});
