import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addStory, isStoryKind, MAX_STORY_LENGTH, removeStory, STORY_KINDS, type EvalSession, type EvaluationState, type StoryKind } from '../../../../shared/cocreation/evaluation';
import { roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import type { Identity } from '../../state/identity';
import { useUi } from '../../state/ui';
import { errorText } from '../goals/format';

interface Props {
  doc: Y.Doc;
  state: EvaluationState;
  session: EvalSession;
  /** Null for observers. Stories carry the teller's role, never their name. */
  me: Identity | null;
  onError(message: string): void;
}

/** Qualitative stories: good and bad experiences and learnings, told in this session; earlier sessions' stories below. */
export function StoriesView({ doc, state, session, me, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [kind, setKind] = useState<StoryKind>('good');
  const [text, setText] = useState('');
  const labelOf = new Map(state.sessions.map((s) => [s.id, s.label]));

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!me) return;
    if (!text.trim()) return onError(t('evalErrStory'));
    try {
      addStory(doc, { text, kind, session: session.id, role: me.role, ...(me.roleText ? { roleText: me.roleText } : {}) }, 'cocreation');
      setText('');
      onError('');
    } catch (err) {
      onError(t('evalErrSave', { msg: errorText(err) }));
    }
  };
  // This session's stories first, then the earlier and later ones.
  const stories = [...state.stories].sort((a, b) => Number(b.session === session.id) - Number(a.session === session.id));

  return (
    <div className="eval-stories">
      <p className="muted small">{t('evalStoriesIntro')}</p>
      {me && (
        <form className="eval-add" onSubmit={add} aria-labelledby="eval-story-new">
          <h3 id="eval-story-new">{t('evalAddStory')}</h3>
          <fieldset className="eval-kinds">
            <legend>{t('evalStoryKind')}</legend>
            {STORY_KINDS.map((k) => (
              <label key={k} className={`eval-kind kind-${k}`}>
                <input type="radio" name="eval-story-kind" value={k} checked={kind === k} onChange={(e) => isStoryKind(e.target.value) && setKind(e.target.value)} /> {t(`evalStory_${k}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="eval-story-text">{t('evalStoryText')}</label>
          <textarea id="eval-story-text" rows={3} maxLength={MAX_STORY_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary">
            {t('evalAddStory')}
          </button>
        </form>
      )}
      {stories.length === 0 && <p className="co-empty">{t('evalNoStories')}</p>}
      <ul className="eval-story-list">
        {stories.map((s) => (
          <li key={s.id} className={`kind-${s.kind}`} data-story-kind={s.kind}>
            <span className="co-kicker">
              {t(`evalStory_${s.kind}`)} · {roleLabel(s.role, lang, s.roleText)}
              {labelOf.has(s.session) ? ` · ${labelOf.get(s.session)}` : ''}
            </span>
            <span className="eval-story-text">{s.text}</span>
            {me && (
              <button
                type="button"
                className="eval-small eval-remove"
                aria-label={t('evalRemoveStory', { story: s.text.slice(0, 60) })}
                onClick={() => {
                  try {
                    removeStory(doc, s.id, 'cocreation');
                  } catch (err) {
                    onError(t('evalErrSave', { msg: errorText(err) }));
                  }
                }}
              >
                {t('goalsRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
