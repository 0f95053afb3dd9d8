import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { applyProposal, propose } from '../../shared/cocreation/session';
import { ROLES } from '../../shared/roles';
import { api } from '../helpers/http';
import { createBoardWithLinks, editorKeyOf, joinAs, person, typeInEditor, useApp, writeBoard } from './browser';
import { decodeQr } from './qr';

/**
 * Joining by QR code (issue 17) in Chromium: the share panel's codes are
 * decoded from the pixels on screen (jsQR) and a phone opens the decoded link
 * and joins; the printed sheet has one code per role carrying `role=`; the
 * presenter view shows the board live and is never counted as a participant.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SHOTS = '/tmp/shots';

/** axe-core's serious and critical violations in the page. */
async function seriousViolations(page: Page): Promise<Array<{ id: string; targets: string[] }>> {
  await page.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Nothing on the page scrolls, and nothing the room reads is cut off at the edges. */
const fitsScreen = (page: Page) =>
  page.evaluate(() => {
    const scrolls = document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth;
    const shown = document.querySelectorAll('.pr-title, .pr-timer, .pr-phase-name, .pr-question, .pr-role, .pr-count, .pr-qr, .pr-join-steps');
    const cut = [...shown].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
    });
    return !scrolls && cut.length === 0;
  });

