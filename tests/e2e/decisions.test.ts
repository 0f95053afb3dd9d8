import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { readWorkLog } from '../../shared/cocreation/worklog';
import { author } from '../helpers/board';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, useApp, writeBoard, type Person } from './browser';

/**
 * Decisions by consent in real browsers (issue 16): a citizen and a politician
 * (Danish) and a public employee (English). The citizen proposes a decision on
 * an idea from its selection bar; the others see it; with two ready it is not
 * decided; when the third is ready every screen shows the decision and the
 * card's »Besluttet« mark. Also: every vote round stays listed in the vote
 * panel, and joining is recorded in the session log.
 */
describe('decisions by consent in Chromium', () => {
  const app = useApp();

  const openPanel = async (page: Page, button: string, region: string) => {
    await page.getByRole('button', { name: new RegExp(`^${button}`) }).click();
    const panel = page.getByRole('region', { name: region, exact: true });
    await panel.waitFor();
    return panel;
  };

  it('three roles: proposed from a card, decided only when all three are ready, seen by everyone', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const key = editorKeyOf(links);
    const { council } = await writeBoard(app.server.url, id, key, (d) => ({
      council: createItem(d, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Sara'), text: 'Ungeråd med rigtig indflydelse' }),
      bus: createItem(d, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Mette'), text: 'Gratis bus til skolen' }),
    }));

    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician' },
      { name: 'Cem', role: 'public-employee', locale: 'en-GB' },
    ])) as [Person, Person, Person];
    const pages = [ann.page, bo.page, cem.page];
    // Everyone hears that all three are present (the phase strip counts the people present).
    for (const p of pages) await p.locator('.ph-count[data-present="3"]').waitFor();

    // Ann selects the idea and proposes a decision from the selection bar: the panel opens with it ticked.
    await ann.page.locator(`.card[data-item-id="${council}"]`).click();
    await ann.page.locator('.selection-bar').getByRole('button', { name: 'Foreslå beslutning' }).click();
    const annPanel = ann.page.getByRole('region', { name: 'Beslutninger', exact: true });
    await annPanel.waitFor();
    const tick = annPanel.getByRole('checkbox', { name: /Ungeråd med rigtig indflydelse/ });
    expect(await tick.isChecked()).toBe(true);
    expect(await annPanel.getByRole('checkbox', { name: /Gratis bus til skolen/ }).isChecked()).toBe(false);
    // The keyboard is in the wording field.
    await expect.poll(() => ann.page.evaluate(() => document.activeElement?.id)).toBe('decision-wording');
    // Bad input: no wording. A clear message, nothing proposed.
    await annPanel.getByRole('button', { name: 'Foreslå beslutning' }).click();
    await annPanel.getByRole('alert').getByText('Skriv beslutningen med få ord.').waitFor();
    await annPanel.getByLabel('Beslutningen med få ord').fill('Vi opretter et ungeråd før sommerferien');
    await annPanel.getByRole('button', { name: 'Foreslå beslutning' }).click();
    await annPanel.locator('.decision-open .decision-count[data-ready="1"][data-total="3"]').waitFor();
    expect(await annPanel.getByRole('alert').count()).toBe(0);

    // The others see a badge on their button, and the proposal in their panel.
    await bo.page.locator('.co-badge[data-open-decisions="1"]').waitFor();
    await cem.page.locator('.co-badge[data-open-decisions="1"]', { hasText: '1 proposal' }).waitFor();
    const boPanel = await openPanel(bo.page, 'Beslutninger', 'Beslutninger');
    const cemPanel = await openPanel(cem.page, 'Decisions', 'Decisions');
    await boPanel.locator('.decision-open').getByText('Vi opretter et ungeråd før sommerferien').waitFor();
    await boPanel.getByText('Foreslået af Ann (Borger)', { exact: false }).waitFor();
    await cemPanel.getByText('Proposed by Ann (Citizen)', { exact: false }).waitFor();
    await cemPanel.locator('.decision-open').getByRole('button', { name: 'Show on the board: Ungeråd med rigtig indflydelse' }).waitFor();
    await cemPanel.locator('li[data-person-state="waiting"]', { hasText: 'Cem (Public employee) (you)' }).waitFor();

    // Bo is ready: two of three. Not decided.
    await boPanel.getByRole('button', { name: 'Klar', exact: true }).click();
    for (const p of pages) await p.locator('.decision-open .decision-count[data-ready="2"][data-total="3"]').waitFor();
    for (const p of pages) {
      expect(await p.locator('li.decision').count()).toBe(0);
      expect(await p.locator(`.card[data-item-id="${council}"] .decision-mark`).count()).toBe(0);
    }
    await annPanel.getByText('Ingen beslutninger endnu.').waitFor();
    const violations = await axe(cem.page);
    expect(violations.filter((v) => v.targets.some((t) => t.includes('decision')))).toEqual([]);
    expect(violations).toEqual([]);
    await cem.page.screenshot({ path: '.tmp/e2e-decisions-proposal.png' });

    // Cem is ready: decided, on every screen, with the roles present and the mark on the card.
    await cemPanel.getByRole('button', { name: 'Ready', exact: true }).click();
    for (const p of pages) {
      await p.locator('li.decision', { hasText: 'Vi opretter et ungeråd før sommerferien' }).waitFor();
      await p.locator('.decision-open').waitFor({ state: 'detached' });
      await p.locator(`.card[data-item-id="${council}"] .decision-mark`).waitFor();
    }
    expect(await ann.page.locator(`.card[data-item-id="${council}"] .decision-mark`).innerText()).toContain('Besluttet');
    expect(await cem.page.locator(`.card[data-item-id="${council}"] .decision-mark`).innerText()).toContain('Decided');
    expect(await ann.page.locator('li.decision').count()).toBe(1);
    await boPanel.locator('li.decision').getByText('Politiker: 1, Offentlig medarbejder: 1, Borger: 1').waitFor();
    await boPanel.locator('li.decision').getByText('Ann, Bo, Cem').waitFor();
    await cemPanel.getByText('Public employee: 1', { exact: false }).waitFor();
    for (const p of pages) expect(await p.locator('.co-badge[data-open-decisions]').count()).toBe(0);
    expect(await axe(cem.page)).toEqual([]);
    await cem.page.screenshot({ path: '.tmp/e2e-decisions-decided.png' });

    // Revisit: Bo proposes a new wording; it is not in force until everyone is ready.
    await boPanel.locator('li.decision').getByRole('button', { name: 'Genbesøg' }).click();
    await boPanel.getByLabel('Ny ordlyd').fill('Vi opretter et ungeråd med eget budget');
    await boPanel.getByRole('button', { name: 'Foreslå ny ordlyd' }).click();
    await annPanel.locator('.decision-open[data-proposal-kind="revisit"]').getByText('Vi opretter et ungeråd med eget budget').waitFor();
    await annPanel.locator('.decision-open').getByRole('button', { name: 'Klar', exact: true }).click();
    await cemPanel.locator('.decision-open .decision-count[data-ready="2"][data-total="3"]').waitFor();
    expect(await cem.page.locator('li.decision .decision-wording').innerText()).toContain('Vi opretter et ungeråd før sommerferien');
    await cemPanel.locator('.decision-open').getByRole('button', { name: 'Ready', exact: true }).click();
    for (const p of pages) await p.locator('li.decision .decision-wording', { hasText: 'Vi opretter et ungeråd med eget budget' }).waitFor();

    // The session log holds all three, by role, for today.
    const log = await writeBoard(app.server.url, id, key, (d) => readWorkLog(d));
    expect(log.days).toHaveLength(1);
    expect(log.days[0]!.byRole).toEqual({ citizen: 1, politician: 1, 'public-employee': 1 });
    expect([...log.people.values()].map((p) => p.name).sort()).toEqual(['Ann', 'Bo', 'Cem']);

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    expect(cem.errors).toEqual([]);
    for (const p of [ann, bo, cem]) await p.context.close();
  }, 120_000);

  it('the vote panel lists every earlier round; a new round hides none', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Havnen' });
    const key = editorKeyOf(links);
    const { bath, bench } = await writeBoard(app.server.url, id, key, (d) => ({
      bath: createItem(d, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Lis'), text: 'Badebro ved sejlklubben' }),
      bench: createItem(d, { kind: 'idea', x: 300, y: 0, author: author('business', 'Ole'), text: 'Bænke på molen' }),
    }));
    const call = async (method: string, path: string, body: unknown, voter?: string) => {
      const res = await api(app.server.url, method, `/api/boards/${id}/rounds${path}`, { key, voter, body });
      expect(res.status, `${method} rounds${path}`).toBeLessThan(300);
      return res.json as { id: string };
    };
    const first = await call('POST', '', { dots: 3, equalWeight: false });
    await call('PUT', `/${first.id}/ballot`, { role: 'citizen', votes: { [bath]: 3 } }, 'e2e-decisions-voter-001');
    await call('PUT', `/${first.id}/ballot`, { role: 'business', votes: { [bath]: 1, [bench]: 2 } }, 'e2e-decisions-voter-002');
    await call('POST', `/${first.id}/reveal`, {});
    const second = await call('POST', '', { dots: 2, equalWeight: true });
    await call('POST', `/${second.id}/close`, {});
    const third = await call('POST', '', { dots: 1, equalWeight: false });

    const [ann] = (await joinAs(app.browser, app.server.url, links.editor, [{ name: 'Ann', role: 'citizen' }])) as [Person];
    const panel = await openPanel(ann.page, 'Afstemning', 'Prikafstemning');
    const earlier = panel.getByRole('region', { name: 'Tidligere runder' });
    await earlier.waitFor();
    // Newest first; the open round is shown above, not here.
    expect(await earlier.locator('li[data-round-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-round-id')))).toEqual([second.id, first.id]);
    expect(await earlier.locator(`li[data-round-id="${third.id}"]`).count()).toBe(0);
    const revealed = earlier.locator(`li[data-round-id="${first.id}"]`);
    await revealed.locator('summary').click();
    await revealed.getByText('3 prikker pr. person · 2 stemte').waitFor();
    expect(await revealed.locator('.result').evaluateAll((els) => els.map((e) => [e.getAttribute('data-result-idea'), e.getAttribute('data-dots')]))).toEqual([
      [bath, '4'],
      [bench, '2'],
    ]);
    await revealed.getByText('Badebro ved sejlklubben').waitFor();
    const closed = earlier.locator(`li[data-round-id="${second.id}"]`);
    await closed.locator('summary', { hasText: 'lukket, resultatet er ikke vist' }).click();
    await closed.getByText('lige vægt pr. rolle', { exact: false }).waitFor();
    expect(await closed.locator('.result').count()).toBe(0);
    expect(await axe(ann.page)).toEqual([]);
    expect(ann.errors).toEqual([]);
    await ann.context.close();
  }, 60_000);
});
