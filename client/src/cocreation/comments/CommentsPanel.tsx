import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { addComment, CommentError, deleteComment, MAX_COMMENT_LENGTH, type BoardComment } from '../../../../shared/cocreation/comments';
import { firstLine } from '../../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../../shared/model/schema';
import { roleInfo, roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import type { Identity } from '../../state/identity';
import { useUi } from '../../state/ui';
import './comments.css';
import { PanelHead } from '../PanelHead';

interface Props {
  doc: Y.Doc;
  item: BoardItem | undefined;
  comments: readonly BoardComment[];
  identity: Identity | null;
  canEdit: boolean;
  anonymous: boolean;
  onClose(): void;
}

/** The discussion on one card: read, add (Ctrl+Enter), delete. The card's own text is not touched. */
export function CommentsPanel({ doc, item, comments, identity, canEdit, anonymous, onClose }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // Keyboard users land in the panel; with write access straight in the text field.
  useEffect(() => (canEdit ? field.current : heading.current)?.focus({ preventScroll: true }), [canEdit, item?.id]);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [comments.length]);

  const submit = () => {
    if (!item || !identity) return;
    try {
      addComment(doc, item.id, identity, draft, 'cocreation');
      setDraft('');
      setError(null);
    } catch (err) {
      if (err instanceof CommentError) setError(draft.trim() === '' ? t('commentsEmpty') : t('commentTooLong', { n: String(MAX_COMMENT_LENGTH) }));
      else throw err;
    }
  };
  const who = (c: BoardComment) => (anonymous || !c.name ? roleLabel(c.role, lang, c.roleText) : `${c.name} · ${roleLabel(c.role, lang, c.roleText)}`);

  return (
    <section className="co-panel comments-panel" aria-labelledby="comments-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="comments-title" headingRef={heading} onClose={onClose}>
        {t('commentsTitle')}
      </PanelHead>
      {!item ? (
        <p className="co-empty">{t('commentGone')}</p>
      ) : (
        <>
          <p className="comments-card">{t('commentsOn', { card: firstLine(item) || '—' })}</p>
          {comments.length === 0 && <p className="co-empty">{t('commentsEmpty')}</p>}
          <ol className="comments-list" ref={list}>
            {comments.map((c) => (
              <li key={c.key} style={{ ['--role-color' as string]: roleInfo(c.role).color }} data-comment-role={c.role}>
                <div className="comment-meta">
                  <span className="comment-swatch" aria-hidden="true" />
                  <span className="comment-who">{who(c)}</span>
                  <time dateTime={new Date(c.at).toISOString()}>{new Date(c.at).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })}</time>
                  {canEdit && (
                    <button type="button" className="comment-delete" aria-label={t('commentDeleteNamed', { who: who(c) })} title={t('commentDelete')} onClick={() => {
                        deleteComment(doc, c.key, 'cocreation');
                        // The button goes away with the comment: keep the keyboard in the panel.
                        field.current?.focus();
                      }}
                    >
                      ×
                    </button>
                  )}
                </div>
                <p className="comment-text">{c.text}</p>
              </li>
            ))}
          </ol>
          {canEdit && identity && (
            <form
              className="comment-form"
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <label htmlFor="comment-draft">{t('commentLabel')}</label>
              <textarea
                id="comment-draft"
                ref={field}
                rows={3}
                value={draft}
                maxLength={MAX_COMMENT_LENGTH}
                aria-describedby="comment-hint"
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    submit();
                  }
                }}
              />
              <div className="co-actions">
                <button type="submit" className="primary" disabled={draft.trim() === ''}>
                  {t('commentAdd')}
                </button>
                <span id="comment-hint" className="muted small">
                  {t('commentHint')}
                </span>
              </div>
              {error && (
                <p className="co-message" role="alert">
                  {error}
                </p>
              )}
            </form>
          )}
        </>
      )}
    </section>
  );
}
