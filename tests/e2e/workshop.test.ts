import fs from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RoleId } from '../../shared/roles';
import { axe, createBoardWithLinks, joinAs, person, typeInEditor, useApp, type Person } from './browser';

/**
 * The manifesto's youth-policy case as one whole workshop, through the UI
 * only, in Danish: a board from the 'youth-policy' template, five editors (a
 * facilitator, two young citizens – one on a phone – a politician and a
 * volunteer-association member) and an observer screen.
 *
 * Perspectives from four roles (lens) → consent to move on → goals →
 * consent → ideas (rich text, built on each other, placed in the ideas frame
 * without overlap) → value ratings → a dot vote with the same result on all
 * six screens → a card edit → consent to move on and a timer by consent
 * (ready counts = the five editors present, never the observer) → a named
 * snapshot, the Markdown minutes and the JSON export.
 *
 * Screenshots: .tmp/workshop-lens.png, .tmp/workshop-phase-strip.png,
 * .tmp/workshop-ideas.png, .tmp/workshop-phone.png.
 */

/** One participant (or the observer screen). */
interface Who {
  name: string;
  role: RoleId;
  /** The role's Danish label, as the UI shows it. */
  label: string;
  page: Page;
  context: BrowserContext;
  errors: string[];
  phone: boolean;
}

/** The template's invented example authors: none of them may appear as an author anywhere (contract (c)). */
const TEMPLATE_NAMES = ['Sara, 17', 'Emil, 19', 'Lone (byrådet)', 'Karim (ungdomsskolen)'];

/** Waits on real state for up to 20 s; the failure message shows the last value seen. */
const UNTIL = { timeout: 20_000 };

/** The current step of the agenda, as one screen shows it. */
const currentStep = (page: Page) => page.locator('.ph-steps li[aria-current="step"]').getAttribute('data-step-id');

/** "Færdig d/p" of the phase strip: done with this step / people present. */
const doneCount = (page: Page) =>
  page.locator('.ph-count').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-done')}/${e.getAttribute('data-present')}`).join(',') || 'no phase strip');

/** "n af m er klar" of the open proposal (ready / total), or "no proposal". */
const readyCount = (page: Page) =>
  page.locator('.ph-prompt-count').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-ready')}/${e.getAttribute('data-total')}`).join(',') || 'no proposal');

/** Board-coordinate boxes (rendered size) of the cards matching `selector` that are in the DOM. */
const boardBoxes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const h = el as HTMLElement;
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(h.style.transform);
      return { id: h.getAttribute('data-item-id') ?? '', x: Number(m?.[1]), y: Number(m?.[2]), w: h.offsetWidth, h: h.offsetHeight, text: h.querySelector('.card-body')?.textContent ?? '' };
    }),
  );

/**
 * A point (relative to the element) where a tap reaches the element itself,
 * not something drawn over it, as a person would tap the part they can see.
 * Fails with what covers the element when no part of it can be reached.
 */
async function uncoveredPoint(target: Locator): Promise<{ x: number; y: number }> {
  const find = () =>
    target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (const fy of [0.5, 0.3, 0.7, 0.1, 0.9, 0.02, 0.97]) {
        for (const fx of [0.5, 0.3, 0.7, 0.1, 0.9, 0.03, 0.97]) {
          const x = r.left + fx * r.width;
          const y = r.top + fy * r.height;
          // The point and its neighbourhood: a click lands on whole pixels, so a sliver between two cards will not do.
          const hits = [[0, 0], [-4, 0], [4, 0], [0, -4], [0, 4]].every(([dx, dy]) => el.contains(document.elementFromPoint(x + (dx as number), y + (dy as number))));
          if (hits) return { x: Math.round(x - r.left), y: Math.round(y - r.top) };
        }
      }
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return `covered by ${top ? `<${top.tagName.toLowerCase()} class="${top.getAttribute('class') ?? ''}">` : 'nothing (off screen)'}`;
    });
  let last: Awaited<ReturnType<typeof find>> = '';
  await expect.poll(async () => typeof (last = await find()), { timeout: 10_000, message: 'a visible part to tap' }).toBe('object').catch(() => {
    throw new Error(`${String(target)} cannot be tapped: ${String(last)}`);
  });
  if (typeof last === 'string') throw new Error(last);
  return last;
}

type Box = Awaited<ReturnType<typeof boardBoxes>>[number];
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, f: Box) => a.x >= f.x - 1 && a.y >= f.y - 1 && a.x + a.w <= f.x + f.w + 1 && a.y + a.h <= f.y + f.h + 1;

