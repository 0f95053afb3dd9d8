import { describe, expect, it } from 'vitest';
import { addAgreedGoal } from '../../shared/cocreation/goals';
import { author } from '../helpers/board';
import { axe, createBoardWithLinks, editorKeyOf, person, typeInEditor, useApp, writeBoard } from './browser';

/**
 * Outcomes in real browsers: Ann takes a snapshot, the group changes things,
 * Ann compares and restores, while Bo keeps typing in a card the whole time.
 */
describe('snapshots, compare and restore in Chromium', () => {
  const app = useApp();

  it('snapshot → change → compare → restore, with a second person editing text throughout', async () => {
    const { id, links } = await createBoardWithLinks(app.server.url, { title: 'Lokal park', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();

    // Ann writes the problem.
    await ann.page.getByRole('button', { name: 'Problem' }).click();
    await typeInEditor(ann.page, 'Parken bruges for lidt');
    await ann.page.keyboard.press('Escape');

    // Bo opens the same card and keeps it open for the rest of the test.
    await bo.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
    const boCard = bo.page.locator('.card[data-kind="problem"]');
    await boCard.waitFor();
    await boCard.dblclick();
    const boEditor = bo.page.locator('.card-editor');
    await boEditor.waitFor();
    // Type once the editor has the focus (as typeInEditor does): a space typed before goes to the canvas.
    await bo.page.waitForFunction(() => document.activeElement?.classList.contains('card-editor') === true);
    await bo.page.keyboard.press('End');
    await bo.page.keyboard.type(' om aftenen');
    await ann.page.locator('.card[data-kind="problem"]', { hasText: 'om aftenen' }).waitFor();
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    await bo.page.locator('.status[data-state="saved"]').waitFor();

    // Snapshot.
    await ann.page.getByRole('button', { name: 'Resultater' }).click();
    const dialog = ann.page.getByRole('dialog');
    await dialog.getByLabel('Navn på øjebliksbillede').fill('Efter workshop 1');
    await dialog.getByRole('button', { name: 'Tag øjebliksbillede' }).click();
    await dialog.locator('[data-snapshot-name="Efter workshop 1"]').waitFor();
    await dialog.locator('[data-snapshot-name="Efter workshop 1"] img').waitFor();
    // Opened read-only: the snapshot's image.
    await dialog.locator('[data-snapshot-name="Efter workshop 1"]').getByRole('button', { name: 'Vis' }).click();
    await dialog.getByRole('img', { name: /kun visning.*Efter workshop 1/ }).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-outcomes-panel.png' });
    await dialog.getByRole('button', { name: 'Luk', exact: true }).click();

    // Changes after the snapshot: Ann adds an idea, Bo keeps typing.
    await ann.page.getByRole('button', { name: 'Idé' }).click();
    await typeInEditor(ann.page, 'Udendørs fitness');
    await ann.page.keyboard.press('Escape');
    await bo.page.keyboard.type(' og i weekenden');
    await bo.page.locator('.card[data-kind="idea"]', { hasText: 'Udendørs fitness' }).waitFor();
    await ann.page.locator('.card[data-kind="problem"]', { hasText: 'i weekenden' }).waitFor();
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    // And a goal agreed from another program: no card to mark, so the highlight names it (issue 15).
    await writeBoard(app.server.url, id, editorKeyOf(links), (d) => addAgreedGoal(d, { horizon: 'short', text: 'Lys i parken', author: author('citizen', 'Ann') }));

    // Compare: the idea is listed as added.
    await ann.page.getByRole('button', { name: 'Resultater' }).click();
    await dialog.locator('[data-snapshot-name="Efter workshop 1"]').getByRole('button', { name: 'Sammenlign med nu' }).click();
    const diff = dialog.getByRole('region', { name: /Ændret siden/ });
    await diff.getByText('Tilføjet (1)').waitFor();
    await diff.getByText('Udendørs fitness').waitFor();
    await diff.getByText('Tekst ændret (1)').waitFor();

    // Highlighted on the canvas: the new idea is outlined and labelled until highlighting stops.
    await diff.getByRole('button', { name: 'Fremhæv ændringer på tavlen' }).click();
    const idea = ann.page.locator('.card[data-kind="idea"]');
    await expect.poll(() => idea.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    // The same set as the comparison: what has no card is named in the bar.
    await ann.page.locator('[data-highlight-maps]', { hasText: 'Mål og forventninger: 1' }).waitFor();
    await ann.page.screenshot({ path: '.tmp/e2e-compare.png' });
    await ann.page.getByRole('button', { name: 'Stop fremhævning' }).click();
    await expect.poll(() => idea.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('solid');
    await ann.page.getByRole('button', { name: 'Resultater' }).click();

    // Restore (confirming the question); Bo is still typing in his editor.
    ann.page.once('dialog', (d) => void d.accept());
    await dialog.locator('[data-snapshot-name="Efter workshop 1"]').getByRole('button', { name: 'Gendan' }).click();
    await dialog.getByText(/Gendannet/).waitFor();
    await dialog.locator('[data-snapshot-name^="Automatisk: før gendannelse"]').waitFor();
    await dialog.getByRole('button', { name: 'Luk', exact: true }).click();

    for (const p of [ann.page, bo.page]) {
      await p.locator('.card[data-kind="idea"]').waitFor({ state: 'detached' });
    }
    await expect.poll(() => ann.page.locator('.card[data-kind="problem"] .card-body').innerText()).toBe('Parken bruges for lidt om aftenen');

    // Bo's open editor still works after the restore: his next words reach Ann.
    await expect.poll(() => boEditor.innerText()).toBe('Parken bruges for lidt om aftenen');
    await boEditor.click();
    await bo.page.keyboard.press('End');
    await bo.page.keyboard.type(' – også efter gendannelse');
    await ann.page.locator('.card[data-kind="problem"]', { hasText: 'også efter gendannelse' }).waitFor();

    // The outline shows the same content as headings and lists.
    await ann.page.getByRole('button', { name: 'Disposition' }).click();
    await ann.page.locator('article.outline').getByRole('heading', { level: 1, name: 'Lokal park' }).waitFor();
    await ann.page.getByRole('heading', { level: 2, name: /Parken bruges for lidt/ }).waitFor();
    expect(await axe(ann.page)).toEqual([]);
    await ann.page.screenshot({ path: '.tmp/e2e-outline.png' });

    expect(ann.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
    await ann.context.close();
    await bo.context.close();
  });
});
