import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, typeInEditor, useApp } from './browser';

/**
 * Phases and timer by consent in real browsers: three people in three roles
 * (citizen and politician in Danish, business in English) and a second tab of
 * the citizen. A proposal to move on waits until everyone present is ready,
 * then the step changes on every screen; a timer by consent counts down on all
 * screens until time is up; "done" marks are seen by all; the agenda is edited.
 */
describe('phases and timer by consent in Chromium', () => {
  const app = useApp();

  const current = (page: Page) => page.locator('.ph-steps li[aria-current="step"]').getAttribute('data-step-id');
  const leftMs = async (page: Page) => Number(await page.locator('.ph-timer').getAttribute('data-left-ms'));

  it('three roles: move on by consent, a timer on every screen, done marks, one vote per person', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const ann = person(app.browser, 'da-DK');
    const bo = person(app.browser, 'da-DK');
    const cem = person(app.browser, 'en-GB');
    const [a, b, c] = await Promise.all([ann, bo, cem]);
    await a.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await b.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
    await c.page.goto(`${app.server.url}${links.editor}&name=Cem&role=business`);
    // Ann's second tab: same device, same person.
    const a2 = await a.context.newPage();
    await a2.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    const pages = [a.page, a2, b.page, c.page];
    for (const p of pages) await p.locator('.status[data-state="saved"]').waitFor();
    await a.page.locator('.presence li').nth(3).waitFor();

    // Everyone edits a card first: the card editor once replaced each person's presence and
    // broke consent ("Færdig 0/0", a proposal passed on one reload; issue 13).
    const people: Array<[Page, string]> = [[a.page, 'Ann'], [b.page, 'Bo'], [c.page, 'Cem']];
    for (const [p, who] of people) {
      await p.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: /^(Idé|Idea)$/ }).click();
      await typeInEditor(p, `Idé fra ${who}`);
      await p.keyboard.press('Escape');
    }
    for (const p of pages) await p.locator('.card-body', { hasText: 'Idé fra Cem' }).waitFor();

    // Everyone starts at the first phase of the default agenda; four tabs, three people.
    for (const p of pages) {
      expect(await current(p)).toBe('understand');
      await p.locator('.ph-count[data-present="3"]').waitFor();
    }
    await a.page.getByRole('list', { name: 'Dagsorden' }).getByText('Problemforståelse').waitFor();
    await c.page.getByRole('list', { name: 'Agenda' }).getByText('Problem understanding').waitFor();

    // Done marks: Bo is done with the step; everybody sees 1 of 3.
    await b.page.getByRole('button', { name: /^Færdig/ }).click();
    for (const p of pages) await p.locator('.ph-count[data-done="1"][data-present="3"]').waitFor();
    expect(await b.page.getByRole('button', { name: /^Færdig/ }).getAttribute('aria-pressed')).toBe('true');
    await a.page.screenshot({ path: '.tmp/e2e-phases-strip.png' });

    // Ann proposes moving on. It does not move until Bo and Cem are ready.
    await a.page.getByRole('button', { name: 'Foreslå …' }).click();
    await a.page.getByRole('region', { name: 'Forløb, forslag og tid' }).getByRole('button', { name: 'Foreslå at gå videre til Mål og forventninger' }).click();
    // The popover closes and gives focus back to its button.
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('phases-panel');
    for (const p of pages) await p.locator('.ph-prompt[data-proposal-kind="step"] .ph-prompt-count[data-ready="1"][data-total="3"]').waitFor();
    await b.page.locator('.ph-prompt').getByText('Ann (Borger) foreslår at gå videre til Mål og forventninger.').waitFor();
    await c.page.locator('.ph-prompt').getByText('Ann (Citizen) proposes moving on to Goals and expectations.').waitFor();
    await b.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }).click();
    for (const p of pages) await p.locator('.ph-prompt-count[data-ready="2"][data-total="3"]').waitFor();
    // Ann's second tab saying "Klar" again changes nothing: she is one person, already counted.
    await a2.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }).click();
    await c.page.locator('.ph-prompt li[data-person-state="waiting"]', { hasText: 'Cem (Business)' }).waitFor();
    for (const p of pages) {
      expect(await p.locator('.ph-prompt-count').getAttribute('data-ready')).toBe('2');
      expect(await current(p)).toBe('understand');
    }
    expect(await axe(c.page)).toEqual([]);
    await c.page.screenshot({ path: '.tmp/e2e-phases-proposal.png' });

    await c.page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: 'Ready' }).click();
    for (const p of pages) await expect.poll(() => current(p), { timeout: 10_000 }).toBe('goals');
    await a.page.locator('.ph-prompt').getByText('Alle var klar: I er nu på Mål og forventninger.').waitFor();
    await c.page.locator('.ph-prompt').getByText('Everyone was ready: you are now on Goals and expectations.').waitFor();
    for (const p of pages) await p.locator('.ph-count[data-done="0"][data-present="3"]').waitFor();
    await a.page.screenshot({ path: '.tmp/e2e-phases-moved.png' });

    // A timer by consent (Cem proposes 1 minute from the session panel; Bo first says "not yet").
    await c.page.getByRole('button', { name: 'Propose …' }).click();
    const panel = c.page.getByRole('region', { name: 'Session, proposals and time' });
    expect(await c.page.evaluate(() => document.activeElement?.id)).toBe('phases-panel-title');
    await panel.getByLabel('Minutes').fill('0');
    await panel.getByRole('button', { name: 'Propose timer' }).click();
    await panel.getByText('A timer is 1–240 whole minutes.').waitFor();
    await panel.getByLabel('Minutes').fill('1');
    await panel.getByRole('button', { name: 'Propose timer' }).click();
    await panel.waitFor({ state: 'detached' });
    await a.page.locator('.ph-prompt').getByText('Cem (Virksomhed) foreslår en timer på 1 min til Mål og forventninger.').waitFor();
    await b.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Ikke endnu' }).click();
    await a.page.locator('.ph-prompt li[data-person-state="not-yet"]', { hasText: 'Bo (Politiker)' }).waitFor();
    await a.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }).click();
    await c.page.locator('.ph-prompt-count[data-ready="2"][data-total="3"]').waitFor();
    expect(await a.page.locator('.ph-timer').count()).toBe(0);
    await b.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }).click();
    for (const p of pages) await p.getByRole('timer').waitFor();
    const first = await Promise.all(pages.map(leftMs));
    for (const ms of first) expect(ms).toBeGreaterThan(45_000);
    for (const ms of first) expect(ms).toBeLessThanOrEqual(60_000);
    // The same time left on every screen (server time), and it counts down.
    expect(Math.max(...first) - Math.min(...first)).toBeLessThan(3000);
    await expect.poll(() => leftMs(c.page), { timeout: 5000 }).toBeLessThan(first[3]! - 1500);
    await a.page.screenshot({ path: '.tmp/e2e-phases-timer.png' });

    // Done marks from two people, then the agenda dialog while the timer runs.
    await a2.getByRole('button', { name: /^Færdig/ }).click();
    await c.page.getByRole('button', { name: /^Done/ }).click();
    for (const p of pages) await p.locator('.ph-count[data-done="2"][data-present="3"]').waitFor();
    await b.page.getByRole('button', { name: 'Foreslå …' }).click();
    const boPanel = b.page.getByRole('region', { name: 'Forløb, forslag og tid' });
    await boPanel.locator('li[data-person-state="done"]', { hasText: 'Ann (Borger): færdig' }).waitFor();
    await boPanel.locator('li[data-person-state="not-done"]', { hasText: 'Bo (Politiker) (dig): ikke færdig endnu' }).waitFor();
    expect(await axe(b.page)).toEqual([]);
    await b.page.screenshot({ path: '.tmp/e2e-phases-panel.png' });
    await boPanel.getByRole('button', { name: 'Redigér dagsorden' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Redigér dagsorden' });
    await dialog.getByLabel('Navn på trin 3').fill('Vilde idéer');
    await dialog.getByLabel('Navn på trin 3').press('Enter');
    await dialog.getByLabel('Nyt trin').fill('Opsamling');
    await dialog.getByRole('button', { name: 'Tilføj trin' }).click();
    await dialog.getByRole('button', { name: 'Flyt Opsamling op' }).click();
    // Keyboard: focus stays on the moved step's button.
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Flyt Opsamling op');
    await dialog.getByRole('button', { name: 'Fjern Mål og forventninger' }).click();
    await dialog.getByText('Det trin, I er på nu, kan ikke fjernes. Gå videre først.').waitFor();
    await dialog.getByRole('button', { name: 'Fjern Løsningsdesign' }).click();
    await dialog.getByRole('button', { name: 'Gendan Løsningsdesign' }).waitFor();
    expect(await axe(b.page)).toEqual([]);
    await b.page.screenshot({ path: '.tmp/e2e-phases-agenda.png' });
    await b.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the opener once the dialog is gone (an effect after the unmount: wait for it).
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.id)).toBe('phases-edit-agenda');
    // Escape again closes the popover and gives focus back to its button.
    await b.page.keyboard.press('Escape');
    await boPanel.waitFor({ state: 'detached' });
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('phases-panel');
    const ids = (p: Page) => p.locator('.ph-steps li').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    for (const p of pages) await expect.poll(() => ids(p)).toEqual(['Problemforståelse', 'Mål og forventninger', 'Vilde idéer', 'Implementeringsplan', 'Opsamling', 'Evaluering og læring'].map((x, i) => (p === c.page ? ['Problem understanding', 'Goals and expectations', 'Vilde idéer', 'Implementation plan', 'Opsamling', 'Evaluation and learning'][i] : x)));
    expect(await current(c.page)).toBe('goals');

    // Time is up on every screen (a gentle notice, no sound), until someone proposes the next thing.
    for (const p of pages) await p.locator('.ph-timer.up').waitFor({ timeout: 75_000 });
    await a.page.getByRole('region', { name: 'Tiden er gået' }).getByText('Tiden til Mål og forventninger er gået.', { exact: false }).waitFor();
    await c.page.getByRole('region', { name: 'Time is up' }).waitFor();
    expect(await axe(a.page)).toEqual([]);
    await a.page.screenshot({ path: '.tmp/e2e-phases-timeup.png' });
    await c.page.getByRole('button', { name: 'Propose moving on to Vilde idéer' }).click();
    for (const p of pages) await p.locator('.ph-prompt[data-proposal-kind="step"]').waitFor();
    await a.page.getByRole('region', { name: 'Tiden er gået' }).waitFor({ state: 'detached' });
    // Anyone may withdraw it (here Ann, who did not propose it).
    await a.page.getByRole('button', { name: 'Træk forslaget tilbage' }).click();
    for (const p of pages) await p.locator('.ph-prompt[data-proposal-kind]').waitFor({ state: 'detached' });
    expect(await current(b.page)).toBe('goals');

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(c.errors).toEqual([]);
    for (const p of [a, b, c]) await p.context.close();
  }, 200_000);
});
