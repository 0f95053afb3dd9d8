import type { PublishedStory, StoryState } from '../../../shared/export/story';
import { credentialsOf, type LinkParams as Params } from '../http/credentials';
import { boardUrl, requestJson } from '../http/json';

/* The board's public case story (docs/api.md, "Story"): where it stands, publish or update, withdraw. */

export type { PublishedStory, StoryState };

export const storyState = (boardId: string, params?: Params) => requestJson<StoryState>(boardUrl(boardId, '/story'), { credentials: credentialsOf(params) });

/** Publishes the story, or updates the published one from the board as it is now (same link). */
export const publishStory = (boardId: string, lang: 'da' | 'en', names: boolean, params?: Params) =>
  requestJson<PublishedStory>(boardUrl(boardId, '/story'), { method: 'POST', credentials: credentialsOf(params), json: { lang, names } });

/** Withdraws it: the public link answers "gone" at once. */
export const withdrawStory = (boardId: string, params?: Params) => requestJson<{ withdrawnAt: number }>(boardUrl(boardId, '/story'), { method: 'DELETE', credentials: credentialsOf(params) });
