import { useState, type FormEvent } from 'react';
import { addComment, CommentError, MAX_COMMENT_LENGTH, type BoardComment } from '../../../shared/cocreation/comments';
import { setRating, ValueError, VALUE_LEVELS, MIN_SCORE, MAX_SCORE, type ValueLevel } from '../../../shared/cocreation/value';
import { BoardError } from '../../../shared/model/board';
import type { BoardItem } from '../../../shared/model/schema';
import { roleInfo, roleLabel } from '../../../shared/roles';
import type { ItemView } from '../board/useBoardData';
import { useNamesHidden } from '../board/names';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { useBodyText, useMyRating } from './hooks';
import { addPhoneCard, MAX_CARD_TEXT } from './place';
import { checkText, shortText } from './text';
import type { Ballot } from './useBallot';

export interface CardContext {
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  identity: Identity;
  canEdit: boolean;
  /** My rating key (client/src/state/deviceKey.ts valuePersonKey). */
  rater: string;
  ballot: Ballot;
  comments: ReadonlyMap<string, readonly BoardComment[]>;
  /** Idea id → the ideas it builds on. */
  buildsOn: ReadonlyMap<string, readonly BoardItem[]>;
  /** Idea id → the problems it addresses. */
  addresses: ReadonlyMap<string, readonly BoardItem[]>;
}

const LEVEL_KEY: Record<ValueLevel, StringKey> = { personal: 'valuePersonal', collective: 'valueCollective', societal: 'valueSocietal' };
const SCORES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, k) => MIN_SCORE + k);
const refused = (e: unknown): e is Error => e instanceof BoardError || e instanceof CommentError || e instanceof ValueError;

