import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { createItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { api } from '../helpers/http';
import { axe, createBoardWithLinks, editorKeyOf, joinAs, useApp, writeBoard, type Person } from './browser';

/**
 * Goals and expectations, then evaluation, in real browsers: a citizen and a
 * politician (Danish) and a business (English) each write their entry and see
 * everyone's; the group agrees goals; an evaluation session gets an answer, an
 * indicator with a measurement and a story; the goals are revisited; a second
 * session compares with what was decided (goals, the revealed vote).
 */
describe('goals and expectations, evaluation in Chromium', () => {
  const app = useApp();

  /**
   * Two ideas and a revealed vote round (through the real round API), so there is something decided:
   * two citizens, and one politician and one business, who are »Andre roller« together
   * (shared/cocreation/smallRoles.ts).
   */
  async function fill(boardId: string, key: string): Promise<void> {
    const { council, bus } = await writeBoard(app.server.url, boardId, key, (d) => ({
      council: createItem(d, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Sara'), text: 'Ungeråd med rigtig indflydelse' }),
      bus: createItem(d, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Mette'), text: 'Gratis bus til skolen' }),
    }));
    const call = async (method: string, path: string, body: unknown, voter?: string) => {
      const res = await api(app.server.url, method, `/api/boards/${boardId}/rounds${path}`, { key, voter, body });
      expect(res.status, `${method} rounds${path}`).toBeLessThan(300);
      return res.json as { id: string };
    };
    const { id } = await call('POST', '', { dots: 3, equalWeight: true });
    await call('PUT', `/${id}/ballot`, { role: 'citizen', votes: { [council]: 3 } }, 'e2e-goals-voter-0000001');
    await call('PUT', `/${id}/ballot`, { role: 'politician', votes: { [bus]: 2, [council]: 1 } }, 'e2e-goals-voter-0000002');
    await call('PUT', `/${id}/ballot`, { role: 'citizen', votes: { [council]: 3 } }, 'e2e-goals-voter-0000003');
    await call('PUT', `/${id}/ballot`, { role: 'business', votes: { [bus]: 3 } }, 'e2e-goals-voter-0000004');
    await call('POST', `/${id}/reveal`, {});
  }

  const open = async (page: Page, button: string | RegExp, region: string) => {
    await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
    const panel = page.getByRole('region', { name: region });
    await panel.waitFor();
    return panel;
  };

  it('three roles fill their entries, agree goals, evaluate in two sessions and compare', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Ungepolitik' });
    const key = editorKeyOf(links);
    await fill(id, key);

    const [ann, bo, cem] = (await joinAs(app.browser, app.server.url, links.editor, [
      { name: 'Ann', role: 'citizen' },
      { name: 'Bo', role: 'politician' },
      { name: 'Cem', role: 'business', locale: 'en-GB' },
    ])) as [Person, Person, Person];

    // --- Goals and expectations: each writes their own entry. ---
    const annGoals = await open(ann.page, 'Mål', 'Mål og forventninger');
    // The panel takes focus when it opens.
    expect(await ann.page.evaluate(() => document.activeElement?.id)).toBe('goals-title');
    await annGoals.getByText('Du skriver som Ann (Borger).', { exact: false }).waitFor();
    await annGoals.getByLabel('Det bringer jeg ind').fill('Jeg kender de unge i klubben');
    await annGoals.getByLabel('Det forventer jeg').fill('At de unge bliver hørt for alvor');
    await annGoals.getByLabel('Mine mål på kort sigt').fill('Et ungeråd inden sommerferien');
    await annGoals.getByLabel('Mine mål på lang sigt').fill('Færre unge dropper ud');

    const boGoals = await open(bo.page, 'Mål', 'Mål og forventninger');
    await boGoals.getByLabel('Det forventer jeg').fill('Konkrete forslag jeg kan tage med i byrådet');
    await boGoals.getByLabel('Mine mål på kort sigt').fill('En plan til budgettet');

    const cemGoals = await open(cem.page, 'Goals', 'Goals and expectations');
    await cemGoals.getByLabel('What I bring').fill('Internships in our company');
    await cemGoals.getByLabel('What I expect').fill('Young people who know what a workplace is like');

    // Everyone sees everyone's entries, grouped by role.
    const everyone = (panel: typeof annGoals) => panel.getByRole('region', { name: /Alles bidrag|Everyone’s entries/ });
    await everyone(annGoals).locator('[data-role="politician"]', { hasText: 'Konkrete forslag jeg kan tage med i byrådet' }).waitFor();
    await everyone(annGoals).locator('[data-role="business"]', { hasText: 'Internships in our company' }).waitFor();
    await everyone(boGoals).locator('[data-role="citizen"]', { hasText: 'Et ungeråd inden sommerferien' }).waitFor();
    await everyone(cemGoals).locator('[data-role="citizen"]', { hasText: 'Færre unge dropper ud' }).waitFor();
    await everyone(cemGoals).locator('[data-role="politician"]', { hasText: 'En plan til budgettet' }).waitFor();
    // Ann's own entry is her form, not repeated in the list.
    expect(await everyone(annGoals).locator('[data-role="citizen"]').count()).toBe(0);

    // Equal rights: Cem corrects a typo in Bo's entry; Bo sees it in his own form.
    await everyone(cemGoals).getByRole('button', { name: 'Edit the entry of Bo (Politician)' }).click();
    const boEntryInCem = everyone(cemGoals).locator('[data-role="politician"] .goals-form');
    await boEntryInCem.getByLabel('Short term').fill('En plan til budgettet 2026');
    await everyone(cemGoals).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => boGoals.getByLabel('Mine mål på kort sigt').inputValue()).toBe('En plan til budgettet 2026');

    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-goals-entries.png' });
    await everyone(cemGoals).scrollIntoViewIfNeeded();
    await cemGoals.screenshot({ path: '.tmp/e2e-goals-everyone-en.png' });

    // Names hidden on the board: entries keep the role, lose the name.
    const setAnon = (on: boolean) => writeBoard(app.server.url, id, key, (d) => setAnonymousNames(d, on));
    await setAnon(true);
    const boInAnn = everyone(annGoals).locator('[data-role="politician"] .goals-entry');
    await boInAnn.getByRole('button', { name: 'Redigér bidraget fra Politiker' }).waitFor();
    expect(await boInAnn.locator('.goals-entry-head strong').textContent()).toBe('Politiker');
    expect(await everyone(annGoals).textContent()).not.toContain('Bo');
    await setAnon(false);
    await boInAnn.getByRole('button', { name: 'Redigér bidraget fra Bo (Politiker)' }).waitFor();

    // --- The group agrees goals (Bo adds one, Cem another, in English). ---
    await boGoals.getByRole('button', { name: /^Fælles mål/ }).click();
    await boGoals.getByLabel('Formulér målet').fill('Ungerådet er nedsat inden sommerferien');
    await boGoals.getByRole('button', { name: 'Tilføj mål' }).click();
    await cemGoals.getByRole('button', { name: /^Agreed goals/ }).click();
    await cemGoals.getByLabel('Word the goal').fill('Dropout falls from 20 % to 12 %');
    await cemGoals.getByLabel('Horizon').selectOption('long');
    await cemGoals.getByRole('button', { name: 'Add goal' }).click();
    // Empty goals are refused with a clear message, and nothing is added.
    await cemGoals.getByRole('button', { name: 'Add goal' }).click();
    await cemGoals.getByRole('alert').getByText('Write the goal first.').waitFor();

    await annGoals.getByRole('button', { name: /^Fælles mål/ }).click();
    await annGoals.locator('[data-goal-id]', { hasText: 'Ungerådet er nedsat inden sommerferien' }).getByText('Foreslået af Politiker').waitFor();
    await annGoals.locator('[data-goal-id]', { hasText: 'Dropout falls from 20 % to 12 %' }).getByText('Foreslået af Virksomhed').waitFor();
    expect(await annGoals.locator('[data-goal-id]').count()).toBe(2);
    expect(await axe(ann.page)).toEqual([]);
    await annGoals.screenshot({ path: '.tmp/e2e-goals-agreed.png' });

    // --- Evaluation, session 1 (Ann). ---
    await annGoals.getByRole('button', { name: 'Luk' }).click();
    const annEval = await open(ann.page, 'Evaluering', 'Evaluering');
    expect(await ann.page.evaluate(() => document.activeElement?.id)).toBe('eval-title');
    await annEval.getByText('Ingen evalueringssession endnu. Åbn den første.').waitFor();
    await annEval.getByLabel('Navn på sessionen').fill('Første evaluering');
    await annEval.getByLabel('Dato').fill('2025-03-01');
    await annEval.getByRole('button', { name: 'Åbn session' }).click();
    await annEval.getByLabel('Evalueringssession').waitFor();
    // All 17 Appendix 1 questions, in three groups.
    expect(await annEval.locator('[data-question]').count()).toBe(17);
    await annEval.getByRole('heading', { name: 'Hvad bruger vi måling til?' }).waitFor();
    await annEval.getByLabel('Hvad vil vi forandre? Hvordan ved vi, hvordan ved vi, at det er lykkedes?').fill('At flere unge gennemfører en uddannelse');

    // Cem (English) records an indicator and measures it in this session; Bo tells a story.
    const cemEval = await open(cem.page, 'Evaluation', 'Evaluation');
    await cemEval.getByLabel('What do we want to change? How do we know, how do we know that it has succeeded?').waitFor();
    await expect.poll(() => cemEval.getByLabel('What do we want to change? How do we know, how do we know that it has succeeded?').inputValue()).toBe('At flere unge gennemfører en uddannelse');
    await cemEval.getByRole('button', { name: 'Indicators' }).click();
    await cemEval.getByLabel('Indicator', { exact: true }).fill('Dropout rate');
    await cemEval.getByLabel('Unit (optional)').fill('%');
    await cemEval.getByLabel('Baseline').fill('20');
    await cemEval.getByLabel('Target').fill('abc');
    await cemEval.getByRole('button', { name: 'Add indicator' }).click();
    await cemEval.getByRole('alert').getByText('Target must be a number').waitFor();
    await cemEval.getByLabel('Target').fill('12');
    await cemEval.getByLabel('Direction').selectOption('lower');
    await cemEval.getByRole('button', { name: 'Add indicator' }).click();
    const measure1 = cemEval.getByLabel('Dropout rate measured in Første evaluering');
    await measure1.fill('18');
    await measure1.press('Enter');
    await cemEval.locator('[data-indicator="Dropout rate"]').getByText('Better', { exact: true }).waitFor();

    const boEval = await open(bo.page, 'Evaluering', 'Evaluering');
    await boEval.getByRole('button', { name: 'Fortællinger' }).click();
    await boEval.getByLabel('Dårlig erfaring').check();
    await boEval.getByLabel('Fortælling', { exact: true }).fill('Møderne lå i skoletiden, så mange unge kunne ikke komme');
    await boEval.getByRole('button', { name: 'Tilføj fortælling' }).click();
    await annEval.getByRole('button', { name: 'Fortællinger' }).click();
    await annEval.locator('[data-story-kind="bad"]', { hasText: 'Møderne lå i skoletiden' }).getByText('Dårlig erfaring · Politiker').waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await annEval.getByRole('button', { name: 'Indikatorer' }).click();
    await annEval.locator('[data-indicator="Dropout rate"]').getByText('Bedre', { exact: true }).waitFor();
    expect(await annEval.getByLabel('Dropout rate målt i Første evaluering').inputValue()).toBe('18');
    expect(await axe(ann.page)).toEqual([]);
    await annEval.screenshot({ path: '.tmp/e2e-evaluation-indicators.png' });

    // --- Revisit the goals at the end (Ann), then → now; Bo sees the summary. ---
    await annEval.getByRole('button', { name: 'Luk' }).click();
    const annGoals2 = await open(ann.page, 'Mål', 'Mål og forventninger');
    await annGoals2.getByRole('button', { name: 'Se tilbage' }).click();
    await annGoals2.getByText('0 af 2 fælles mål nået').waitFor();
    await annGoals2.getByLabel('Status for: Ungerådet er nedsat inden sommerferien').selectOption('met');
    const note = annGoals2.getByLabel('Note til: Ungerådet er nedsat inden sommerferien');
    await note.fill('Nedsat 2. maj med 11 unge');
    await note.press('Tab');
    await annGoals2.getByLabel('Status for: Dropout falls from 20 % to 12 %').selectOption('partly');
    await annGoals2.getByLabel('Status for: Ann (Borger): At de unge bliver hørt for alvor').selectOption('changed');
    await annGoals2.getByText('1 af 2 fælles mål nået').waitFor();
    await annGoals2.getByText('1 af 6 personlige forventninger og mål er set på.').waitFor();
    // Bo has the evaluation open (one panel at a time); he switches to the goals.
    const boGoals2 = await open(bo.page, 'Mål', 'Mål og forventninger');
    await boGoals2.getByRole('button', { name: 'Se tilbage' }).click();
    await boGoals2.getByText('1 af 2 fælles mål nået').waitFor();
    await expect.poll(() => boGoals2.getByLabel('Note til: Ungerådet er nedsat inden sommerferien').inputValue()).toBe('Nedsat 2. maj med 11 unge');
    expect(await axe(ann.page)).toEqual([]);
    await annGoals2.screenshot({ path: '.tmp/e2e-goals-revisit.png' });
    // Escape closes the panel.
    await annGoals2.getByRole('heading', { name: 'Mål og forventninger' }).focus();
    await ann.page.keyboard.press('Escape');
    await annGoals2.waitFor({ state: 'detached' });

    // --- A later session (Cem) measures again; the comparison shows what was decided beside what was measured. ---
    await cemEval.getByRole('button', { name: '+ New session' }).click();
    await cemEval.getByLabel('Name of the session').fill('Follow-up');
    await cemEval.getByLabel('Date').fill('2025-09-01');
    await cemEval.getByRole('button', { name: 'Open session' }).click();
    await cemEval.getByLabel('Dropout rate measured in Follow-up').fill('11,5');
    await cemEval.getByLabel('Dropout rate measured in Follow-up').press('Enter');
    await cemEval.locator('[data-indicator="Dropout rate"]').getByText('Target met', { exact: true }).waitFor();
    await cemEval.getByRole('button', { name: 'Compare' }).click();
    const table = cemEval.locator('.eval-table');
    const cells = () => table.locator('tr[data-indicator="Dropout rate"] td[data-session]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-session'), e.getAttribute('data-status'), e.textContent]));
    await expect.poll(cells).toEqual([
      ['Første evaluering', 'improved', '18 %Better'],
      ['Follow-up', 'met', '11.5 %Target met'],
    ]);
    await table.getByText('↗ better than last time').waitFor();
    await cemEval.getByText('1 of 2 agreed goals met').waitFor();
    await cemEval.locator('.eval-cmp-goals li', { hasText: 'Ungerådet er nedsat' }).getByText('Met', { exact: true }).waitFor();
    const decided = cemEval.locator('.eval-cmp-ideas > li');
    await expect.poll(() => decided.evaluateAll((els) => els.map((e) => e.querySelector('.eval-idea-text')?.textContent?.trim()))).toEqual([
      'Ungeråd med rigtig indflydelse',
      'Gratis bus til skolen',
    ]);
    await decided.first().getByText('Citizen: 6').waitFor();
    await decided.first().getByText('Other roles: 1').waitFor();
    expect((await decided.allTextContents()).join(' ')).not.toMatch(/Politician|Business/);
    await cemEval.getByText('Roles with fewer than 2 participants are merged with others into “Other roles” (Politician, Business) so no single person’s choice can be seen.').waitFor();
    expect(await axe(cem.page)).toEqual([]);
    await cemEval.screenshot({ path: '.tmp/e2e-evaluation-compare-en.png' });

    // Ann (Danish) sees the same comparison, and the earlier answer next to the new session's question.
    await annEval.waitFor({ state: 'detached' });
    const annEval2 = await open(ann.page, 'Evaluering', 'Evaluering');
    await expect.poll(() => annEval2.getByLabel('Evalueringssession').inputValue()).not.toBe('');
    await annEval2.getByText('Sidst (Første evaluering): At flere unge gennemfører en uddannelse').waitFor();
    await annEval2.getByRole('button', { name: 'Sammenlign' }).click();
    await annEval2.getByText('1 af 2 fælles mål nået').waitFor();
    await annEval2.locator('tr[data-indicator="Dropout rate"] td[data-session="Follow-up"]').getByText('Mål nået', { exact: true }).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-evaluation-compare.png' });

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    expect(cem.errors).toEqual([]);
    for (const p of [ann, bo, cem]) await p.context.close();
  });
});
