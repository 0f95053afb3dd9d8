import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { projectStory, StoryError } from '../../shared/export/story';
import { escapeHtml, storyHtml } from '../../shared/export/storyHtml';
import { STORY_NAMES, STORY_TEXT, fillStoryBoard } from '../helpers/storyBoard';

const TODAY = '2026-12-04';
const TIMES = { publishedAt: Date.UTC(2026, 11, 4, 9), updatedAt: Date.UTC(2026, 11, 4, 9) };

function board(): Y.Doc {
  const doc = new Y.Doc();
  fillStoryBoard(doc);
  return doc;
}

/** Names (whole or the first name alone) found in a text. */
const namesIn = (text: string) => STORY_NAMES.filter((n) => text.includes(n) || text.includes(n.split(' ')[0] as string));

describe('the published story (content model and page)', () => {
  it('a default publish tells the story without any name, comment or card author', () => {
    const doc = board();
    const story = projectStory(doc, 'da', { names: false, today: TODAY });
    const json = JSON.stringify(story);
    expect(namesIn(json)).toEqual([]);
    expect(json).not.toContain(STORY_TEXT.comment);
    expect(story.problems[0]).toMatchObject({ text: STORY_TEXT.problem, role: 'Borger', author: '', ideas: 1, perspectiveRoles: ['Politiker'] });
    expect(story.participants).toMatchObject({ total: 3, names: [] });
    expect(story.participants.byRole.map((r) => r.count).reduce((a, b) => a + b)).toBe(3);
    expect(story.sessions.map((s) => [s.day, s.people, s.steps])).toEqual([
      ['2026-11-03', 3, ['Problemforståelse', 'Idéer til klubben']],
      ['2026-11-24', 2, []],
    ]);
    expect(story.decisions).toEqual([expect.objectContaining({ wording: STORY_TEXT.decision, names: [], revoked: false })]);
    // The organisation stays (it is not a participant); the person owner goes.
    expect(story.actions.map((a) => [a.what, a.who])).toEqual([
      [STORY_TEXT.lateAction, STORY_TEXT.organisation],
      [STORY_TEXT.personAction, ''],
    ]);
    expect(story.evaluation.sessions[0]?.answers[0]?.text).toBe(STORY_TEXT.answer);
    expect(story.evaluation.sessions[0]?.stories[0]).toEqual({ kind: 'good', role: 'Politiker', text: STORY_TEXT.story });
    expect(story.evaluation.indicators[0]?.latest).toMatchObject({ value: 22, status: 'improved' });

    const html = storyHtml(story, TIMES);
    expect(namesIn(html)).toEqual([]);
    expect(html).not.toContain('HEMMELIG');
    expect(html).toContain('Udgivet med Samskab 4. december 2026');
  });

  it('late actions are marked late, in words (not by colour alone)', () => {
    const story = projectStory(board(), 'en', { names: false, today: TODAY });
    expect(story.actions.map((a) => a.progress)).toEqual(['late', 'underway']);
    expect(story.actionSummary).toMatchObject({ late: 1, underway: 1, done: 0 });
    const html = storyHtml(story, TIMES);
    expect(html).toMatch(/<span class="badge b-late">Late<\/span>/);
    // The day before the due date it was not late yet.
    expect(projectStory(board(), 'en', { names: false, today: '2026-11-30' }).actions[0]?.progress).toBe('planned');
  });

  it('names appear only when the group chose names: true, and a board that hides names refuses it', () => {
    const shown = projectStory(board(), 'en', { names: true, today: TODAY });
    expect(shown.participants.names).toEqual([...STORY_NAMES].sort((a, b) => a.localeCompare(b, 'en')));
    expect(shown.decisions[0]?.names).toEqual([...STORY_NAMES].sort());
    expect(shown.actions[1]?.who).toBe(STORY_NAMES[0]);
    expect(shown.problems[0]?.author).toBe(STORY_NAMES[0]);
    const html = storyHtml(shown, TIMES);
    for (const n of STORY_NAMES) expect(html).toContain(escapeHtml(n));
    // Comments never, not even with names.
    expect(html).not.toContain('HEMMELIG');

    const hiding = board();
    setAnonymousNames(hiding, true);
    expect(() => projectStory(hiding, 'en', { names: true, today: TODAY })).toThrow(StoryError);
    expect(namesIn(JSON.stringify(projectStory(hiding, 'en', { names: false, today: TODAY })))).toEqual([]);
  });

  it('the page is plain, escaped, accessible HTML: no script, lang, landmarks, headings in order, th scope', () => {
    const story = projectStory(board(), 'en', { names: false, today: TODAY });
    const html = storyHtml(story, TIMES);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const tag of ['<header', '<main', '<footer', '<nav']) expect(html).toContain(tag);
    // "<" in a participant's text never becomes markup.
    expect(html).toContain('Indret lokalet &#38; køb møbler &#60;inden jul&#62;');
    expect(html).not.toContain('<inden jul>');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
    const ths = [...html.matchAll(/<th(?=[\s>])([^>]*)>/g)];
    expect(ths.length).toBeGreaterThan(0);
    for (const th of ths) expect(th[1]).toMatch(/scope="(col|row)"/);
  });
});
