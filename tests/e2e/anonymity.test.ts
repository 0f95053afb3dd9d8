import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, typeInEditor, useApp, writeBoard, type Person } from './browser';

/**
 * Hidden names are really hidden (issue 15): in an anonymous vote round with
 * three people, no participant name is on screen, in a card's accessible
 * label, in presence, in the outline or in the minutes — neither the names of
 * the three nor those of cards written before the round — and what is written
 * during the round carries no name even after the round ends.
 */
const PEOPLE = [
  { name: 'Kirstine Qvortrup', role: 'citizen' as const },
  { name: 'Henrik Zahle', role: 'politician' as const },
  { name: 'Yasmin Wexoe', role: 'business' as const },
];
const EARLIER = 'Sigrid Lykkeberg';
const ALL_NAMES = [...PEOPLE.map((p) => p.name), EARLIER];
const namesIn = (text: string) => ALL_NAMES.filter((n) => text.includes(n) || text.includes(n.split(' ')[0] as string));

describe('an anonymous round in Chromium', () => {
  const app = useApp();

  it('three people: no name on the board, in labels, presence, the outline or the minutes', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungdomspolitik' });
    const key = editorKeyOf(links);
    await writeBoard(app.server.url, id, key, (d) => {
      const p = createItem(d, { kind: 'problem', x: 0, y: 0, author: author('citizen', EARLIER), text: 'For få steder at mødes om aftenen' });
      createItem(d, { kind: 'idea', x: 320, y: 0, author: author('citizen', EARLIER), text: 'Et ungehus i centrum' });
      return p;
    });
    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, PEOPLE)) as [Person, Person, Person];
    await ann.page.locator('.presence li').nth(2).waitFor();

    // Bo starts a round that hides names.
    await bo.page.getByRole('button', { name: 'Afstemning' }).click();
    const boVote = bo.page.getByRole('region', { name: 'Prikafstemning' });
    await boVote.getByLabel('Prikker pr. deltager').fill('3');
    await boVote.getByLabel(/Skjul navne på tavlen/).check();
    await boVote.getByRole('button', { name: 'Start afstemning' }).click();
    await boVote.locator('[data-round-status="open"]').waitFor();
    await bo.page.keyboard.press('Escape');
    for (const p of [ann, bo, cem]) await p.page.locator('.co-anon').waitFor();

    // Each adds an idea during the round.
    for (const [p, text] of [
      [ann, 'Gratis bus om aftenen'],
      [bo, 'Længere åbent i hallen'],
      [cem, 'Caféjob til unge'],
    ] as const) {
      await p.page.getByRole('toolbar', { name: /Samskab/ }).getByRole('button', { name: /^(Idé|Idea)$/ }).click();
      await typeInEditor(p.page, text);
      await p.page.keyboard.press('Escape');
    }
    for (const text of ['Gratis bus om aftenen', 'Længere åbent i hallen', 'Caféjob til unge']) await ann.page.locator('.card', { hasText: text }).waitFor();

    // Nothing on screen or in accessible names carries a name: cards, presence, cursors.
    for (const [n, p] of [ann, bo, cem].entries()) {
      const shown = await p.page.locator('.board-page').evaluate((page) => {
        // A person's own name stays on their own device: only their identity button shows it to them.
        const el = page.cloneNode(true) as HTMLElement;
        el.querySelector('.identity-button')?.remove();
        const labels = [...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
        const data = [...el.querySelectorAll('[data-presence-name],[data-cursor-name]')].map((e) => `${e.getAttribute('data-presence-name') ?? ''} ${e.getAttribute('data-cursor-name') ?? ''}`);
        return [el.textContent ?? '', ...labels, ...data].join('\n');
      });
      expect(namesIn(shown), PEOPLE[n]?.name).toEqual([]);
      // And nobody else's name is in that button either.
      const own = (await p.page.locator('.identity-button').textContent()) ?? '';
      expect(namesIn(own).filter((name) => name !== PEOPLE[n]?.name)).toEqual([]);
    }
    // The card of the earlier author names the role only, for screen readers too.
    const earlier = ann.page.locator('.card', { hasText: 'Et ungehus i centrum' });
    expect(await earlier.locator('.card-author').textContent()).toBe('Borger');
    expect(await earlier.getAttribute('aria-label')).toBe('Idé (Borger)');

    // The outline (and so print/PDF) and the minutes: no name at all.
    await ann.page.getByRole('button', { name: 'Disposition' }).click();
    const outline = ann.page.locator('article.outline');
    await outline.getByText('Gratis bus om aftenen').waitFor();
    expect(namesIn((await outline.textContent()) ?? '')).toEqual([]);
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-anonymity-outline.png' });
    for (const format of ['md', 'csv', 'json', 'svg']) {
      const res = await api(app.server.url, 'GET', `/api/boards/${id}/export.${format}?lang=da`, { key });
      expect(res.status, format).toBe(200);
      expect(namesIn(res.text), format).toEqual([]);
    }

    // After the round: what was written during it still has no name (it was never stored).
    const doc = await writeBoard(app.server.url, id, key, (d) => JSON.stringify(d.getMap('items').toJSON()));
    for (const p of PEOPLE) expect(doc.includes(p.name), p.name).toBe(false);
    expect([...ann.errors, ...bo.errors, ...cem.errors]).toEqual([]);
  });
});
