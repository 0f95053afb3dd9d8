import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_IDS, DEFAULT_PHASES } from '../../shared/cocreation/agenda';
import { TEMPLATE_IDS } from '../../shared/templates';
import { axe, person, useApp } from './browser';

/**
 * The start page's template chooser in Chromium: choose the marina template
 * with the keyboard alone, create the board, and see one frame per phase.
 * Screenshots: .tmp/e2e-templates-*.png.
 */
describe('starting a board from a template', () => {
  const app = useApp();

  it('chooses the marina template with the keyboard and gets a board with six phase frames', async () => {
    const p = await person(app.browser, 'da-DK');
    await fs.promises.mkdir('.tmp', { recursive: true });
    await p.page.goto(app.server.url);
    const group = p.page.getByRole('group', { name: 'Vælg en skabelon' });
    await group.waitFor();
    expect(await group.getByRole('radio').count()).toBe(TEMPLATE_IDS.length);
    // Blank is chosen until someone chooses otherwise.
    expect(await group.getByRole('radio', { name: 'Tom tavle' }).isChecked()).toBe(true);
    expect(await axe(p.page)).toEqual([]);

    // Keyboard only: Tab into the group (it lands on the chosen radio), arrows choose.
    for (let i = 0; i < 10; i++) {
      await p.page.keyboard.press('Tab');
      if (await p.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'template')) break;
    }
    expect(await p.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('blank');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('ArrowDown');
    const marina = group.getByRole('radio', { name: 'Renovering af lystbådehavn' });
    expect(await marina.isChecked()).toBe(true);
    expect(await marina.evaluate((el) => el === document.activeElement)).toBe(true);
    // The title field says what the board will be called when left empty.
    await p.page.getByText('Lader du feltet stå tomt, hedder tavlen »Renovering af lystbådehavnen«.').waitFor();
    expect(await axe(p.page)).toEqual([]);
    await p.page.screenshot({ path: '.tmp/e2e-templates-chooser.png', fullPage: true });

    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('new-title');
    await p.page.keyboard.press('Tab');
    expect(await p.page.evaluate(() => document.activeElement?.textContent)).toBe('Opret tavle');
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(/\/b\//);

    await p.page.getByRole('dialog').waitFor();
    await p.page.getByLabel('Dit navn').fill('Birgit');
    await p.page.getByLabel('Borger').check();
    await p.page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await p.page.locator('.status[data-state="saved"]').waitFor();
    expect(await p.page.locator('#board-title').inputValue()).toBe('Renovering af lystbådehavnen');

    // One frame per phase, named in Danish; the problem and perspectives are there too.
    const frames = p.page.locator('.card[data-kind="frame"]');
    for (const phase of DEFAULT_PHASE_IDS) {
      const label = DEFAULT_PHASES[phase].da;
      await expect.poll(() => frames.filter({ has: p.page.locator('.card-body', { hasText: new RegExp(`^${label}$`) }) }).count(), { message: label }).toBe(1);
    }
    expect(await p.page.locator('.card[data-kind="problem"]').count()).toBe(1);
    expect(await p.page.locator('.card[data-kind="perspective"]').count()).toBeGreaterThanOrEqual(3);
    // The board was fitted into view on load: every phase frame is at least partly on screen.
    const view = p.page.viewportSize() as { width: number; height: number };
    for (const box of await frames.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.right > 0 && box.left < view.width && box.bottom > 0 && box.top < view.height).toBe(true);
    }
    expect(await axe(p.page)).toEqual([]);
    await p.page.screenshot({ path: '.tmp/e2e-templates-board.png' });
    // Closer (about 60 %) on problem understanding, zoomed at its top-left corner so the frame stays in view.
    const understand = await frames.filter({ has: p.page.locator('.card-body', { hasText: /^Problemforståelse$/ }) }).boundingBox();
    if (!understand) throw new Error('no problem-understanding frame on screen');
    await p.page.mouse.move(understand.x + 4, understand.y + 4);
    await p.page.keyboard.down('Control');
    await p.page.mouse.wheel(0, -70);
    await p.page.keyboard.up('Control');
    await p.page.screenshot({ path: '.tmp/e2e-templates-frame.png' });
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it('shows the templates in English and keeps a title the person types', async () => {
    const p = await person(app.browser, 'en-GB');
    await p.page.goto(app.server.url);
    const group = p.page.getByRole('group', { name: 'Choose a template' });
    await group.getByRole('radio', { name: 'Drop-out mentoring' }).check();
    await p.page.getByText('Leave it empty to call the board “Mentors against drop-out at the technical college”.').waitFor();
    await p.page.getByLabel('Board title').fill('Mentors at Vejby Tech');
    await p.page.screenshot({ path: '.tmp/e2e-templates-chooser-en.png', fullPage: true });
    await p.page.getByRole('button', { name: 'Create board' }).click();
    await p.page.waitForURL(/\/b\//);
    await p.page.getByRole('dialog').waitFor();
    await p.page.getByLabel('Your name').fill('Mikkel');
    await p.page.getByLabel('Citizen').check();
    await p.page.getByRole('button', { name: 'Go to the board' }).click();
    await p.page.locator('.status[data-state="saved"]').waitFor();
    expect(await p.page.locator('#board-title').inputValue()).toBe('Mentors at Vejby Tech');
    await p.page.locator('.card[data-kind="frame"]', { hasText: 'Evaluation and learning' }).first().waitFor();
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
