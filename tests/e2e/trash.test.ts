import { describe, expect, it } from 'vitest';
import { axe, createBoardWithLinks, person, typeInEditor, useApp } from './browser';

/**
 * The trash in Chromium (issue 15): Ann deletes the board; Bo, who is on it,
 * sees that it is in the trash and until when, and brings it back for
 * everyone with one button; an observer sees the notice without the button,
 * and it goes away by itself once the board is back.
 */
describe('deleting to the trash and recovering in Chromium', () => {
  const app = useApp();

  it('delete → the others see the trash notice → an editor recovers → the board is back for everyone', async () => {
    const { links } = await createBoardWithLinks(app.server.url, { title: 'Skatepark', lang: 'da' });
    const ann = await person(app.browser, 'da-DK');
    const bo = await person(app.browser, 'da-DK');
    const obs = await person(app.browser, 'da-DK');
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await bo.page.goto(`${app.server.url}${links.editor}&name=Bo&role=politician`);
    await obs.page.goto(`${app.server.url}${links.observer}`);
    await ann.page.locator('.status[data-state="saved"]').waitFor();
    await ann.page.getByRole('toolbar', { name: 'Samskab' }).getByRole('button', { name: 'Idé' }).click();
    await typeInEditor(ann.page, 'Ramper ved havnen');
    await ann.page.keyboard.press('Escape');
    for (const p of [bo.page, obs.page]) await p.locator('.card', { hasText: 'Ramper ved havnen' }).waitFor();
    await ann.page.locator('.status[data-state="saved"]').waitFor();

    // Ann deletes: the dialog says it goes to the trash, and until when.
    await ann.page.getByRole('button', { name: 'Resultater' }).click();
    const dialog = ann.page.getByRole('dialog');
    await dialog.getByText(/Lægger tavlen i papirkurven indtil \d+\. \w+ \d{4}/).waitFor();
    await dialog.getByLabel('Bekræftelse').fill('Skatepark');
    await dialog.getByRole('button', { name: 'Læg i papirkurven' }).click();
    await ann.page.getByText(/Tavlen er lagt i papirkurven\. Den kan gendannes fra sit redigeringslink indtil \d+\. \w+ \d{4}\./).waitFor();

    // Bo and the observer see the notice; only Bo can recover.
    const notice = bo.page.getByRole('alert').filter({ hasText: 'Tavlen er i papirkurven' });
    await notice.getByText(/Den slettes endeligt \d+\. \w+ \d{4}\./).waitFor();
    // The status says the connection is closed (not "reconnecting"), and why.
    await bo.page.locator('.status[data-state="stopped"]', { hasText: 'En deltager har lagt tavlen i papirkurven.' }).waitFor();
    const obsNotice = obs.page.getByRole('alert').filter({ hasText: 'Tavlen er i papirkurven' });
    await obsNotice.getByText('Kun nogen med redigeringslinket kan gendanne den.', { exact: false }).waitFor();
    expect(await obsNotice.getByRole('button').count()).toBe(0);
    expect(await axe(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: '.tmp/e2e-trash-notice.png' });
    // The button has the focus: Enter recovers.
    await expect.poll(() => bo.page.evaluate(() => document.activeElement?.textContent)).toBe('Gendan tavlen');
    await bo.page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    await bo.page.locator('.status[data-state="saved"]').waitFor();
    await bo.page.locator('.card', { hasText: 'Ramper ved havnen' }).waitFor();

    // Everyone gets it back: the observer without reloading (the notice looks again now and then),
    // Ann from her link.
    await obsNotice.waitFor({ state: 'detached', timeout: 20_000 });
    await obs.page.locator('.status[data-state="saved"]').waitFor();
    await obs.page.locator('.card', { hasText: 'Ramper ved havnen' }).waitFor();
    await ann.page.goto(`${app.server.url}${links.editor}&name=Ann&role=citizen`);
    await ann.page.locator('.card', { hasText: 'Ramper ved havnen' }).waitFor();
    expect([...ann.errors, ...bo.errors, ...obs.errors].filter((e) => !/WebSocket|410|Gone/.test(e))).toEqual([]);
  });
});
