import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startServer, type SamskabServer } from '../../server/app';
import { configFromEnv, type ServerConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { buildStormFloodExample } from '../../shared/examples/stormflood';
import { newBoardId } from '../../shared/ids';
import { initBoard } from '../../shared/model/board';
import type * as Y from 'yjs';
import type { RoleId } from '../../shared/roles';
import { TestClient } from '../helpers/client';
import { api } from '../helpers/http';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A real server on port 0 serving the built client, with its own data directory. */
export async function startAppServer(overrides: Partial<ServerConfig> = {}): Promise<{ server: SamskabServer; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-e2e-'));
  // E2E_CLIENT_DIR lets parallel work build and test its own client copy.
  const clientDir = path.resolve(process.env.E2E_CLIENT_DIR ?? 'dist/client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` before the e2e tests (npm test does).');
  }
  // Many tests make boards by id alone (createBoard); OPEN_BOARDS=false is tested on its own.
  const config = { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, clientDir, openBoards: true, ...overrides };
  const server = await startServer(config, createLogger('silent'));
  return { server, dataDir };
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`node scripts/ensure-chromium.mjs\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-sync', '--disable-component-update'],
  });
}

/**
 * One person: an isolated browser context that records page errors. A
 * 1280 × 800 desktop unless `options` say otherwise (a phone: viewport,
 * isMobile, hasTouch, deviceScaleFactor; a big observer screen: viewport).
 */
export async function person(browser: Browser, locale = 'da-DK', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * An *open* board (no access record, reached by its id alone, like the boards
 * of the seed tool; docs/access.md), filled through the sync endpoint and
 * stored before this resolves. Boards with links: createBoardWithLinks.
 */
export async function createBoard(baseUrl: string, body: { title?: string; template?: string; lang?: 'da' | 'en' } = {}): Promise<string> {
  const id = newBoardId();
  const client = new TestClient(`${baseUrl.replace(/^http/, 'ws')}/sync`, id);
  try {
    await client.waitSynced();
    if (body.template === 'stormflood') buildStormFloodExample(client.doc, body.lang ?? 'en');
    else initBoard(client.doc, body.title ?? '');
    await client.waitSaved();
  } finally {
    client.destroy();
  }
  return id;
}

/** A new board with its links (paths with ?k=, docs/access.md). */
export async function createBoardWithLinks(
  baseUrl: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; links: { editor: string; observer: string } }> {
  const res = await api(baseUrl, 'POST', '/api/boards', { body });
  if (res.status !== 201) throw new Error(`create board: HTTP ${res.status}`);
  return res.json as { id: string; links: { editor: string; observer: string } };
}

/** The editor key from an editor link (`/b/<id>?k=…`). */
export const editorKeyOf = (links: { editor: string }): string => new URL(`http://x${links.editor}`).searchParams.get('k') ?? '';

/** Writes to a board through the sync endpoint with its editor key, as another program would; resolves once stored. */
export async function writeBoard<T>(baseUrl: string, boardId: string, key: string, write: (doc: Y.Doc) => T): Promise<T> {
  const client = new TestClient(`${baseUrl.replace(/^http/, 'ws')}/sync`, boardId, { params: { k: key } });
  try {
    await client.waitSynced();
    const out = write(client.doc);
    await client.waitSaved();
    return out;
  } finally {
    client.destroy();
  }
}

export type Person = Awaited<ReturnType<typeof person>>;

/**
 * Each person opens the editor link with a pre-filled name and role, in a
 * browser context of their own; resolves when every page is synced and saved.
 */
export async function joinAs(browser: Browser, baseUrl: string, editorLink: string, people: ReadonlyArray<{ name: string; role: RoleId; locale?: string }>): Promise<Person[]> {
  const out: Person[] = [];
  for (const p of people) {
    const one = await person(browser, p.locale ?? 'da-DK');
    await one.page.goto(`${baseUrl}${editorLink}&name=${encodeURIComponent(p.name)}&role=${p.role}`);
    out.push(one);
  }
  for (const p of out) await p.page.locator('.status[data-state="saved"]').waitFor();
  return out;
}

/** Runs axe-core in the page and returns the violations (id + nodes). */
export async function axe(page: Page): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  const source = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: an inline <script> tag would (rightly) be blocked by our CSP.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Waits until a card editor has keyboard focus, then types. A new card opens
 * its editor asynchronously (lazy chunk, then Tiptap's autofocus); typing
 * before that would lose the first characters.
 */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await page.locator('.card-editor').first().waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('card-editor') === true);
  await page.keyboard.type(text);
}

/**
 * A real server on port 0 and Chromium for one test file: started before its
 * tests, stopped (and the data directory removed) after them.
 */
export function useApp(): { readonly server: SamskabServer; readonly browser: Browser } {
  const app = {} as { server: SamskabServer; browser: Browser; dataDir: string };
  beforeAll(async () => {
    const started = await startAppServer();
    app.server = started.server;
    app.dataDir = started.dataDir;
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
    if (app.dataDir) fs.rmSync(app.dataDir, { recursive: true, force: true });
  });
  return app;
}
