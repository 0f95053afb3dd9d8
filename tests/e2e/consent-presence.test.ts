import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { PRESENTER, writeUser } from '../../shared/presence';
import { roleInfo } from '../../shared/roles';
import { author } from '../helpers/board';
import { TestClient } from '../helpers/client';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, person, useApp, writeBoard } from './browser';

/**
 * Who counts for consent (issue 17) in Chromium: three editors, an observer and
 * a presenter view. Ann's tab goes idle (a short test threshold, page hidden):
 * a proposal passes when Bo and Cem are ready, and Ann is listed as idle in
 * words; after input Ann counts again and a new proposal waits for her. Cem
 * marks Ann as away; Ann marks herself away and comes back. Finally a new
 * person on Ann's device sees an empty ballot and no rating of their own.
 */
describe('who counts for consent in Chromium', () => {
  const app = useApp();
  const IDEA = 'Shelter ved havnen';

  const current = (page: Page) => page.locator('.ph-steps li[aria-current="step"]').getAttribute('data-step-id');
  const present = (page: Page, n: number) => page.locator(`.ph-count[data-present="${n}"]`).waitFor();
  /** Opens the session popover (it holds the who-counts list); returns it. */
  const openPanel = async (page: Page, en = false) => {
    await page.getByRole('button', { name: en ? 'Propose …' : 'Foreslå …' }).click();
    const panel = page.getByRole('region', { name: en ? 'Session, proposals and time' : 'Forløb, forslag og tid' });
    await panel.waitFor();
    return panel;
  };
  const closePanel = async (page: Page) => {
    await page.keyboard.press('Escape');
    await page.locator('#phases-panel').waitFor({ state: 'detached' });
  };
  const row = (page: Page, status: string, text: string) => page.locator(`#phases-panel li[data-presence-status="${status}"]`, { hasText: text });
  const setHidden = (page: Page, hidden: boolean) =>
    page.evaluate((h) => {
      // Headless Chromium keeps every page visible: override what the page reads, then tell it.
      if (h) {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      } else {
        delete (document as unknown as Record<string, unknown>).visibilityState;
        delete (document as unknown as Record<string, unknown>).hidden;
      }
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  /** Two rendered frames: whatever an input handler changed is on screen by then. */
  const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

  it('idle, presenter, observer and away do not count; coming back counts; a new person on a device starts empty', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Havneparken' });
    const key = editorKeyOf(links);
    const ideaId = await writeBoard(app.server.url, id, key, (d) => createItem(d, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Sara'), text: IDEA }));

    // Observers are in presence only where the board shows them (off by default, docs/access.md).
    expect((await api(app.server.url, 'PUT', `/api/boards/${id}/access`, { key, body: { observerCursors: true } })).status).toBe(200);
    const [ann, bo, cem, olga] = await Promise.all([person(app.browser, 'da-DK'), person(app.browser, 'da-DK'), person(app.browser, 'en-GB'), person(app.browser, 'da-DK')]);
    // Ann's tab goes idle after 0.8 s hidden (a test-only override; the product waits 3 and 10 minutes).
    await ann.context.addInitScript(() => {
      (window as unknown as { __samskabIdle: object }).__samskabIdle = { hiddenMs: 800 };
    });
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await bo.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
    await cem.page.goto(`${app.server.url}${links.editor}&name=Cem&role=business`);
    await olga.page.goto(`${app.server.url}${links.observer}&name=Olga&role=volunteer-association`);
    for (const p of [ann.page, bo.page, cem.page]) await p.locator('.status[data-state="saved"]').waitFor();
    // The projector: presence written the way the presenter view writes it (shared/presence.ts PRESENTER).
    const projector = new TestClient(`${app.server.url.replace(/^http/, 'ws')}/sync`, id, { params: { k: key } });
    try {
      await projector.waitSynced();
      writeUser(projector.provider.awareness, { name: 'Projektor', role: 'other', roleText: '', color: roleInfo('other').color, ...PRESENTER });

      // Everyone is here; three editors count.
      const boPanel = await openPanel(bo.page);
      await row(bo.page, 'presenter', 'Projektor').getByText('projektorvisning, tæller ikke').waitFor();
      await row(bo.page, 'observer', 'Olga (Frivillig forening)').getByText('ser med, tæller ikke').waitFor();
      for (const who of ['Ann (Borger)', 'Bo (Politiker) (dig)', 'Cem (Virksomhed)']) await row(bo.page, 'counted', who).getByText('tæller med').waitFor();
      await boPanel.getByText('Samtykke tæller de redigerende deltagere, der er aktive. Faner uden aktivitet i 3 minutter (skjult) eller 10 minutter, observatører og projektorvisning tæller ikke.').waitFor();
      for (const p of [ann.page, bo.page, cem.page]) await present(p, 3);
      expect(await axe(bo.page)).toEqual([]);

      // Ann's tab is hidden and gets no input: it goes idle and is listed as idle, in words.
      await setHidden(ann.page, true);
      await row(bo.page, 'idle', 'Ann (Borger)').getByText('inaktiv, tæller ikke').waitFor();
      await present(bo.page, 2);
      await row(bo.page, 'idle', 'Ann (Borger)').scrollIntoViewIfNeeded();
      await bo.page.screenshot({ path: '/tmp/shots/17-who-counts-idle.png' });
      expect(await axe(bo.page)).toEqual([]);

      // Bo proposes moving on; Cem's "Ready" is enough: Ann is idle.
      await boPanel.getByRole('button', { name: 'Foreslå at gå videre til Mål og forventninger' }).click();
      await cem.page.locator('.ph-prompt-count[data-ready="1"][data-total="2"]').waitFor();
      await cem.page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: 'Ready' }).click();
      for (const p of [bo.page, cem.page]) await expect.poll(() => current(p), { timeout: 10_000 }).toBe('goals');

      // Ann is back (visible, moves the mouse): she counts again, and a new proposal waits for her.
      await setHidden(ann.page, false);
      await ann.page.mouse.move(300, 400);
      for (const p of [ann.page, bo.page, cem.page]) await present(p, 3);
      await (await openPanel(bo.page)).getByRole('button', { name: /^Foreslå at gå videre til/ }).click();
      await cem.page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: 'Ready' }).click();
      for (const p of [ann.page, bo.page, cem.page]) await p.locator('.ph-prompt-count[data-ready="2"][data-total="3"]').waitFor();
      await ann.page.locator('.ph-prompt li[data-person-state="waiting"]', { hasText: 'Ann (Borger)' }).waitFor();
      expect(await current(bo.page)).toBe('goals');
      await ann.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }).click();
      for (const p of [ann.page, bo.page, cem.page]) await expect.poll(() => current(p), { timeout: 10_000 }).not.toBe('goals');
      const third = await current(bo.page);

      // Cem marks Ann as away (Ann's page has no input meanwhile): she does not count until she is back.
      await openPanel(cem.page, true);
      await cem.page.getByRole('button', { name: 'Mark as away – Ann (Citizen)' }).click();
      await row(cem.page, 'away', 'Ann (Citizen)').getByText('away, not counted').waitFor();
      for (const p of [ann.page, bo.page, cem.page]) await present(p, 2);
      await closePanel(cem.page);
      await (await openPanel(bo.page)).getByRole('button', { name: /^Foreslå at gå videre til/ }).click();
      await cem.page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: 'Ready' }).click();
      for (const p of [bo.page, cem.page]) await expect.poll(() => current(p), { timeout: 10_000 }).not.toBe(third);
      // Ann's own input clears the mark at once.
      await ann.page.mouse.move(320, 420);
      for (const p of [ann.page, bo.page, cem.page]) await present(p, 3);

      // Ann marks herself away: moving the mouse right after does not undo it; "I'm back" does.
      await openPanel(ann.page);
      await ann.page.getByRole('button', { name: 'Markér som væk – Ann (Borger) (dig)' }).click();
      await row(ann.page, 'away', 'Ann (Borger) (dig)').waitFor();
      await ann.page.mouse.move(340, 440);
      await frames(ann.page);
      await present(bo.page, 2);
      expect(await row(ann.page, 'away', 'Ann (Borger) (dig)').count()).toBe(1);
      await ann.page.screenshot({ path: '/tmp/shots/17-who-counts-away.png' });
      expect(await axe(ann.page)).toEqual([]);
      await ann.page.getByRole('button', { name: 'Jeg er her igen' }).click();
      for (const p of [ann.page, bo.page, cem.page]) await present(p, 3);
      await closePanel(ann.page);
    } finally {
      projector.destroy();
    }

    // --- A shared device: Ann votes and rates, then hands her laptop to a new person. ---
    await bo.page.getByRole('button', { name: /^Afstemning/ }).click();
    const boVote = bo.page.getByRole('region', { name: 'Prikafstemning', exact: true });
    await boVote.getByLabel('Prikker pr. deltager').fill('3');
    await boVote.getByRole('button', { name: 'Start afstemning' }).click();
    await ann.page.getByRole('button', { name: /^Afstemning/ }).click();
    const annVote = ann.page.getByRole('region', { name: 'Prikafstemning', exact: true });
    await annVote.locator('[data-round-status="open"]').waitFor();
    await ann.page.getByRole('button', { name: `Giv en prik til ${IDEA}` }).click();
    await ann.page.getByRole('button', { name: `Giv en prik til ${IDEA}` }).click();
    await annVote.getByText(/Gemt/).waitFor();
    await annVote.getByText('Du har brugt 2 af dine 3 prikker.').waitFor();
    await ann.page.getByRole('button', { name: 'Værdi', exact: true }).click();
    const annValue = ann.page.getByRole('region', { name: 'Værdi på tre niveauer' });
    await annValue.getByRole('group', { name: `Personlig – ${IDEA}` }).getByLabel('5', { exact: true }).check();
    await ann.page.locator(`.card[data-item-id="${ideaId}"] .triad-grid[data-value-raters="1"]`).waitFor();

    await ann.page.locator('.identity-button').click();
    const join = ann.page.getByRole('dialog', { name: 'Hvem er du på tavlen?' });
    await join.getByRole('button', { name: 'Ny person på denne enhed' }).click();
    // It asks first; "Fortryd" changes nothing.
    await join.getByRole('button', { name: 'Fortryd' }).click();
    await join.getByRole('button', { name: 'Ny person på denne enhed' }).click();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '/tmp/shots/17-new-person-confirm.png' });
    await join.getByRole('button', { name: 'Ja, start som ny person' }).click();
    // A fresh start: the dialog asks for a name again (the link's name and role are gone).
    const fresh = ann.page.getByRole('dialog', { name: 'Hvem er du på tavlen?' });
    await fresh.getByLabel('Dit navn').waitFor();
    expect(await fresh.getByLabel('Dit navn').inputValue()).toBe('');
    expect(new URL(ann.page.url()).searchParams.get('name')).toBeNull();
    await fresh.getByLabel('Dit navn').fill('Dorte');
    await fresh.getByLabel('Frivillig forening').check();
    await fresh.getByRole('button', { name: 'Gå til tavlen' }).click();
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    // Dorte is a new person to the others; Ann has left.
    await openPanel(bo.page);
    await row(bo.page, 'counted', 'Dorte (Frivillig forening)').waitFor();
    await present(bo.page, 3);
    expect(await row(bo.page, 'counted', 'Ann (Borger)').count()).toBe(0);
    await closePanel(bo.page);
    // Her ballot is empty and the rating is not hers (Ann's rating stays on the board).
    // The panel shows 0 until this device's ballot has come back from the server: wait for that answer, then look.
    const ballot = ann.page.waitForResponse((r) => r.url().includes('/ballot') && r.request().method() === 'GET');
    await ann.page.getByRole('button', { name: /^Afstemning/ }).click();
    expect((await ballot).status()).toBe(200);
    await frames(ann.page);
    const dorteVote = ann.page.getByRole('region', { name: 'Prikafstemning', exact: true });
    expect(await dorteVote.locator('.vote-status').innerText()).toBe('Du har brugt 0 af dine 3 prikker.');
    await ann.page.getByRole('button', { name: 'Værdi', exact: true }).click();
    const dorteValue = ann.page.getByRole('region', { name: 'Værdi på tre niveauer' });
    const personal = dorteValue.getByRole('group', { name: `Personlig – ${IDEA}` });
    await personal.waitFor();
    for (let n = 1; n <= 5; n++) expect(await personal.getByLabel(String(n), { exact: true }).isChecked()).toBe(false);
    expect(await ann.page.locator(`.card[data-item-id="${ideaId}"] .triad-grid`).getAttribute('data-value-raters')).toBe('1');
    await ann.page.screenshot({ path: '/tmp/shots/17-new-person-after.png' });

    for (const p of [ann, bo, cem, olga]) expect(p.errors).toEqual([]);
  });
});
