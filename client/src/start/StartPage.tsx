import { useState, type FormEvent } from 'react';
import { isValidBoardId } from '../../../shared/ids';
import { MAX_TITLE_LENGTH } from '../../../shared/model/schema';
import { templateById, type TemplateId } from '../../../shared/templates';
import { formatDay } from '../i18n/formatDay';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { navigate } from '../router';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { createBoard, importBoard } from './api';
import { TemplateChooser } from './TemplateChooser';

/** Accepts a whole link (…/b/<id>?…) or a bare id. */
export function boardIdFromInput(input: string): string | null {
  const text = input.trim();
  const match = /\/b\/([A-Za-z0-9_-]{1,64})(?:[?#/]|$)/.exec(text);
  const id = match ? match[1] : text;
  return isValidBoardId(id) ? id : null;
}

export function StartPage() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('blank');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleted] = useState(() => new URLSearchParams(location.search).get('deleted') === '1');
  // Deleted into the trash: until when it can be recovered from its link.
  const [trashedUntil] = useState(() => {
    const v = Number(new URLSearchParams(location.search).get('trashed'));
    return Number.isFinite(v) && v > 0 ? v : null;
  });

  // An empty title keeps the template's own (the server decides, shared/templates).
  const defaultTitle = templateById(template).title[lang];

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const path = await createBoard({ template, lang, title: title.trim() });
      navigate(path);
    } catch {
      setError(t('createFailed'));
    } finally {
      setBusy(false);
    }
  };

  const open = (e: FormEvent) => {
    e.preventDefault();
    const id = boardIdFromInput(link);
    if (!id) {
      setError(t('invalidLink'));
      return;
    }
    const query = /\?[^#]*/.exec(link.trim())?.[0] ?? '';
    navigate(`/b/${id}${query}`);
  };

  return (
    <div className="start-page">
      <header className="start-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>Samskab</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <h1>{t('appName')}</h1>
        <p className="tagline">{t('tagline')}</p>
        <section className="start-card" aria-labelledby="new-board">
          <h2 id="new-board">{t('newBoard')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <TemplateChooser value={template} onChange={setTemplate} />
            <label htmlFor="new-title">{t('boardTitleLabel')}</label>
            <div className="row">
              <input
                id="new-title"
                value={title}
                maxLength={MAX_TITLE_LENGTH}
                placeholder={t('boardTitlePlaceholder')}
                aria-describedby={defaultTitle ? 'new-title-hint' : undefined}
                onChange={(e) => setTitle(e.target.value)}
              />
              <button type="submit" className="primary" disabled={busy}>
                {t('templatesCreate')}
              </button>
            </div>
            {defaultTitle && (
              <p id="new-title-hint" className="template-title-hint muted">
                {t('templatesTitleHint', { title: defaultTitle })}
              </p>
            )}
          </form>
        </section>
        <section className="start-card" aria-labelledby="open-board">
          <h2 id="open-board">{t('openLink')}</h2>
          <form onSubmit={open}>
            <label htmlFor="open-link">{t('openLinkLabel')}</label>
            <div className="row">
              <input id="open-link" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://…/b/…" />
              <button type="submit" className="secondary">
                {t('open')}
              </button>
            </div>
          </form>
          <label htmlFor="import-file" className="import-label">
            {t('importBoard')}
          </label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setBusy(true);
              setError(null);
              importBoard(file)
                .then((r) => navigate(r.path))
                .catch((err: Error) => setError(t('importFailed', { reason: err.message })))
                .finally(() => setBusy(false));
            }}
          />
        </section>
        {deleted && (
          <p className="notice" role="status">
            {t('boardDeleted')}
          </p>
        )}
        {trashedUntil !== null && (
          <p className="notice" role="status">
            {t('boardTrashed', { date: formatDay(trashedUntil, lang) })}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </main>
    </div>
  );
}
