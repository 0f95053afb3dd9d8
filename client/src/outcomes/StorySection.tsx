import { useEffect, useRef, useState } from 'react';
import { useNamesHidden } from '../board/names';
import { formatDay } from '../i18n/formatDay';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { publishStory, storyState, withdrawStory, type StoryState } from './storyApi';
import type { PanelStatus } from './usePanelStatus';
import './story.css';

interface Props {
  boardId: string;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  status: PanelStatus;
}

/**
 * "Share your story" (issue 16): publish the board's outcome as a public,
 * read-only page, update it from the board as it is now (same link), or
 * withdraw it (the link answers "gone" at once). Names can be shown only while
 * the board shows them; the server refuses them otherwise too.
 */
export function StorySection({ boardId, params, canEdit, status }: Props) {
  const t = useT();
  const uiLang = useUi((s) => s.lang);
  const hidden = useNamesHidden();
  const [state, setState] = useState<StoryState | null>(null);
  const [lang, setLang] = useState<'da' | 'en'>(uiLang);
  const [names, setNames] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const linkInput = useRef<HTMLInputElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    storyState(boardId, params)
      .then((s) => {
        if (!live) return;
        setState(s);
        if (s.lang) setLang(s.lang);
        if (s.names) setNames(true);
      })
      .catch((err: unknown) => live && status.fail(err));
    return () => {
      live = false;
    };
    // Read once when the panel opens; every change below sets the state it answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId]);

  const published = state?.published === true && state.url !== undefined;
  const link = published ? new URL(state.url as string, window.location.origin).toString() : '';

  const publish = () =>
    status.run(async () => {
      const wasPublished = published;
      await publishStory(boardId, lang, names && !hidden, params);
      setState(await storyState(boardId, params));
      status.setMessage(t(wasPublished ? 'storyUpdated' : 'storyPublished'));
    });

  const withdraw = () =>
    status.run(async () => {
      await withdrawStory(boardId, params);
      setConfirming(false);
      setState(await storyState(boardId, params));
      status.setMessage(t('storyWithdrawn'));
    });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard permission (plain http): select the link so Ctrl+C works.
      linkInput.current?.select();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2500);
  };

  const cancelConfirm = () => {
    setConfirming(false);
    // Back to the button that asked, so the keyboard does not lose its place.
    window.requestAnimationFrame(() => withdrawButton.current?.focus());
  };

  return (
    <section aria-labelledby="story-title" className="story-section">
      <h3 id="story-title">{t('storyTitle')}</h3>
      <p className="muted">{t('storyIntro')}</p>
      {state &&
        (published ? (
          <>
            <label htmlFor="story-link">{t('storyLink')}</label>
            <div className="row story-link-row">
              <input id="story-link" ref={linkInput} readOnly value={link} onFocus={(e) => e.target.select()} />
              <button type="button" onClick={() => void copy()} aria-label={`${t('copy')}: ${t('storyLink')}`}>
                {copied ? t('copied') : t('copy')}
              </button>
              <a href={link} target="_blank" rel="noopener noreferrer">
                {t('storyOpen')}
              </a>
            </div>
            <p className="muted">{t('storyStatus', { published: formatDay(state.publishedAt ?? 0, uiLang), updated: formatDay(state.updatedAt ?? 0, uiLang) })}</p>
          </>
        ) : (
          <p>{state.withdrawnAt ? t('storyWasWithdrawn', { date: formatDay(state.withdrawnAt, uiLang) }) : t('storyNone')}</p>
        ))}
      {!canEdit && <p className="muted">{t('storyObserver')}</p>}
      {canEdit && state && (
        <div className="story-controls">
          <div className="row">
            <label htmlFor="story-lang">{t('storyLang')}</label>
            <select id="story-lang" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'da')}>
              <option value="da">{t('storyLangDa')}</option>
              <option value="en">{t('storyLangEn')}</option>
            </select>
          </div>
          {hidden ? (
            <p className="muted">{t('storyNamesHidden')}</p>
          ) : (
            <div className="row">
              <input id="story-names" type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} aria-describedby="story-names-hint" />
              <label htmlFor="story-names">{t('storyNames')}</label>
              <span id="story-names-hint" className="muted">
                {t('storyNamesHint')}
              </span>
            </div>
          )}
          <div className="row">
            <button type="button" className="primary" disabled={status.busy} onClick={() => void publish()}>
              {published ? t('storyUpdate') : t('storyPublish')}
            </button>
            {published && !confirming && (
              <button type="button" ref={withdrawButton} disabled={status.busy} onClick={() => setConfirming(true)}>
                {t('storyWithdraw')}
              </button>
            )}
          </div>
          {published && confirming && (
            <div className="story-confirm" role="group" aria-labelledby="story-confirm-text">
              <p id="story-confirm-text">{t('storyWithdrawConfirm')}</p>
              <div className="row">
                {/* The confirming button takes the focus: the question is read with it. */}
                <button type="button" className="danger" autoFocus disabled={status.busy} onClick={() => void withdraw()}>
                  {t('storyWithdrawYes')}
                </button>
                <button type="button" onClick={cancelConfirm}>
                  {t('storyWithdrawNo')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
