import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillStoryBoard, STORY_NAMES, STORY_TEXT } from '../helpers/storyBoard';
import { axe, createBoardWithLinks, editorKeyOf, person, useApp, writeBoard } from './browser';

/**
 * Sharing a board's story (issue 16) in Chromium: an editor publishes it from
 * the outcomes dialog with the keyboard, the public page reads well on a
 * phone without JavaScript and without names, and a withdrawal (confirmed)
 * makes the link answer "gone" at once. Both pages are axe-clean.
 */
describe('share the story in Chromium', () => {
  const app = useApp();

  it('publish → read on a phone without JavaScript → withdraw', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: STORY_TEXT.title, lang: 'da' });
    await writeBoard(app.server.url, id, editorKeyOf(links), (doc) => fillStoryBoard(doc));
    const ann = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();

    await ann.page.getByRole('button', { name: 'Resultater' }).click();
    const dialog = ann.page.getByRole('dialog');
    const section = dialog.getByRole('region', { name: 'Del jeres historie' });
    await section.getByText('Historien er ikke udgivet.').waitFor();
    // The names box is there (the board shows names) and starts unchecked.
    expect(await section.getByLabel('Vis deltagernes navne').isChecked()).toBe(false);
    await section.getByLabel('Sprog på siden').selectOption('da');
    // Publish with the keyboard.
    await section.getByRole('button', { name: 'Udgiv historien' }).focus();
    await ann.page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Historien er udgivet.').waitFor();
    const link = await section.getByRole('textbox', { name: 'Offentligt link til historien' }).inputValue();
    expect(link).toMatch(/\/story\/[A-Za-z0-9_-]{32}$/);
    await section.getByRole('button', { name: 'Opdatér historien' }).waitFor();
    expect(await axe(ann.page)).toEqual([]);

    // A reader on a phone, with JavaScript off: the page is complete without it.
    fs.mkdirSync('/tmp/shots', { recursive: true });
    const phone = await person(app.browser, 'da-DK', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false });
    const res = await phone.page.goto(link);
    expect(res?.status()).toBe(200);
    await phone.page.getByRole('heading', { level: 1, name: STORY_TEXT.title }).waitFor();
    await phone.page.getByText(STORY_TEXT.decision).waitFor();
    const text = await phone.page.locator('body').innerText();
    for (const n of STORY_NAMES) expect(text).not.toContain(n.split(' ')[0]);
    expect(text).not.toContain('HEMMELIG');
    // Readable without zooming: nothing wider than the screen, body text at least 16 px.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await phone.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(16);
    await phone.page.screenshot({ path: '/tmp/shots/story-phone-390.png', fullPage: true });
    const desk = await person(app.browser, 'da-DK', { viewport: { width: 1280, height: 900 } });
    await desk.page.goto(link);
    expect(await axe(desk.page)).toEqual([]);
    await desk.page.screenshot({ path: '/tmp/shots/story-desktop-1280.png', fullPage: true });

    // Withdraw, confirmed: the link is gone at once.
    await section.getByRole('button', { name: 'Træk historien tilbage' }).click();
    await section.getByText('Siden forsvinder med det samme').waitFor();
    await section.getByRole('button', { name: 'Ja, træk den tilbage' }).click();
    await dialog.getByRole('status').getByText('Historien er trukket tilbage.').waitFor();
    const gone = await desk.page.goto(link);
    expect(gone?.status()).toBe(410);
    await desk.page.getByRole('heading', { level: 1, name: 'Fortællingen er trukket tilbage' }).waitFor();
    expect(await axe(desk.page)).toEqual([]);
    // (The reader's console notes the 410 itself; the editor's page has no error.)
    expect(ann.errors).toEqual([]);
    for (const p of [ann, phone, desk]) await p.context.close();
  });
});