/** One card in the list: its text, who wrote it (role first) and what one can do with it from a phone. */
export function CardEntry({ item, ctx, votable }: { item: BoardItem; ctx: CardContext; votable: boolean }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const anonymous = useNamesHidden();
  const text = useBodyText(item.body);
  const [open, setOpen] = useState<'build' | 'comment' | 'rate' | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const comments = ctx.comments.get(item.id) ?? [];
  const label = shortText(item) || t('phoneEmptyCard');
  const role = roleLabel(item.role, lang, item.roleText);
  const by = item.template ? t('phoneExample') : anonymous || !item.authorName ? role : `${item.authorName} · ${role}`;
  const { ballot } = ctx;
  const dots = ballot.mine[item.id] ?? 0;

  const toggle = (what: 'build' | 'comment' | 'rate') => {
    setOpen((cur) => (cur === what ? null : what));
    setDraft('');
    setMessage(null);
  };
  const attempt = (fn: () => void, ok: StringKey) => {
    try {
      fn();
      setDraft('');
      setMessage({ ok: true, text: t(ok) });
    } catch (err) {
      if (!refused(err)) throw err;
      setMessage({ ok: false, text: t('phoneErrFailed', { reason: err.message }) });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkText(draft, open === 'comment' ? MAX_COMMENT_LENGTH : MAX_CARD_TEXT);
    if (!checked.ok) return setMessage({ ok: false, text: t(checked.key, checked.vars) });
    if (open === 'comment') attempt(() => addComment(ctx.conn.doc, item.id, ctx.identity, checked.text, 'cocreation'), 'phoneAdded');
    else if (open === 'build') {
      const problem = ctx.addresses.get(item.id)?.[0] ?? null;
      attempt(() => addPhoneCard(ctx.conn, ctx.identity, ctx.items, { kind: 'idea', problem, buildsOn: item, text: checked.text }), 'phoneAdded');
    }
  };

  return (
    <li className={`phone-entry phone-entry-${item.kind}`} data-item-id={item.id} data-kind={item.kind} style={{ ['--role-color' as string]: roleInfo(item.role).color }}>
      <p className="phone-entry-by">
        <span className="phone-swatch" aria-hidden="true" />
        {t(`kind_${item.kind}`)} · {by}
      </p>
      <p className="phone-entry-text">{text.trim() || t('phoneEmptyCard')}</p>
      {(ctx.buildsOn.get(item.id) ?? []).map((b) => (
        <p key={b.id} className="phone-muted phone-small">
          ↳ {t('phoneBuildsOn', { card: shortText(b, 40) || t('phoneEmptyCard') })}
        </p>
      ))}
      {ctx.canEdit && (
        <div className="phone-actions">
          {item.kind === 'idea' && (
            <button type="button" aria-expanded={open === 'build'} onClick={() => toggle('build')}>
              {t('phoneBuildOn')}
            </button>
          )}
          <button type="button" aria-expanded={open === 'comment'} onClick={() => toggle('comment')}>
            {t('phoneComment', { n: String(comments.length) })}
          </button>
          {item.kind === 'idea' && (
            <button type="button" aria-expanded={open === 'rate'} onClick={() => toggle('rate')}>
              {t('phoneRate')}
            </button>
          )}
        </div>
      )}
      {ctx.canEdit && votable && ballot.open && (
        <div className="phone-vote" role="group" aria-label={t('phoneDots', { n: String(dots) })}>
          <span className="phone-vote-label" aria-hidden="true">
            {t('phoneDotsLabel')}
          </span>
          <button type="button" className="phone-square" aria-label={t('voteRemove', { idea: label })} disabled={dots === 0} onClick={() => ballot.change(item.id, -1)}>
            −
          </button>
          <span className="phone-dots" aria-live="polite" data-dots={dots}>
            <span aria-hidden="true">{'●'.repeat(dots) || '○'}</span>
            <span className="visually-hidden">{t.plural('voteDotsN', dots)}</span>
          </span>
          <button type="button" className="phone-square" aria-label={t('voteAdd', { idea: label })} disabled={ballot.used >= ballot.dots} onClick={() => ballot.change(item.id, 1)}>
            +
          </button>
        </div>
      )}
      {open === 'comment' && comments.length > 0 && (
        <ul className="phone-comments">
          {comments.map((c) => (
            <li key={c.key}>
              <span className="phone-small phone-muted">{anonymous || !c.name ? roleLabel(c.role, lang, c.roleText) : `${c.name} · ${roleLabel(c.role, lang, c.roleText)}`}</span>
              <span>{c.text}</span>
            </li>
          ))}
        </ul>
      )}
      {(open === 'comment' || open === 'build') && (
        <form className="phone-form" onSubmit={submit} noValidate>
          <label htmlFor={`phone-${open}-${item.id}`}>{t(open === 'comment' ? 'phoneCommentLabel' : 'phoneBuildOnLabel', { card: label })}</label>
          <textarea id={`phone-${open}-${item.id}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="phone-actions">
            <button type="submit" className="primary">
              {open === 'comment' ? t('phoneSend') : t('phoneAdd')}
            </button>
            <button type="button" onClick={() => toggle(open)}>
              {t('phoneClose')}
            </button>
          </div>
        </form>
      )}
      {open === 'rate' && <RateForm item={item} ctx={ctx} label={label} onError={(text) => setMessage({ ok: false, text })} />}
      {message && (
        <p className={message.ok ? 'phone-message ok' : 'phone-message error'} role={message.ok ? 'status' : 'alert'}>
          {message.ok && <span aria-hidden="true">✓ </span>}
          {message.text}
        </p>
      )}
    </li>
  );
}

/** My value rating of an idea at three levels, 1–5, one tap per level (shared/cocreation/value.ts). */
function RateForm({ item, ctx, label, onError }: { item: BoardItem; ctx: CardContext; label: string; onError(text: string): void }) {
  const t = useT();
  const mine = useMyRating(ctx.conn.doc, item.id, ctx.rater);
  const rate = (level: ValueLevel, n: number) => {
    try {
      // Tapping my current score again takes it back.
      setRating(ctx.conn.doc, item.id, ctx.rater, ctx.identity.role, { [level]: mine?.[level] === n ? null : n }, 'cocreation');
    } catch (err) {
      if (!refused(err)) throw err;
      onError(t('valueFailed', { reason: err.message }));
    }
  };
  return (
    <div className="phone-rate" role="group" aria-label={t('phoneRateTitle', { card: label })}>
      {VALUE_LEVELS.map((level) => (
        <div key={level} className="phone-rate-row" role="group" aria-label={t(LEVEL_KEY[level])}>
          <span className="phone-rate-level">{t(LEVEL_KEY[level])}</span>
          <div className="phone-rate-scores">
            {SCORES.map((n) => (
              <button key={n} type="button" className="phone-square" aria-pressed={mine?.[level] === n} aria-label={t('phoneScore', { level: t(LEVEL_KEY[level]), n: String(n) })} onClick={() => rate(level, n)}>
                {n}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