describe('join by QR code in Chromium', () => {
  const app = useApp();

  it('share panel codes decode to the links, a phone joins from one; the sheet has a code per role; the presenter view is live and not counted', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const base = app.server.url;
    const { id, links } = await createBoardWithLinks(base, { title: 'Borgermøde om havnen', lang: 'da' });
    const editorLink = new URL(links.editor, base).href;
    const key = editorKeyOf(links);

    // Ann, the facilitator, opens the share panel.
    const [ann] = await joinAs(app.browser, base, links.editor, [{ name: 'Ann', role: 'public-employee' }]);
    if (!ann) throw new Error('no Ann');
    await ann.page.getByRole('button', { name: 'Del', exact: true }).click();
    const panel = ann.page.getByRole('dialog', { name: 'Del tavlen' });
    const editorQr = panel.getByRole('img', { name: /^QR-kode til redigeringslinket/ });
    const observerQr = panel.getByRole('img', { name: /^QR-kode til kun-se-linket/ });
    await editorQr.waitFor();
    await observerQr.waitFor();
    // Big enough to scan from a screen at arm's length.
    expect((await editorQr.boundingBox())?.width).toBeGreaterThanOrEqual(200);
    const decoded = await decodeQr(editorQr);
    expect(decoded).toBe(editorLink);
    expect(await decodeQr(observerQr)).toBe(new URL(links.observer, base).href);
    // Each code has its link beside it as text.
    await panel.getByText(editorLink, { exact: true }).waitFor();
    expect(await seriousViolations(ann.page)).toEqual([]);
    await panel.locator('.qr-pages').scrollIntoViewIfNeeded();
    await ann.page.screenshot({ path: `${SHOTS}/17-share-panel.png` });

    // The printable sheet, from the panel's link (a new tab).
    const [sheet] = await Promise.all([ann.context.waitForEvent('page'), panel.getByRole('link', { name: /QR-ark til udskrift/ }).click()]);
    await sheet.locator('.qr-card').first().waitFor();
    expect(new URL(sheet.url()).pathname).toBe(`/b/${id}/qr`);
    const cards = sheet.locator('.qr-card');
    expect(await cards.count()).toBe(ROLES.length);
    for (const role of ROLES) {
      const card = sheet.locator(`.qr-card[data-role="${role.id}"]`);
      await card.getByRole('heading', { name: role.da, exact: true }).waitFor();
      const url = new URL(await decodeQr(card.getByRole('img', { name: `QR-kode: deltag på tavlen som ${role.da}` })));
      expect(url.origin + url.pathname).toBe(`${base}/b/${id}`);
      expect(url.searchParams.get('k')).toBe(key);
      expect(url.searchParams.get('role')).toBe(role.id);
      // Never a name: each person types their own.
      expect(url.searchParams.has('name')).toBe(false);
    }
    // No passcode on this board: no passcode line unless the facilitator asks for one.
    expect(await sheet.locator('.qr-card-passcode').count()).toBe(0);
    expect(await seriousViolations(sheet)).toEqual([]);
    await sheet.setViewportSize({ width: 794, height: 1123 });
    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('.qr-sheet-controls').isVisible()).toBe(false);
    await sheet.evaluate(() => window.scrollTo(0, 0));
    await sheet.screenshot({ path: `${SHOTS}/17-qr-sheet.png` });
    await sheet.close();

    // The projector: the presenter view from the panel's link, on a 1920 × 1080 screen.
    const projector = await person(app.browser, 'da-DK', { viewport: { width: 1920, height: 1080 } });
    const presentHref = await panel.getByRole('link', { name: /Præsentationsvisning/ }).getAttribute('href');
    expect(presentHref).toBe(`/b/${id}/present?k=${key}`);
    const pv = projector.page;
    await pv.goto(`${base}${presentHref}`);
    await pv.getByRole('heading', { level: 1, name: 'Borgermøde om havnen' }).waitFor();
    await pv.getByRole('heading', { name: 'Problemforståelse' }).waitFor();
    await pv.getByText('Hvad er problemet – set fra din stol?').waitFor();
    await pv.getByText('Fase 1 af 6').waitFor();
    const people = pv.locator('.pr-people');
    await expect.poll(() => people.getAttribute('data-people')).toBe('1');
    expect(await pv.locator('.pr-role[data-role="public-employee"]').getAttribute('data-n')).toBe('1');
    expect(await pv.locator('.pr-problems').getAttribute('data-n')).toBe('0');
    expect(await decodeQr(pv.getByRole('img', { name: 'QR-kode: link til tavlen' }))).toBe(editorLink);

    // A phone opens the decoded link from the share panel and joins the board.
    const phone = await person(app.browser, 'da-DK', PHONE);
    await phone.page.goto(decoded);
    const join = phone.page.getByRole('dialog', { name: 'Hvem er du på tavlen?' });
    await join.waitFor();
    await join.getByLabel('Dit navn').fill('Mia');
    await join.getByRole('radio', { name: 'Borger' }).check();
    await join.getByRole('button', { name: 'Gå til tavlen' }).click();
    await phone.page.locator('.status[data-state="saved"]').waitFor();
    // The projector sees her at once.
    await expect.poll(() => people.getAttribute('data-people')).toBe('2');
    await pv.locator('.pr-role[data-role="citizen"][data-n="1"]').waitFor();

    // Bo joins at a laptop and adds a card: the counts on the projector follow live.
    const [bo] = await joinAs(app.browser, base, links.editor, [{ name: 'Bo', role: 'politician' }]);
    if (!bo) throw new Error('no Bo');
    await expect.poll(() => people.getAttribute('data-people')).toBe('3');
    await bo.page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Problem', exact: true }).click();
    await typeInEditor(bo.page, 'For lidt læ ved havnen');
    await bo.page.keyboard.press('Escape');
    await bo.page.locator('.status[data-state="saved"]').waitFor();
    await expect.poll(() => pv.locator('.pr-problems').getAttribute('data-n')).toBe('1');
    await pv.getByText('1 problem', { exact: false }).first().waitFor();

    // The presenter view is never a participant: Ann's phase strip counts three people present.
    // (Its presence went out when it connected, before Bo's card; Ann has that card, so she has it too.)
    await ann.page.keyboard.press('Escape');
    await ann.page.locator('.card[data-kind="problem"]').waitFor();
    await expect.poll(() => ann.page.locator('.ph-count').getAttribute('data-present')).toBe('3');
    // Nor is it listed among the participants (Ann, Mia and Bo; no "Præsentation").
    const listed = ann.page.getByRole('region', { name: 'Deltagere' }).locator('li[data-presence-name]');
    await expect.poll(() => listed.count()).toBe(3);

    // A timer the group agreed on runs on the projector too (set here as the phase strip would, after consent).
    await writeBoard(base, id, key, (doc) => {
      const by = { key: 'facilitatorKey0001', role: 'public-employee' as const, name: 'Ann', roleText: '' };
      applyProposal(doc, propose(doc, { kind: 'timer', minutes: 10 }, by, Date.now()), Date.now());
    });
    await pv.getByRole('timer').filter({ hasText: 'Tid tilbage' }).waitFor();
    expect(Number(await pv.getByRole('timer').getAttribute('data-left-ms'))).toBeGreaterThan(8 * 60_000);

    // Fits a projector without scrolling, at 1920 × 1080 and 1280 × 720; large type.
    expect(await fitsScreen(pv)).toBe(true);
    const px = (sel: string) => pv.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('.pr-title')).toBeGreaterThanOrEqual(48);
    expect(await px('.pr-count .pr-num')).toBeGreaterThanOrEqual(32);
    expect(await px('.pr-role .pr-num')).toBeGreaterThanOrEqual(32);
    expect(await seriousViolations(pv)).toEqual([]);
    await pv.screenshot({ path: `${SHOTS}/17-presenter-1920.png` });
    await pv.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => fitsScreen(pv)).toBe(true);
    expect(await px('.pr-title')).toBeGreaterThanOrEqual(48);
    expect(await px('.pr-count .pr-num')).toBeGreaterThanOrEqual(32);
    await pv.screenshot({ path: `${SHOTS}/17-presenter-1280.png` });

    const errors = [...ann.errors, ...phone.errors, ...bo.errors, ...projector.errors].filter((e) => !/Failed to load resource/.test(e));
    expect(errors).toEqual([]);
    for (const p of [ann, phone, bo, projector]) await p.context.close();
  });

  it('the sheet of a board with a passcode says to ask for it and prints it only when typed; no role chosen is refused', async () => {
    const base = app.server.url;
    const { id, links } = await createBoardWithLinks(base, { title: 'Lukket workshop', lang: 'da' });
    const key = editorKeyOf(links);
    const res = await api(base, 'PUT', `/api/boards/${id}/access`, { key, body: { passcode: 'kaffe og kage' } });
    expect(res.status).toBe(200);

    const p = await person(app.browser, 'da-DK');
    await p.page.goto(`${base}/b/${id}/qr?k=${key}`);
    await p.page.getByLabel('Adgangskode', { exact: true }).fill('kaffe og kage');
    await p.page.getByRole('button', { name: 'Åbn tavlen' }).click();
    await p.page.locator('.qr-card').first().waitFor();
    const lines = p.page.locator('.qr-card-passcode');
    // On by default for a board with a passcode, saying to ask: the passcode itself is nowhere on the sheet.
    expect(await lines.count()).toBe(ROLES.length);
    expect(await lines.first().innerText()).toBe('Adgangskode: spørg facilitatoren');
    expect(await p.page.locator('body').innerText()).not.toContain('kaffe og kage');
    // Typed on purpose, it is printed.
    await p.page.getByLabel('Tekst efter »Adgangskode:«').fill('kaffe og kage');
    expect(await lines.first().innerText()).toBe('Adgangskode: kaffe og kage');
    await p.page.getByLabel('Skriv en linje om adgangskoden på kortene').uncheck();
    expect(await lines.count()).toBe(0);

    // Half pages: two cards per A4 page.
    await p.page.getByRole('radio', { name: /2 kort/ }).check();
    expect(await p.page.locator('.qr-page').first().locator('.qr-card').count()).toBe(2);

    // Every role unchosen: a clear error, nothing to print.
    for (const role of ROLES) await p.page.getByRole('checkbox', { name: role.da, exact: true }).uncheck();
    await p.page.getByRole('alert').filter({ hasText: 'Vælg mindst én rolle.' }).waitFor();
    expect(await p.page.locator('.qr-card').count()).toBe(0);
    expect(await p.page.getByRole('button', { name: 'Udskriv' }).isDisabled()).toBe(true);
    await p.page.getByRole('button', { name: 'Alle' }).click();
    expect(await p.page.locator('.qr-card').count()).toBe(ROLES.length);
    expect(await seriousViolations(p.page)).toEqual([]);
    await p.page.screenshot({ path: `${SHOTS}/17-qr-sheet-screen.png` });
    expect(p.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await p.context.close();
  });
});
