import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readComments } from '../../shared/cocreation/comments';
import { readGoals } from '../../shared/cocreation/goals';
import { readRatings } from '../../shared/cocreation/value';
import { createItem, listItems, listLinks } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, person, typeInEditor, useApp, writeBoard } from './browser';
import { decodeQr } from './qr';

/**
 * The phone-first participation view (issue 17) in Chromium: a desktop at
 * 1280 × 800 and a citizen's phone at 390 × 844 (touch, Danish) on the same
 * board. The phone joins from the citizen QR code of the printed sheet
 * (decoded from its pixels) and gets the participation view by default; it adds a
 * perspective and an idea, gives dots in a round the desktop started and says
 * "Klar" to the desktop's proposal — the desktop sees each within a second of
 * the phone's edit being stored — and sees the desktop's card. Every phone
 * screen has no horizontal scroll, no overlapping controls, 44 × 44 buttons,
 * 16 px text and no serious axe findings. The switch to the canvas and back
 * works and is remembered on the device.
 *
 * Screenshots: /tmp/shots/17-phone-now.png, 17-phone-add.png, 17-phone-cards.png.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const PROBLEM = 'Bussen til skolen kører for sjældent';

/** Layout rules every phone screen keeps; each list names what breaks a rule (empty when all hold). */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const name = (el: Element) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${(el.textContent ?? '').trim().slice(0, 30)}`;
    const controls = [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary')].filter(visible);
    const overlaps: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i] as Element;
        const b = controls[j] as Element;
        if (a.contains(b) || b.contains(a)) continue;
        const r = a.getBoundingClientRect();
        const s = b.getBoundingClientRect();
        const w = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const h = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (w > 0.5 && h > 0.5) overlaps.push(`${name(a)} × ${name(b)}`);
      }
    }
    const small = controls
      .filter((el) => el.tagName === 'BUTTON')
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 44 - 0.5 || r.height < 44 - 0.5;
      })
      .map((el) => `${name(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
    const smallText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16 - 0.01) smallText.push(`${name(el)} ${size}px`);
    }
    // A phone browser widens its layout viewport (innerWidth) to fit content that is too wide, so the screen's width is checked too.
    const wide = Math.max(document.documentElement.scrollWidth, innerWidth);
    return { scroll: document.documentElement.scrollWidth <= innerWidth && wide <= screen.width ? 'ok' : `${document.documentElement.scrollWidth} / ${innerWidth} > ${screen.width}`, overlaps, small, smallText };
  });
}

async function checkScreen(page: Page, what: string) {
  expect(await layoutProblems(page), what).toEqual({ scroll: 'ok', overlaps: [], small: [], smallText: [] });
  // Stricter than "no serious or critical": no axe finding at all.
  expect(await axe(page), `${what}: axe`).toEqual([]);
}

/** Runs `action` and resolves once the page's badge went away from "saved" and back: the edit is stored on the server. */
async function savedAfter(page: Page, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const w = window as unknown as { __states: string[]; __obs?: MutationObserver };
    w.__states = [];
    w.__obs?.disconnect();
    const el = document.querySelector('.status') as Element;
    w.__obs = new MutationObserver(() => w.__states.push(el.getAttribute('data-state') ?? ''));
    w.__obs.observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
  await action();
  await page.waitForFunction(() => {
    const s = (window as unknown as { __states: string[] }).__states;
    const away = s.findIndex((x) => x !== 'saved');
    return away >= 0 && s.slice(away).includes('saved') && document.querySelector('.status')?.getAttribute('data-state') === 'saved';
  });
}

