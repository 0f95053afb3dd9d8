import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/cocreation/actions';
import { applyDecision, proposeDecision, setDecisionReady } from '../../shared/cocreation/decisions';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, person, writeBoard, type Person, useApp } from './browser';

/**
 * The action plan in real browsers (issue 16): Ann (Danish) adds two actions
 * from an idea and puts the plan on the board; Bo (English) sees them live in
 * his list and inside the plan frame on his canvas, and changes a status,
 * which Ann sees at once. Then, keyboard only, Bo reaches the panel, adds an
 * action and changes its status. axe: no serious or critical violation on the
 * panel or the frame. Screenshots: /tmp/shots/actions-*.png.
 */
describe('action plan in Chromium', () => {
  const app = useApp();

  /** A day `days` from today, as the people in the room count days. */
  const dayFromNow = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

  /** Serious and critical axe violations inside `selector`. */
  async function seriousViolations(page: Page, selector: string): Promise<string[]> {
    const all = await axe(page);
    const inside = await page.evaluate(
      ({ list, sel }) =>
        list.filter((v) => v.targets.some((t) => document.querySelector(t)?.closest(sel))).map((v) => v.id),
      { list: all, sel: selector },
    );
    const impacts = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } };
      return (await w.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => [v.id, v.impact]);
    });
    const serious = new Set(impacts.filter(([, i]) => i === 'serious' || i === 'critical').map(([id]) => id));
    return inside.filter((id) => serious.has(id));
  }

  interface Focused {
    id: string;
    tag: string;
    text: string;
    label: string;
  }
  /** Presses Tab (or Shift+Tab) until the focused element satisfies `check` (keyboard only; bounded, so a wrong tab order fails). */
  async function tabUntil(page: Page, check: (el: Focused) => boolean, what: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press(key);
      const el = await page.evaluate(() => {
        const a = document.activeElement;
        return { id: a?.id ?? '', tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', label: a?.getAttribute('aria-label') ?? '' };
      });
      if (check(el)) return;
    }
    throw new Error(`${key} never reached ${what}`);
  }

  const openPanel = async (page: Page, button: string, region: string): Promise<Locator> => {
    await page.getByRole('button', { name: button, exact: true }).click();
    const panel = page.getByRole('region', { name: region });
    await panel.waitFor();
    return panel;
  };

  it('two people plan live, the plan frame follows, keyboard only works, axe is clean', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const key = editorKeyOf(links);
    await writeBoard(app.server.url, id, key, (d) => {
      createItem(d, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'Sara'), text: 'For få unge bliver hørt' });
      createItem(d, { kind: 'idea', x: 0, y: 260, author: author('citizen', 'Sara'), text: 'Ungeråd med rigtig indflydelse' });
      const bus = createItem(d, { kind: 'idea', x: 260, y: 260, author: author('politician', 'Mette'), text: 'Gratis bus til skolen' });
      // A decision agreed earlier, so the list shows both kinds of source.
      const by = { key: 'e2e-actions-decider-01', role: 'politician' as const, name: 'Mette', roleText: '' };
      const p = proposeDecision(d, { wording: 'Vi prøver gratis bus til skolen i et år', ideas: [bus] }, by, Date.now());
      setDecisionReady(d, p, by.key, true);
      applyDecision(d, p, [by], Date.now());
    });

    const [ann, bo] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'public-employee' },
      { name: 'Bo', role: 'politician', locale: 'en-GB' },
    ])) as [Person, Person];
    await ann.page.setViewportSize({ width: 1280, height: 900 });
    await bo.page.setViewportSize({ width: 1280, height: 900 });

    // --- Ann adds two actions from the idea. ---
    const annPanel = await openPanel(ann.page, 'Handlingsplan', 'Handlingsplan');
    expect(await ann.page.evaluate(() => document.activeElement?.id)).toBe('act-title');
    await annPanel.getByText('Ingen handlinger endnu. Tilføj den første nedenfor.').waitFor();
    const annForm = annPanel.getByRole('form', { name: 'Ny handling' });
    // The decision is offered first; Ann picks the idea.
    expect(await annForm.getByLabel('Kommer fra').inputValue()).toMatch(/^decision:/);
    await annForm.getByLabel('Kommer fra').selectOption({ label: 'Ungeråd med rigtig indflydelse' });
    // Bad input: no "what" → a clear message, nothing added.
    await annPanel.getByRole('button', { name: 'Tilføj handling' }).click();
    await annPanel.getByRole('alert').getByText('Skriv, hvad der skal gøres.').waitFor();
    expect(await annPanel.locator('[data-action-id]').count()).toBe(0);

    const late = dayFromNow(-10);
    const later = dayFromNow(30);
    await annForm.getByLabel('Hvad', { exact: true }).fill('Indkald ungerådet til første møde');
    await annForm.getByLabel('Hvem', { exact: true }).fill('Ungdomsskolen');
    await annForm.getByLabel('Hvem er det').selectOption('organisation');
    await annForm.getByLabel('Frist', { exact: true }).fill(late);
    await annForm.getByLabel('Status', { exact: true }).selectOption('underway');
    await annPanel.getByRole('button', { name: 'Tilføj handling' }).click();
    await annPanel.getByText('Handlingen er tilføjet.').waitFor();
    // The source stays chosen for the next one.
    await annForm.getByLabel('Hvad', { exact: true }).fill('Find et mødelokale på biblioteket');
    await annForm.getByLabel('Hvem', { exact: true }).fill('Ann Jensen');
    await annForm.getByLabel('Frist', { exact: true }).fill(later);
    await annPanel.getByRole('button', { name: 'Tilføj handling' }).click();
    const annItems = annPanel.locator('[data-action-id]');
    await expect.poll(() => annItems.count()).toBe(2);
    const annGroup = annPanel.locator('.act-group', { hasText: 'Idé: »Ungeråd med rigtig indflydelse«' });
    expect(await annGroup.locator('[data-action-id]').count()).toBe(2);
    // Late is said in words, not by colour alone.
    await annPanel.locator('[data-progress="late"]', { hasText: 'Forsinket' }).waitFor();

    // --- The plan frame on the board. ---
    await annPanel.getByRole('button', { name: 'Sæt handlingsplanen på tavlen' }).click();
    await annPanel.getByText('Handlingsplanen står i en ramme på tavlen').waitFor();
    const annFrame = ann.page.locator('.card-frame', { has: ann.page.locator('[data-plan-frame]') });
    await annFrame.locator('tr[data-action-id]').nth(1).waitFor();
    expect(await annFrame.locator('.card-body').textContent()).toBe('Handlingsplan');
    // The frame covers no other card.
    const overlaps = await ann.page.evaluate(() => {
      const frame = document.querySelector('.card-frame [data-plan-frame]')?.closest('.card') as HTMLElement;
      const f = frame.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.card')].filter((c) => c !== frame).filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left < f.right && f.left < r.right && r.top < f.bottom && f.top < r.bottom;
      }).length;
    });
    expect(overlaps).toBe(0);

    // --- Bo sees both actions live, in his list and inside the frame on his canvas. ---
    const boPanel = await openPanel(bo.page, 'Action plan', 'Action plan');
    const boItems = boPanel.locator('[data-action-id]');
    await expect.poll(() => boItems.count()).toBe(2);
    await boPanel.locator('.act-group', { hasText: 'Idea: “Ungeråd med rigtig indflydelse”' }).waitFor();
    expect(await boPanel.getByLabel('Who: Indkald ungerådet til første møde').inputValue()).toBe('Ungdomsskolen');
    expect(await boPanel.getByLabel('Due: Find et mødelokale på biblioteket').inputValue()).toBe(later);
    await boPanel.locator('[data-progress="late"]', { hasText: 'Late' }).waitFor();
    await boPanel.getByRole('button', { name: 'Show on the board' }).click();
    const boFrame = bo.page.locator('.card-frame', { has: bo.page.locator('[data-plan-frame]') });
    await boFrame.locator('tr[data-action-id]', { hasText: 'Find et mødelokale på biblioteket' }).getByText('Planned').waitFor();
    await boFrame.locator('tr[data-action-id]', { hasText: 'Indkald ungerådet' }).getByText('Late').waitFor();

    // Bo marks the first one done; Ann sees it in her list and in her frame.
    await boPanel.getByLabel('Status: Indkald ungerådet til første møde').selectOption('done');
    await boFrame.locator('tr[data-action-id]', { hasText: 'Indkald ungerådet' }).getByText('Done').waitFor();
    await expect.poll(() => annPanel.getByLabel('Status: Indkald ungerådet til første møde').inputValue()).toBe('done');
    await annFrame.locator('tr[data-action-id]', { hasText: 'Indkald ungerådet' }).getByText('Færdig').waitFor();
    expect(await annFrame.getByText('Forsinket').count()).toBe(0);
    // Ann edits another field of the same action while Bo changed the status: both stay.
    const annWho = annPanel.getByLabel('Hvem: Indkald ungerådet til første møde');
    await annWho.fill('Ungdomsskolen og Kultur');
    await annWho.press('Enter');
    await expect.poll(() => boPanel.getByLabel('Who: Indkald ungerådet til første møde').inputValue()).toBe('Ungdomsskolen og Kultur');
    expect(await boPanel.getByLabel('Status: Indkald ungerådet til første møde').inputValue()).toBe('done');

    // Filter: only what is done.
    await annPanel.getByLabel('Vis').selectOption('done');
    await expect.poll(() => annItems.count()).toBe(1);
    await annPanel.getByLabel('Vis').selectOption('all');
    await expect.poll(() => annItems.count()).toBe(2);

    expect(await seriousViolations(ann.page, '.act-panel')).toEqual([]);
    expect(await seriousViolations(bo.page, '.act-panel')).toEqual([]);
    expect(await seriousViolations(bo.page, '[data-plan-frame]')).toEqual([]);
    await ann.page.screenshot({ path: '/tmp/shots/actions-panel-da.png' });
    await bo.page.screenshot({ path: '/tmp/shots/actions-frame-en.png' });
    await annFrame.screenshot({ path: '/tmp/shots/actions-frame-da.png' });

    // --- Keyboard only (Bo): reach the panel, add an action, change its status. ---
    await boPanel.getByRole('button', { name: 'Close' }).click();
    await boPanel.waitFor({ state: 'detached' });
    // From the top of a freshly loaded page, with the keyboard alone.
    await bo.page.reload();
    await bo.page.locator('.status[data-state="saved"]').waitFor();
    await tabUntil(bo.page, (el) => el.tag === 'BUTTON' && el.text === 'Action plan', 'the Action plan button');
    await bo.page.keyboard.press('Enter');
    await bo.page.waitForFunction(() => document.activeElement?.id === 'act-title');
    const boPanel2 = bo.page.getByRole('region', { name: 'Action plan' });
    await tabUntil(bo.page, (el) => el.id === 'act-new-source', 'the source select');
    await bo.page.keyboard.press('Tab');
    expect(await bo.page.evaluate(() => document.activeElement?.id)).toBe('act-new-what');
    await bo.page.keyboard.type('Tell the school boards');
    await bo.page.keyboard.press('Tab');
    await bo.page.keyboard.type('Youth council');
    await bo.page.keyboard.press('Tab');
    expect(await bo.page.evaluate(() => document.activeElement?.id)).toBe('act-new-kind');
    await bo.page.keyboard.press('ArrowDown');
    await tabUntil(bo.page, (el) => el.tag === 'BUTTON' && el.text === 'Add action', 'Add action');
    await bo.page.keyboard.press('Enter');
    const added = boPanel2.locator('[data-action-id]', { has: bo.page.locator('input[value="Tell the school boards"]') });
    await added.waitFor();
    expect(await boPanel2.getByLabel('Who is it: Tell the school boards').inputValue()).toBe('organisation');
    // It came from the decision (the first source offered).
    await boPanel2.locator('.act-group', { hasText: 'Decision: “Vi prøver gratis bus til skolen i et år”' }).locator('[data-action-id]').waitFor();
    // The focus is back in "What" for the next action; the new one is in the list above.
    expect(await bo.page.evaluate(() => document.activeElement?.id)).toBe('act-new-what');
    await tabUntil(bo.page, (el) => el.label === 'Status: Tell the school boards', 'the new action’s status', 'Shift+Tab');
    await bo.page.keyboard.press('ArrowDown');
    await expect.poll(() => boPanel2.getByLabel('Status: Tell the school boards').inputValue()).toBe('underway');
    await annPanel.locator('.act-group', { hasText: 'Beslutning: »Vi prøver gratis bus til skolen i et år«' }).getByLabel('Status: Tell the school boards').waitFor();
    await expect.poll(() => annPanel.getByLabel('Status: Tell the school boards').inputValue()).toBe('underway');

    // --- Remove with confirm; the frame follows. ---
    await annPanel.getByRole('button', { name: 'Fjern handlingen: Tell the school boards' }).click();
    await annPanel.getByRole('button', { name: 'Annullér' }).click();
    expect(await annItems.count()).toBe(3);
    await annPanel.getByRole('button', { name: 'Fjern handlingen: Tell the school boards' }).click();
    await annPanel.getByRole('button', { name: 'Ja, fjern' }).click();
    await expect.poll(() => boPanel2.locator('[data-action-id]').count()).toBe(2);

    // --- The frame deleted: the button offers to place it again. ---
    await annFrame.click({ position: { x: 30, y: 20 } });
    await ann.page.keyboard.press('Delete');
    await annPanel.getByText('Rammen med handlingsplanen er slettet fra tavlen.').waitFor();
    await boPanel2.getByRole('button', { name: 'Put the action plan on the board again' }).waitFor();
    await annPanel.getByRole('button', { name: 'Sæt handlingsplanen på tavlen igen' }).click();
    await annFrame.locator('tr[data-action-id]').nth(1).waitFor();
    await annPanel.evaluate((el) => el.scrollTo(0, 0));
    await ann.page.screenshot({ path: '/tmp/shots/actions-panel-top-da.png' });
    // The board without the panel: "Fit" shows every card and the plan frame.
    await annPanel.getByRole('button', { name: 'Luk' }).click();
    const zoomText = () => ann.page.locator('.zoom-controls').textContent();
    const before = await zoomText();
    await ann.page.getByRole('button', { name: 'Vis alt' }).click();
    await expect.poll(zoomText).not.toBe(before);
    await annFrame.locator('tr[data-action-id]').nth(1).waitFor();
    await ann.page.screenshot({ path: '/tmp/shots/actions-board-da.png' });

    // --- A phone: the panel at 390 × 844. ---
    const phone = await person(app.browser, 'da-DK', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.page.goto(`${app.server.url}${links.editor}&name=Cem&role=citizen&view=canvas`);
    await phone.page.locator('.status[data-state="saved"]').waitFor();
    const phonePanel = await openPanel(phone.page, 'Handlingsplan', 'Handlingsplan');
    await expect.poll(() => phonePanel.locator('[data-action-id]').count()).toBe(2);
    expect(await seriousViolations(phone.page, '.act-panel')).toEqual([]);
    const overflow = await phone.page.evaluate(() => {
      const p = document.querySelector('.act-panel') as HTMLElement;
      return p.scrollWidth - p.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.page.screenshot({ path: '/tmp/shots/actions-panel-phone-top.png' });
    await phonePanel.locator('.act-list').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.page.screenshot({ path: '/tmp/shots/actions-panel-phone.png' });

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
    for (const p of [ann, bo, phone]) await p.context.close();
  });
});