describe('a whole youth-policy workshop in Chromium: five editors (one on a phone) and an observer', () => {
  const app = useApp();

  it('perspectives, goals, ideas, value, a dot vote, consent after card edits, a timer, a snapshot and the minutes', async () => {
    fs.mkdirSync('.tmp', { recursive: true });
    const { links } = await createBoardWithLinks(app.server.url, { template: 'youth-policy', lang: 'da' });

    // --- Join: four desktop editors, a young citizen on a phone, and an observer screen. ---
    const desk = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Mette', role: 'public-employee' },
      { name: 'Freja', role: 'citizen' },
      { name: 'Henrik', role: 'politician' },
      { name: 'Aisha', role: 'volunteer-association' },
    ])) as [Person, Person, Person, Person];
    const labels: Record<string, string> = { 'public-employee': 'Offentlig medarbejder', citizen: 'Borger', politician: 'Politiker', 'volunteer-association': 'Frivillig forening' };
    const as = (p: Person, name: string, role: RoleId): Who => ({ ...p, name, role, label: labels[role] ?? role, phone: false });
    const mette = as(desk[0], 'Mette', 'public-employee'); // the facilitator
    const freja = as(desk[1], 'Freja', 'citizen');
    const henrik = as(desk[2], 'Henrik', 'politician');
    const aisha = as(desk[3], 'Aisha', 'volunteer-association');

    const phone = await person(app.browser, 'da-DK', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const noah: Who = { ...phone, name: 'Noah', role: 'citizen', label: 'Borger', phone: true };
    await noah.page.goto(`${app.server.url}${links.editor}&name=Noah&role=citizen&view=canvas`);
    await noah.page.locator('.status[data-state="saved"]').waitFor();

    // The observer link on the room's big screen.
    const big = await person(app.browser, 'da-DK', { viewport: { width: 1920, height: 1080 } });
    const screen: Who = { ...big, name: 'the observer screen', role: 'other', label: '', phone: false };
    await screen.page.goto(`${app.server.url}${links.observer}`);

    const editors = [mette, freja, noah, henrik, aisha];
    const everyone = [...editors, screen];
    /** Click on a desktop, tap on the phone, on a part of the target that can be seen. */
    const press = async (who: Who, target: Locator) => {
      await target.scrollIntoViewIfNeeded();
      const at = await uncoveredPoint(target);
      if (!who.phone) return target.click({ position: at });
      // Playwright's own tap misses once the phone's page has scrolled (its hit test and the visual
      // viewport disagree), so the finger goes through the touchscreen, where the target is on screen.
      const box = await target.boundingBox();
      if (!box) throw new Error(`${String(target)} has no box`);
      const [x, y] = [box.x + at.x, box.y + at.y];
      expect(x >= 0 && y >= 0 && x < 390 && y < 844, `${String(target)} on the phone's screen, at ${x},${y}`).toBe(true);
      await who.page.touchscreen.tap(x, y);
    };

    // Five editors present on every screen (the observer is never counted); everyone starts at step 1.
    for (const w of everyone) {
      await expect.poll(() => doneCount(w.page), { ...UNTIL, message: `present on ${w.name}'s screen at the start` }).toBe('0/5');
      expect(await currentStep(w.page)).toBe('understand');
    }
    expect(await axe(noah.page)).toEqual([]);

    // --- Problem understanding: each of four roles adds a perspective from the lens. ---
    const perspectives: Array<[Who, string]> = [
      [mette, 'Ungdomsskolen kan låne lokaler ud om aftenen'],
      [freja, 'Jeg vil gerne være med, men møderne skal ligge efter skole'],
      [henrik, 'Byrådet skal kunne se, hvad de unges forslag koster'],
      [aisha, 'Foreningerne kender de unge, der aldrig kommer til møder'],
    ];
    for (const [w, text] of perspectives) {
      await w.page.getByRole('button', { name: 'Perspektiver', exact: true }).click();
      const lens = w.page.getByRole('region', { name: 'Perspektiver på hvert problem' });
      await lens.getByRole('button', { name: `Tilføj mit perspektiv (${w.label})` }).click();
      await typeInEditor(w.page, text);
      await w.page.keyboard.press('Escape');
      await w.page.locator('.card.is-editing').waitFor({ state: 'detached' });
    }
    // The facilitator's lens shows all four, by role, and no longer misses a volunteer association.
    await mette.page.getByRole('button', { name: 'Perspektiver', exact: true }).click();
    const metteLens = mette.page.getByRole('region', { name: 'Perspektiver på hvert problem' });
    for (const [w, text] of perspectives) await metteLens.locator(`[data-role="${w.role}"]`, { hasText: text }).waitFor();
    expect(await metteLens.getByText('Intet perspektiv fra frivillig forening endnu').count()).toBe(0);
    expect(await axe(mette.page)).toEqual([]);
    await metteLens.screenshot({ path: '.tmp/workshop-lens.png' });
    await metteLens.getByRole('button', { name: 'Luk', exact: true }).click();

    // --- Consent to move on, after four people edited cards (the regression: editing dropped people from presence). ---
    /**
     * `proposer` proposes the next step; every screen shows 1 of 5 ready; the
     * others say "Klar" one by one, and the step changes on every screen only
     * when the fifth is ready.
     */
    const moveOnByConsent = async (proposer: Who, from: string, to: string, toLabel: string, onProposal?: () => Promise<void>) => {
      for (const w of everyone) await expect.poll(() => doneCount(w.page), { ...UNTIL, message: `"Færdig" count on ${w.name}'s screen before moving to ${to}` }).toBe('0/5');
      await proposer.page.getByRole('button', { name: 'Foreslå …' }).click();
      await proposer.page.getByRole('region', { name: 'Forløb, forslag og tid' }).getByRole('button', { name: `Foreslå at gå videre til ${toLabel}` }).click();
      await freja.page.locator('.ph-prompt').getByText(`${proposer.name} (${proposer.label}) foreslår at gå videre til ${toLabel}.`).waitFor();
      for (const [i, who] of editors.filter((w) => w !== proposer).entries()) {
        for (const w of everyone) await expect.poll(() => readyCount(w.page), { ...UNTIL, message: `ready count on ${w.name}'s screen (moving to ${to})` }).toBe(`${i + 1}/5`);
        for (const w of everyone) expect(await currentStep(w.page), `the step on ${w.name}'s screen with ${i + 1} of 5 ready`).toBe(from);
        if (i === 2 && onProposal) await onProposal();
        await press(who, who.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }));
      }
      // The notice stays ten seconds, so it is read first.
      await mette.page.locator('.ph-prompt').getByText(`Alle var klar: I er nu på ${toLabel}.`).waitFor();
      for (const w of everyone) await expect.poll(() => currentStep(w.page), { ...UNTIL, message: `the step on ${w.name}'s screen once all five were ready` }).toBe(to);
    };
    await moveOnByConsent(mette, 'understand', 'goals', 'Mål og forventninger');

    // --- Goals and expectations: everyone (the phone too) writes an entry; the group agrees a goal. ---
    const goals: Array<[Who, string, string]> = [
      [mette, 'Det bringer jeg ind', 'Lokaler og en fast kontaktperson'],
      [freja, 'Det forventer jeg', 'At vores forslag bliver til noget'],
      [noah, 'Mine mål på kort sigt', 'En app til afstemninger inden jul'],
      [henrik, 'Det forventer jeg', 'Forslag, der kan nå med i budgettet'],
      [aisha, 'Det bringer jeg ind', 'Frivillige, der kender de unge'],
    ];
    for (const [w, field, text] of goals) {
      await press(w, w.page.getByRole('button', { name: 'Mål', exact: true }));
      const panel = w.page.getByRole('region', { name: 'Mål og forventninger' });
      await panel.getByLabel(field).fill(text);
    }
    const henrikGoals = henrik.page.getByRole('region', { name: 'Mål og forventninger' });
    await henrikGoals.getByRole('button', { name: /^Fælles mål/ }).click();
    await henrikGoals.getByLabel('Formulér målet').fill('Ungdomsrådet er nedsat inden sommerferien');
    await henrikGoals.getByRole('button', { name: 'Tilføj mål' }).click();
    const metteGoals = mette.page.getByRole('region', { name: 'Mål og forventninger' });
    const all = metteGoals.getByRole('region', { name: /Alles bidrag/ });
    await all.locator('[data-role="citizen"]', { hasText: 'En app til afstemninger inden jul' }).waitFor();
    await all.locator('[data-role="volunteer-association"]', { hasText: 'Frivillige, der kender de unge' }).waitFor();
    await all.locator('[data-role="politician"]', { hasText: 'Forslag, der kan nå med i budgettet' }).waitFor();
    const frejaGoals = freja.page.getByRole('region', { name: 'Mål og forventninger' });
    await frejaGoals.getByRole('button', { name: /^Fælles mål/ }).click();
    await frejaGoals.locator('[data-goal-id]', { hasText: 'Ungdomsrådet er nedsat inden sommerferien' }).getByText('Foreslået af Politiker').waitFor();
    expect(await axe(noah.page)).toEqual([]);
    for (const w of editors) await press(w, w.page.getByRole('region', { name: 'Mål og forventninger' }).getByRole('button', { name: 'Luk', exact: true }));

    await moveOnByConsent(freja, 'goals', 'ideas', 'Idéudvikling');

    // --- Ideas: everyone looks at the ideas frame; seven new ideas make ten in the frame. ---
    const frameOf = (page: Page, label: string) =>
      page.locator('.card[data-kind="frame"]').filter({ has: page.locator('.card-body', { hasText: new RegExp(`^${label}$`) }) });
    /** Nothing selected, "Vis alt" shows the whole board. */
    const viewAll = async (w: Who) => {
      await w.page.keyboard.press('Escape');
      await expect.poll(() => w.page.locator('.card.is-selected').count()).toBe(0);
      await press(w, w.page.getByRole('button', { name: 'Vis alt' }));
    };
    /** Is the whole ideas frame on the canvas (not under the sidebar or off screen)? */
    const frameInView = (w: Who) =>
      frameOf(w.page, 'Idéudvikling').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const c = (document.querySelector('.canvas') as HTMLElement).getBoundingClientRect();
        const sidebar = document.querySelector('.sidebar')?.getBoundingClientRect();
        const right = sidebar && sidebar.width > 0 ? sidebar.left : c.right;
        return r.left >= c.left && r.top >= c.top && r.right <= right && r.bottom <= c.bottom;
      });
    /** "Vis alt" shows the whole board; click the ideas frame where nothing covers it; "Vis alt" again zooms to it. */
    const viewIdeasFrame = async (w: Who) => {
      const frame = frameOf(w.page, 'Idéudvikling');
      await viewAll(w);
      await expect.poll(() => frame.evaluate((el) => el.getBoundingClientRect().right <= innerWidth)).toBe(true);
      await press(w, frame);
      await expect.poll(() => frame.getAttribute('class')).toContain('is-selected');
      await press(w, w.page.getByRole('button', { name: 'Vis alt' }));
      await expect.poll(() => frameInView(w)).toBe(true);
      await w.page.keyboard.press('Escape');
      await expect.poll(() => w.page.locator('.card.is-selected').count()).toBe(0);
    };
    // The facilitator goes to the ideas frame and asks everyone to come along; everyone (the screen too) accepts.
    await viewIdeasFrame(mette);
    await mette.page.getByRole('button', { name: 'Bed alle komme hertil' }).click();
    for (const w of [freja, noah, henrik, aisha, screen]) {
      const ask = w.page.getByRole('alertdialog', { name: 'Mette beder dig komme til sit udsnit af tavlen.' });
      await press(w, ask.getByRole('button', { name: 'Gå derhen' }));
      await ask.waitFor({ state: 'detached' });
    }
    // The phone gets the desktop's zoom, which shows part of the frame: zoom out until all of it is on screen.
    for (let i = 0; i < 5 && !(await frameInView(noah)); i++) await press(noah, noah.page.getByRole('button', { name: 'Zoom ud' }));
    for (const w of everyone) expect(await frameInView(w), `the ideas frame on ${w.name}'s screen`).toBe(true);

    /** A new idea from the toolbar; `**word**` is typed in bold (Ctrl+B). Returns its id once every editor has it. */
    const addIdea = async (w: Who, text: string): Promise<string> => {
      // On the phone one zooms in to write (and out again afterwards).
      const zoom = async (name: string) => {
        for (let i = 0; i < 2; i++) await press(w, w.page.getByRole('button', { name }));
      };
      if (w.phone) await zoom('Zoom ind');
      const toolbar = w.page.getByRole('toolbar', { name: 'Samskab' });
      // On the phone the toolbar is folded behind one "Værktøjer" menu.
      if (w.phone) await press(w, toolbar.getByRole('button', { name: 'Værktøjer', exact: true }));
      await press(w, toolbar.getByRole('button', { name: 'Idé', exact: true }));
      await typeInEditor(w.page, '');
      const editing = w.page.locator('.card.is-editing');
      const id = (await editing.getAttribute('data-item-id')) ?? '';
      for (const [i, part] of text.split('**').entries()) {
        if (i % 2 === 1) await w.page.keyboard.press('Control+b');
        await w.page.keyboard.type(part);
        if (i % 2 === 1) await w.page.keyboard.press('Control+b');
      }
      // Contract (b): the new card is in the ideas frame (the current step's frame, in view), clear of every other card.
      const frame = (await boardBoxes(w.page, '.card[data-kind="frame"]')).find((f) => f.text.trim() === 'Idéudvikling');
      const cards = await boardBoxes(w.page, '.card:not([data-kind="frame"])');
      const mine = cards.find((c) => c.id === id);
      expect(mine && frame && inside(mine, frame), `${w.name}'s new idea at ${JSON.stringify(mine)}, the ideas frame at ${JSON.stringify(frame)}`).toBe(true);
      expect(cards.filter((c) => c.id !== id && mine && overlaps(c, mine)).map((c) => c.text.slice(0, 40)), `cards under ${w.name}'s new idea`).toEqual([]);
      if (w.phone) await press(w, editing.locator('.card-actions').getByRole('button', { name: 'Færdig' }));
      else await w.page.keyboard.press('Escape');
      await editing.waitFor({ state: 'detached' });
      if (w.phone) await zoom('Zoom ud');
      // Everyone is looking at the ideas frame, so everyone sees it.
      const plain = text.replaceAll('**', '');
      for (const e of editors) await e.page.locator(`.card[data-item-id="${id}"]`, { hasText: plain }).waitFor();
      return id;
    };
    const ideas = {
      council: await addIdea(freja, 'Ungdomsråd med **rigtig** budgetmagt'),
      app: await addIdea(noah, 'Afstemninger i en app på telefonen'),
      questions: await addIdea(henrik, 'Byrådet holder spørgetime i klubben'),
      rooms: await addIdea(aisha, 'Foreningerne lægger lokaler til ungdomsrådet'),
      summit: await addIdea(mette, 'Årligt ungetopmøde med **hele** byrådet'),
      counts: await addIdea(henrik, 'Appens afstemninger tæller med i byrådet'),
      evenings: await addIdea(freja, 'Møder efter klokken 17 og online'),
    };
    const ideaText: Record<keyof typeof ideas, string> = {
      council: 'Ungdomsråd med rigtig budgetmagt',
      app: 'Afstemninger i en app på telefonen',
      questions: 'Byrådet holder spørgetime i klubben',
      rooms: 'Foreningerne lægger lokaler til ungdomsrådet',
      summit: 'Årligt ungetopmøde med hele byrådet',
      counts: 'Appens afstemninger tæller med i byrådet',
      evenings: 'Møder efter klokken 17 og online',
    };
    // Rich text reaches the others as rich text.
    await henrik.page.locator(`.card[data-item-id="${ideas.council}"] .card-body strong`, { hasText: 'rigtig' }).waitFor();
    await freja.page.locator(`.card[data-item-id="${ideas.summit}"] .card-body strong`, { hasText: 'hele' }).waitFor();

    const clickCard = (w: Who, id: string) => press(w, w.page.locator(`.card[data-item-id="${id}"]`));
    // Build on: the selected (newer) idea builds on the one picked next (contract (a)); Escape cancels the pick.
    const buildOn = async (w: Who, newer: string, older: string) => {
      await clickCard(w, newer);
      const bar = w.page.getByRole('toolbar', { name: 'Værktøjer til det valgte' });
      await bar.getByRole('button', { name: 'Bygger videre på …' }).click();
      await w.page.getByRole('status').filter({ hasText: 'Vælg den idé, som denne bygger videre på' }).waitFor();
      await clickCard(w, older);
      await w.page.locator(`.link-builds-on[data-from="${newer}"][data-to="${older}"]`).waitFor({ state: 'attached' });
      await w.page.getByRole('status').filter({ hasText: 'Vælg den idé, som denne bygger videre på' }).waitFor({ state: 'detached' });
    };
    // Aisha first changes her mind (Escape), then picks Freja's idea.
    await clickCard(aisha, ideas.rooms);
    await aisha.page.getByRole('toolbar', { name: 'Værktøjer til det valgte' }).getByRole('button', { name: 'Bygger videre på …' }).click();
    const hint = aisha.page.getByRole('status').filter({ hasText: 'Vælg den idé, som denne bygger videre på' });
    await hint.waitFor();
    await aisha.page.keyboard.press('Escape');
    await hint.waitFor({ state: 'detached' });
    expect(await aisha.page.locator(`.link-builds-on[data-from="${ideas.rooms}"]`).count()).toBe(0);
    await buildOn(aisha, ideas.rooms, ideas.council);
    await buildOn(henrik, ideas.counts, ideas.app);
    const connector = (page: Page, from: string, to: string) => page.locator(`.link-builds-on[data-from="${from}"][data-to="${to}"]`);
    for (const w of editors) {
      await connector(w.page, ideas.rooms, ideas.council).waitFor({ state: 'attached' });
      await connector(w.page, ideas.counts, ideas.app).waitFor({ state: 'attached' });
    }
    expect(await connector(mette.page, ideas.council, ideas.rooms).count()).toBe(0);
    const connectorText = await connector(mette.page, ideas.rooms, ideas.council).evaluate((g) => `${g.textContent ?? ''} ${g.getAttribute('aria-label') ?? ''}`);
    expect(connectorText.toLowerCase()).toContain('bygger videre på');

    // Placement (contract (b)): every new idea inside the ideas frame, and no two idea cards in it overlap.
    await viewAll(mette);
    const frameBox = (await boardBoxes(mette.page, '.card[data-kind="frame"]')).find((f) => /^Idéudvikling$/.test(f.text.trim()));
    if (!frameBox) throw new Error('no ideas frame on the board');
    const ideaBoxes = await boardBoxes(mette.page, '.card[data-kind="idea"]');
    expect(ideaBoxes.length).toBe(10);
    for (const [key, id] of Object.entries(ideas)) {
      const box = ideaBoxes.find((b) => b.id === id);
      expect(box && inside(box, frameBox), `"${ideaText[key as keyof typeof ideas]}" inside the ideas frame: ${JSON.stringify(box)} in ${JSON.stringify(frameBox)}`).toBe(true);
    }
    const inFrame = ideaBoxes.filter((b) => inside(b, frameBox));
    expect(inFrame.length).toBe(10);
    const clashes: string[] = [];
    inFrame.forEach((a, i) => inFrame.slice(i + 1).forEach((b) => overlaps(a, b) && clashes.push(`"${a.text}" overlaps "${b.text}"`)));
    expect(clashes).toEqual([]);
    // The ideas frame on the big screen, zoomed in to read.
    for (let i = 0; i < 2; i++) await press(screen, screen.page.getByRole('button', { name: 'Zoom ind' }));
    await expect.poll(() => frameInView(screen)).toBe(true);
    await screen.page.screenshot({ path: '.tmp/workshop-ideas.png' });
    expect(await axe(screen.page)).toEqual([]);
    expect(await axe(mette.page)).toEqual([]);

    // --- Value at three levels: three roles rate the youth council; the heatmap is the same for the observer. ---
    const rate = async (w: Who, id: string, scores: Array<[string, number]>) => {
      await press(w, w.page.getByRole('button', { name: 'Værdi', exact: true }));
      const panel = w.page.getByRole('region', { name: 'Værdi på tre niveauer' });
      for (const [level, n] of scores) await panel.locator(`[data-value-idea="${id}"]`).getByRole('group', { name: new RegExp(`^${level}`) }).getByLabel(String(n), { exact: true }).check();
      await press(w, panel.getByRole('button', { name: 'Luk', exact: true }));
    };
    await rate(freja, ideas.council, [['Personlig', 5], ['Kollektiv', 5], ['Samfund', 4]]);
    await rate(henrik, ideas.council, [['Personlig', 3], ['Kollektiv', 4], ['Samfund', 4]]);
    await rate(aisha, ideas.council, [['Personlig', 4], ['Kollektiv', 5], ['Samfund', 5]]);
    // Noah rates from the phone: two citizens form a row of their own; the only politician and the
    // only volunteer-association member are merged, so neither one's rating can be read (item 5).
    await rate(noah, ideas.council, [['Personlig', 5], ['Kollektiv', 4], ['Samfund', 4]]);
    await rate(aisha, ideas.rooms, [['Personlig', 5], ['Kollektiv', 4], ['Samfund', 3]]);
    const heatmap = (page: Page, id: string) =>
      page.locator(`.card[data-item-id="${id}"] .triad-row`).evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value-role'), r.getAttribute('data-means')]));
    const wantHeat = [
      ['citizen', '5,4.5,4'],
      ['merged', '3.5,4.5,4.5'],
    ];
    for (const w of [mette, screen]) await expect.poll(() => heatmap(w.page, ideas.council), UNTIL).toEqual(wantHeat);

    // --- A dot vote: three dots each; the youth council gets dots from every role. ---
    await mette.page.getByRole('button', { name: /^Afstemning/ }).click();
    const metteVote = mette.page.getByRole('region', { name: 'Prikafstemning' });
    await metteVote.getByLabel('Prikker pr. deltager').fill('3');
    await metteVote.getByRole('button', { name: 'Start afstemning' }).click();
    await metteVote.locator('[data-round-status="open"]').waitFor();
    const ballots: Array<[Who, Array<keyof typeof ideas>]> = [
      [mette, ['council', 'summit', 'rooms']],
      [freja, ['council', 'council', 'app']],
      [noah, ['council', 'app', 'app']],
      [henrik, ['questions', 'council', 'counts']],
      [aisha, ['rooms', 'rooms', 'council']],
    ];
    for (const [w, picks] of ballots) {
      if (w !== mette) await press(w, w.page.getByRole('button', { name: /^Afstemning/ }));
      const panel = w.page.getByRole('region', { name: 'Prikafstemning' });
      for (const k of picks) await press(w, panel.getByRole('button', { name: `Giv en prik til ${ideaText[k]}` }));
      await panel.getByText('Du har brugt 3 af dine 3 prikker.').waitFor();
      await panel.getByText(/Gemt/).waitFor();
    }
    await screen.page.getByRole('button', { name: /^Afstemning/ }).click();
    for (const w of everyone) await w.page.locator('.vote-participation[data-voters="5"]').waitFor();
    expect(await axe(noah.page)).toEqual([]);
    await henrik.page.getByRole('region', { name: 'Prikafstemning' }).getByRole('button', { name: 'Luk afstemningen' }).click();
    await freja.page.getByRole('region', { name: 'Prikafstemning' }).locator('[data-round-status="closed"]').waitFor();
    await freja.page.getByRole('region', { name: 'Prikafstemning' }).getByRole('button', { name: 'Vis resultatet for alle' }).click();
    for (const w of everyone) await w.page.locator('[data-round-status="revealed"]').waitFor();
    const results = (page: Page) =>
      page.locator('[data-result-idea]').evaluateAll((els) => els.map((e) => ({ idea: e.getAttribute('data-result-idea'), text: e.querySelector('.result-text')?.textContent, dots: e.getAttribute('data-dots'), roles: e.querySelector('.role-counts')?.textContent, broad: e.classList.contains('broad') })));
    const metteResults = await results(mette.page);
    for (const w of everyone) expect(await results(w.page), `vote results on ${w.name}'s screen`).toEqual(metteResults);
    expect(metteResults[0]).toMatchObject({ idea: ideas.council, text: ideaText.council, broad: true });
    await mette.page.getByText('5 deltagere fordelte 15 prikker.').waitFor();
    expect(await axe(screen.page)).toEqual([]);
    for (const w of everyone) await press(w, w.page.getByRole('region', { name: 'Prikafstemning' }).getByRole('button', { name: 'Luk', exact: true }));

    // --- Henrik edits his idea once more; then moving on by consent must still count all five. ---
    const questions = henrik.page.locator(`.card[data-item-id="${ideas.questions}"]`);
    await questions.dblclick({ position: await uncoveredPoint(questions) });
    await typeInEditor(henrik.page, '');
    await henrik.page.keyboard.press('End');
    await henrik.page.keyboard.type(' hver måned');
    await henrik.page.keyboard.press('Escape');
    await mette.page.locator(`.card[data-item-id="${ideas.questions}"]`, { hasText: 'spørgetime i klubben hver måned' }).waitFor();
    ideaText.questions = 'Byrådet holder spørgetime i klubben hver måned';

    await moveOnByConsent(henrik, 'ideas', 'design', 'Løsningsdesign', async () => {
      // Three of five are ready (Henrik proposed, Mette and Freja agreed): the strip and the prompt, on a desktop and on the phone.
      const strip = await freja.page.locator('.methodbar').boundingBox();
      const prompt = await freja.page.locator('.ph-prompt').boundingBox();
      if (!strip || !prompt) throw new Error('no phase strip or proposal on screen');
      const bottom = Math.max(strip.y + strip.height, prompt.y + prompt.height) + 12;
      await freja.page.screenshot({ path: '.tmp/workshop-phase-strip.png', clip: { x: 0, y: 0, width: 1280, height: Math.min(800, bottom) } });
      expect(await axe(freja.page)).toEqual([]);
      await noah.page.screenshot({ path: '.tmp/workshop-phone.png' });
      expect(await axe(noah.page)).toEqual([]);
    });

    // --- A timer by consent (Aisha proposes 15 minutes for the design step). ---
    await aisha.page.getByRole('button', { name: 'Foreslå …' }).click();
    const aishaPanel = aisha.page.getByRole('region', { name: 'Forløb, forslag og tid' });
    await aishaPanel.getByLabel('Minutter').fill('15');
    await aishaPanel.getByRole('button', { name: 'Foreslå timer' }).click();
    await mette.page.locator('.ph-prompt').getByText('Aisha (Frivillig forening) foreslår en timer på 15 min til Løsningsdesign.').waitFor();
    const timerVoters = editors.filter((w) => w !== aisha);
    for (const [i, w] of timerVoters.entries()) {
      for (const o of everyone) await expect.poll(() => readyCount(o.page), { ...UNTIL, message: `timer ready count on ${o.name}'s screen` }).toBe(`${i + 1}/5`);
      expect(await mette.page.locator('.ph-timer').count()).toBe(0);
      await press(w, w.page.getByRole('region', { name: 'Forslag' }).getByRole('button', { name: 'Klar' }));
    }
    for (const w of everyone) await w.page.getByRole('timer').waitFor();
    for (const w of everyone) {
      const left = Number(await w.page.locator('.ph-timer').getAttribute('data-left-ms'));
      expect(left).toBeGreaterThan(14 * 60_000 - 30_000);
      expect(left).toBeLessThanOrEqual(15 * 60_000);
    }

    // --- A named snapshot, the minutes (Markdown) and the full copy (JSON), as a participant downloads them. ---
    await mette.page.getByRole('button', { name: 'Resultater' }).click();
    const dialog = mette.page.getByRole('dialog');
    await dialog.getByLabel('Navn på øjebliksbillede').fill('Ungepolitik workshop 1');
    await dialog.getByRole('button', { name: 'Tag øjebliksbillede' }).click();
    await dialog.locator('[data-snapshot-name="Ungepolitik workshop 1"]').waitFor();
    const download = async (button: string) => {
      const [file] = await Promise.all([mette.page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
      return fs.promises.readFile(await file.path(), 'utf8');
    };
    const minutes = await download('Referat (Markdown)');
    const exported = JSON.parse(await download('Fuld kopi (JSON)')) as {
      items: Array<{ id: string; kind: string; author: string; text: string }>;
      links: Array<{ kind: string; from: string; to: string }>;
    };
    await dialog.getByRole('button', { name: 'Luk', exact: true }).click();

    for (const text of Object.values(ideaText)) expect(minutes).toContain(`**${text}**`);
    for (const [, text] of perspectives) expect(minutes).toContain(text);
    expect(minutes).toContain('Ungdomsrådet er nedsat inden sommerferien');
    // The minutes say which idea builds on which: the newer one on the older one.
    const line = (text: string) => minutes.split('\n').find((l) => l.includes(`**${text}**`)) ?? '';
    expect(line(ideaText.rooms)).toContain(`— Aisha (Frivillig forening)`);
    expect(line(ideaText.rooms)).toContain(`bygger på: »${ideaText.council}«`);
    expect(line(ideaText.counts)).toContain(`bygger på: »${ideaText.app}«`);
    expect(line(ideaText.council)).not.toContain('bygger på:');
    expect(line(ideaText.app)).toContain('— Noah (Borger)');
    expect(exported.links).toContainEqual(expect.objectContaining({ kind: 'builds-on', from: ideas.rooms, to: ideas.council }));
    expect(exported.links).toContainEqual(expect.objectContaining({ kind: 'builds-on', from: ideas.counts, to: ideas.app }));
    expect(exported.links.filter((l) => l.kind === 'builds-on' && l.from === ideas.council)).toEqual([]);
    // No invented people (contract (c)): the template's example names are nobody's, not in the minutes, not in the export.
    for (const name of TEMPLATE_NAMES) {
      expect(minutes, `the minutes name "${name}"`).not.toContain(name);
      expect(exported.items.filter((i) => i.author === name).map((i) => i.text.slice(0, 40)), `cards by "${name}"`).toEqual([]);
    }

    for (const w of everyone) expect(w.errors, `errors on ${w.name}'s screen`).toEqual([]);
    for (const w of everyone) await w.context.close();
  }, 300_000);
});