describe('the phone-first participation view in Chromium', () => {
  const app = useApp();

  it('a phone takes part by default in the phone view, live both ways with a desktop', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Skolevejen' });
    const problemId = await writeBoard(app.server.url, id, editorKeyOf(links), (doc) =>
      createItem(doc, { kind: 'problem', x: 0, y: 0, author: { name: 'Lone', role: 'politician' }, text: PROBLEM }),
    );
    const [desk] = await joinAs(app.browser, app.server.url, links.editor, [{ name: 'Mette', role: 'public-employee' }]);
    if (!desk) throw new Error('no desktop');
    // Noah joins the way a citizen in the hall does: he scans the citizen code on the printed QR sheet
    // (decoded here from its pixels), and types his name; the role comes with the code.
    const sheet = await desk.context.newPage();
    await sheet.goto(`${app.server.url}/b/${id}/qr?k=${editorKeyOf(links)}`);
    const scanned = await decodeQr(sheet.locator('.qr-card[data-role="citizen"]').getByRole('img', { name: 'QR-kode: deltag på tavlen som Borger' }));
    await sheet.close();
    const phone = await person(app.browser, 'da-DK', PHONE);
    const p = phone.page;
    await p.goto(scanned);
    const join = p.getByRole('dialog', { name: 'Hvem er du på tavlen?' });
    await join.getByLabel('Dit navn').fill('Noah');
    expect(await join.getByRole('radio', { name: 'Borger' }).isChecked()).toBe(true);
    await join.getByRole('button', { name: 'Gå til tavlen' }).tap();
    await p.locator('.status[data-state="saved"]').waitFor();

    // --- The phone view by default: no canvas; the Now screen with the phase, its question and "done". ---
    await p.locator('main.phone-view').waitFor();
    expect(await p.locator('.canvas').count()).toBe(0);
    const now = p.locator('[data-screen="now"]');
    await now.getByText('Problemforståelse').waitFor();
    await now.getByText('Hvad er problemet – set fra din stol?').waitFor();
    await checkScreen(p, 'Now screen');
    await p.screenshot({ path: '/tmp/shots/17-phone-now.png' });

    // --- Add: a perspective on the problem (the only one, chosen already), with my role from my identity. ---
    await p.getByRole('navigation', { name: 'Deltag fra telefonen' }).getByRole('button', { name: 'Tilføj' }).tap();
    const add = p.locator('[data-screen="add"]');
    await add.getByText('Du skriver som Borger.').waitFor();
    // Bad input: a clear message, nothing written.
    await add.getByRole('button', { name: 'Tilføj' }).tap();
    await add.getByRole('alert').getByText('Skriv noget først.').waitFor();
    await checkScreen(p, 'Add screen');
    await p.screenshot({ path: '/tmp/shots/17-phone-add.png' });

    const perspective = 'Jeg venter 40 minutter hver morgen';
    expect(await add.getByLabel('På hvilket problem?').inputValue()).toBe(problemId);
    await add.getByLabel('Din tekst').fill(perspective);
    await savedAfter(p, () => add.getByRole('button', { name: 'Tilføj' }).tap());
    await expect.poll(() => desk.page.locator('.card', { hasText: perspective }).count(), { timeout: 1000 }).toBe(1);

    // An idea on the same problem.
    const idea = 'Flere afgange i myldretiden';
    await add.getByLabel('En idé').check();
    await add.getByLabel('Din tekst').fill(idea);
    await savedAfter(p, () => add.getByRole('button', { name: 'Tilføj' }).tap());
    await expect.poll(() => desk.page.locator('.card', { hasText: idea }).count(), { timeout: 1000 }).toBe(1);

    // Placed like the canvas places new cards: never on another card.
    const boxes = await desk.page.locator('.card[data-item-id]').evaluateAll((els) =>
      els.map((el) => {
        const h = el as HTMLElement;
        const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(h.style.transform);
        return { x: Number(m?.[1]), y: Number(m?.[2]), w: h.offsetWidth, h: h.offsetHeight, text: h.textContent?.slice(0, 20) ?? '' };
      }),
    );
    expect(boxes).toHaveLength(3);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${JSON.stringify(a)} on ${JSON.stringify(b)}`).toBe(false);

    // --- The desktop adds an idea: it appears on the phone's Cards screen. ---
    await desk.page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Idé' }).click();
    await typeInEditor(desk.page, 'Cykelsti langs landevejen');
    await desk.page.keyboard.press('Escape');
    await p.getByRole('navigation', { name: 'Deltag fra telefonen' }).getByRole('button', { name: 'Kort' }).tap();
    const cards = p.locator('[data-screen="cards"]');
    await cards.locator('.phone-entry', { hasText: 'Cykelsti langs landevejen' }).waitFor();
    await cards.locator('.phone-entry', { hasText: perspective }).getByText('Perspektiv · Noah · Borger').waitFor();

    // --- Dots: the desktop starts a round, the phone gives two dots to its idea. ---
    await desk.page.getByRole('button', { name: 'Afstemning' }).click();
    const vote = desk.page.getByRole('region', { name: 'Prikafstemning' });
    await vote.getByLabel('Prikker pr. deltager').fill('3');
    await vote.getByRole('button', { name: 'Start afstemning' }).click();
    await vote.locator('[data-round-status="open"]').waitFor();
    const give = cards.getByRole('button', { name: `Giv en prik til ${idea}` });
    await give.tap();
    await give.tap();
    await cards.getByText('Gemt. Du kan ændre dine prikker, indtil afstemningen lukkes.').waitFor();
    await cards.getByText('Du har brugt 2 af dine 3 prikker.').waitFor();
    await expect.poll(() => vote.locator('.vote-participation').getAttribute('data-voters'), { timeout: 1000 }).toBe('1');
    await checkScreen(p, 'Cards screen with an open round');
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: '/tmp/shots/17-phone-cards.png' });
    await cards.locator('.phone-entry', { hasText: idea }).scrollIntoViewIfNeeded();
    await p.screenshot({ path: '/tmp/shots/17-phone-cards-vote.png' });

    // --- On a card: build on it, comment, rate its value; and my goal from the Add screen. All stored on the board. ---
    // By its own text: the idea built on it says »Bygger på Cykelsti …« too.
    const desksIdea = cards.locator('.phone-entry', { has: p.locator('.phone-entry-text', { hasText: /^Cykelsti langs landevejen$/ }) });
    await desksIdea.getByRole('button', { name: 'Byg videre' }).tap();
    await desksIdea.getByLabel('Din idé, der bygger på »Cykelsti langs landevejen«').fill('Med lys om vinteren');
    await savedAfter(p, () => desksIdea.getByRole('button', { name: 'Tilføj' }).tap());
    await expect.poll(() => desk.page.locator('.card', { hasText: 'Med lys om vinteren' }).count(), { timeout: 1000 }).toBe(1);
    await cards.locator('.phone-entry', { hasText: 'Med lys om vinteren' }).getByText('Bygger på »Cykelsti langs landevejen«').waitFor();
    await desksIdea.getByRole('button', { name: 'Kommentér (0)' }).tap();
    await desksIdea.getByLabel('Din kommentar til »Cykelsti langs landevejen«').fill('Husk cykelparkering ved skolen');
    await savedAfter(p, () => desksIdea.getByRole('button', { name: 'Send' }).tap());
    await desksIdea.getByRole('button', { name: 'Kommentér (1)' }).waitFor();
    await desksIdea.getByRole('button', { name: 'Værdi' }).tap();
    await savedAfter(p, () => desksIdea.getByRole('button', { name: 'Samfund: 4' }).tap());
    expect(await desksIdea.getByRole('button', { name: 'Samfund: 4' }).getAttribute('aria-pressed')).toBe('true');
    await checkScreen(p, 'Cards screen with a card open');
    const stored = await writeBoard(app.server.url, id, editorKeyOf(links), (doc) => {
      const items = listItems(doc).items;
      const textOf = (itemId: string) => {
        const it = items.find((i) => i.id === itemId);
        return it ? readPlainText(it.body) : '';
      };
      return {
        buildsOn: listLinks(doc).filter((l) => l.kind === 'builds-on').map((l) => `${textOf(l.from)} → ${textOf(l.to)}`),
        perspectiveOn: items.filter((i) => i.kind === 'perspective').map((i) => `${readPlainText(i.body)} | ${i.role} | ${i.kind === 'perspective' ? i.problemId : ''}`),
        comments: [...readComments(doc, new Set(items.map((i) => i.id))).values()].flat().map((c) => `${c.text} | ${c.role}`),
        ratings: readRatings(doc).map((r) => `${textOf(r.ideaId)} | ${r.role} | ${String(r.societal)}`),
      };
    });
    expect(stored).toEqual({
      buildsOn: ['Med lys om vinteren → Cykelsti langs landevejen'],
      perspectiveOn: [`${perspective} | citizen | ${problemId}`],
      comments: ['Husk cykelparkering ved skolen | citizen'],
      ratings: ['Cykelsti langs landevejen | citizen | 4'],
    });
    await p.getByRole('navigation', { name: 'Deltag fra telefonen' }).getByRole('button', { name: 'Tilføj' }).tap();
    await add.getByLabel('Mit mål').check();
    await add.getByLabel('Din tekst').fill('At min lillebror kan cykle sikkert til skole');
    await savedAfter(p, () => add.getByRole('button', { name: 'Gem mit mål' }).tap());
    await add.getByText('Dit mål er gemt.').waitFor();
    const goals = await writeBoard(app.server.url, id, editorKeyOf(links), (doc) => readGoals(doc).people.map((e) => `${e.role}: ${e.fields.short?.text ?? ''}`));
    expect(goals).toEqual(['citizen: At min lillebror kan cykle sikkert til skole']);

    // --- Consent: the desktop proposes moving on; the phone says "Klar" on the Now screen. ---
    await desk.page.getByRole('button', { name: 'Foreslå …' }).click();
    await desk.page.getByRole('button', { name: 'Foreslå at gå videre til Mål og forventninger' }).click();
    await p.getByRole('navigation', { name: 'Deltag fra telefonen' }).getByRole('button', { name: 'Nu' }).tap();
    await now.getByText('Mette (Offentlig medarbejder) foreslår at gå videre til Mål og forventninger.').waitFor();
    await checkScreen(p, 'Now screen with a proposal');
    const step = () => desk.page.locator('.ph-steps li[aria-current="step"]').getAttribute('data-step-id');
    expect(await step()).toBe('understand');
    await savedAfter(p, () => now.getByRole('button', { name: 'Klar' }).tap());
    // Both present are ready: the desktop sees the group move on.
    await expect.poll(step, { timeout: 1000 }).toBe('goals');
    await now.getByText('Hvad vil vi opnå sammen, og hvad forventer du?').waitFor();

    // --- The switch to the canvas and back, remembered on this device. ---
    await p.getByRole('button', { name: 'Vis hele tavlen' }).tap();
    await p.locator('.canvas').waitFor();
    expect(await p.locator('main.phone-view').count()).toBe(0);
    await p.reload();
    await p.locator('.canvas').waitFor();
    await p.getByRole('button', { name: 'Telefonvisning' }).tap();
    await p.locator('main.phone-view').waitFor();
    await p.reload();
    await p.locator('main.phone-view').waitFor();
    expect(await p.locator('.canvas').count()).toBe(0);

    // A link can choose the view (?view=canvas), e.g. for a facilitator's tablet; it is remembered like the switch.
    await p.goto(`${app.server.url}${links.editor}&name=Noah&role=citizen&view=canvas`);
    await p.locator('.canvas').waitFor();
    expect(await p.locator('main.phone-view').count()).toBe(0);

    expect(phone.errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await phone.context.close();
    await desk.context.close();
  });
});
