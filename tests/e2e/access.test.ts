import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, person, useApp } from './browser';

/**
 * Access in a real browser: the passcode prompt, the observer's read-only
 * view, the message in a tab whose link was rotated, CSP, and rich text that
 * must stay text.
 */
describe('access in Chromium', () => {
  const app = useApp();

  const setPasscode = async (id: string, editorLink: string, passcode: string) => {
    const key = new URL(editorLink, app.server.url).searchParams.get('k') as string;
    const res = await api(app.server.url, 'PUT', `/api/boards/${id}/access`, { key, body: { passcode } });
    expect(res.status).toBe(200);
  };

  it('asks for the passcode, says when it is wrong, and opens the board with the right one', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Lukket møde', lang: 'da' });
    await setPasscode(id, links.editor, 'kaffe og kage');
    const p = await person(app.browser, 'da-DK');
    const response = await p.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    // The page itself carries the security headers.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');

    const dialog = p.page.getByRole('dialog', { name: 'Tavlen har en adgangskode' });
    await dialog.waitFor();
    expect(await axe(p.page)).toEqual([]);
    await fs.promises.mkdir('.tmp', { recursive: true });
    await p.page.screenshot({ path: '.tmp/e2e-passcode.png' });
    await p.page.getByLabel('Adgangskode', { exact: true }).fill('te og kage');
    await p.page.getByRole('button', { name: 'Åbn tavlen' }).click();
    await p.page.getByRole('alert').filter({ hasText: 'Forkert adgangskode' }).waitFor();
    await p.page.getByLabel('Adgangskode', { exact: true }).fill('kaffe og kage');
    await p.page.getByRole('button', { name: 'Åbn tavlen' }).click();
    await p.page.locator('.status[data-state="saved"]').waitFor();
    expect(await p.page.locator('#board-title').inputValue()).toBe('Lukket møde');
    expect(await dialog.count()).toBe(0);
    // A reload in the same tab remembers the passcode.
    await p.page.reload();
    await p.page.locator('.status[data-state="saved"]').waitFor();
    expect(p.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await p.context.close();
  });

  it('an observer sees a read-only board with a "view only" badge; script-like text stays text', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { title: 'Borgermøde', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    // Hostile text in the title and in a card body.
    const title = '<img src=x onerror="window.__xss=1">';
    await ann.page.locator('#board-title').fill(title);
    await ann.page.getByRole('button', { name: 'Problem' }).click();
    const editor = ann.page.locator('.card-editor');
    await editor.waitFor();
    await editor.pressSequentially('<script>window.__xss=2</script><img src=x onerror=window.__xss=3>');
    await ann.page.keyboard.press('Escape');
    await ann.page.locator('.status[data-state="saved"]').waitFor();

    const screen = await person(app.browser, 'en-GB');
    await screen.page.goto(`${app.server.url}${links.observer}`);
    await screen.page.locator('[data-view-only]').filter({ hasText: 'View only' }).waitFor();
    const card = screen.page.locator('.card[data-kind="problem"]');
    await card.waitFor();
    await expect.poll(() => card.locator('.card-body').innerText()).toContain('<script>window.__xss=2</script>');
    // No join dialog, no toolbar, the title cannot be typed into.
    expect(await screen.page.getByRole('dialog').count()).toBe(0);
    expect(await screen.page.getByRole('button', { name: 'Problem' }).count()).toBe(0);
    expect(await screen.page.locator('#board-title').getAttribute('readonly')).not.toBeNull();
    expect(await screen.page.locator('#board-title').inputValue()).toBe(title);
    // Double-click does not open an editor.
    await card.dblclick();
    await screen.page.waitForTimeout(300);
    expect(await screen.page.locator('.card-editor').count()).toBe(0);
    expect(await axe(screen.page)).toEqual([]);
    await fs.promises.mkdir('.tmp', { recursive: true });
    await screen.page.screenshot({ path: '.tmp/e2e-observer.png' });

    // Nothing ran, and no element was made from the text, in either browser.
    for (const p of [ann, screen]) {
      expect(await p.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await p.page.locator('img[src="x"], .card script').count()).toBe(0);
    }
    expect(document_title_ok(await screen.page.title())).toBe(true);
    expect(ann.errors).toEqual([]);
    expect(screen.errors).toEqual([]);
    await ann.context.close();
    await screen.context.close();
  });

  it('rotating links moves the rotating tab to the new link and tells the old tab why, in its language', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { title: 'Rotation', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    const screen = await person(app.browser, 'en-GB');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await bo.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
    await screen.page.goto(`${app.server.url}${links.observer}`);
    for (const p of [ann, bo, screen]) await p.page.locator('.status[data-state="saved"]').waitFor();

    await ann.page.getByRole('button', { name: 'Del' }).click();
    const share = ann.page.getByRole('dialog', { name: 'Del tavlen' });
    await share.waitFor();
    expect(await ann.page.getByLabel('Link til at redigere', { exact: true }).inputValue()).toBe(`${app.server.url}${links.editor}`);
    expect(await ann.page.getByLabel('Link til at se med', { exact: true }).inputValue()).toBe(`${app.server.url}${links.observer}`);
    expect(await axe(ann.page)).toEqual([]);
    await fs.promises.mkdir('.tmp', { recursive: true });
    await ann.page.screenshot({ path: '.tmp/e2e-share.png' });
    await ann.page.getByRole('button', { name: 'Lav nye links …' }).click();
    await ann.page.getByRole('button', { name: 'Ja, lav nye links og kobl de gamle fra' }).click();
    await share.getByText('Nye links er lavet').waitFor();
    const newEditor = await ann.page.getByLabel('Link til at redigere', { exact: true }).inputValue();
    expect(newEditor).not.toBe(`${app.server.url}${links.editor}`);
    // Ann's tab is on the new link and stays connected.
    expect(new URL(ann.page.url()).searchParams.get('k')).toBe(new URL(newEditor).searchParams.get('k'));
    await ann.page.keyboard.press('Escape');
    await ann.page.locator('.status[data-state="saved"]').waitFor();

    // Bo and the screen are told, in their language, and how to get back in.
    await bo.page.getByRole('dialog', { name: 'Linket er blevet skiftet' }).waitFor();
    await bo.page.getByText('Bed en deltager på tavlen om det nye link').waitFor();
    await screen.page.getByRole('dialog', { name: 'The link was replaced' }).waitFor();
    expect(await axe(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: '.tmp/e2e-rotated.png' });
    // A reload with the old link does not get back in.
    await bo.page.reload();
    await bo.page.getByRole('dialog', { name: 'Linket er blevet skiftet' }).waitFor();
    // The new link does.
    await bo.page.goto(`${newEditor}&name=Bo&role=politician`);
    await bo.page.locator('.status[data-state="saved"]').waitFor();
    expect(ann.errors).toEqual([]);
    for (const p of [ann, bo, screen]) await p.context.close();
  });
});

function document_title_ok(title: string): boolean {
  return title.includes('<img src=x') && title.endsWith('Samskab');
}
