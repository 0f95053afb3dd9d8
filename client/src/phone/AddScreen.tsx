import { useMemo, useState, type FormEvent } from 'react';
import { addComment, CommentError, MAX_COMMENT_LENGTH } from '../../../shared/cocreation/comments';
import { GoalsError, MAX_FIELD_LENGTH, writePersonField, type Horizon } from '../../../shared/cocreation/goals';
import { BoardError } from '../../../shared/model/board';
import type { BoardItem } from '../../../shared/model/schema';
import { roleLabel } from '../../../shared/roles';
import type { ItemView } from '../board/useBoardData';
import { useT } from '../i18n/useT';
import { personKey } from '../state/deviceKey';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { useGoals } from './hooks';
import { addPhoneCard, MAX_CARD_TEXT } from './place';
import { checkText, shortText } from './text';

type Kind = 'perspective' | 'idea' | 'goal' | 'comment';
const KINDS: Kind[] = ['perspective', 'idea', 'goal', 'comment'];

interface Props {
  boardId: string;
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  identity: Identity;
}

/** A write refused by the model (bad input) becomes a message; anything else is a bug and is thrown. */
const refused = (e: unknown): e is Error => e instanceof BoardError || e instanceof CommentError || e instanceof GoalsError;

/** Screen 2: add a perspective on a problem, an idea, my goal or a comment — with my role from my identity. */
export function AddScreen({ boardId, conn, items, identity }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const live = useMemo(() => [...items.values()].filter((i): i is BoardItem => !('damaged' in i)), [items]);
  const problems = useMemo(() => live.filter((i) => i.kind === 'problem').sort((a, b) => a.createdAt - b.createdAt), [live]);
  const cards = useMemo(() => live.filter((i) => i.kind !== 'frame').sort((a, b) => a.createdAt - b.createdAt), [live]);
  const [kind, setKind] = useState<Kind>(problems.length ? 'perspective' : 'idea');
  const [problemId, setProblemId] = useState(problems.length === 1 ? (problems[0] as BoardItem).id : '');
  const [cardId, setCardId] = useState('');
  const [horizon, setHorizon] = useState<Horizon>('short');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const me = personKey(boardId);
  const goals = useGoals(conn.doc);
  const myGoal = goals.people.find((p) => p.key === me)?.fields[horizon]?.text ?? '';

  const max = kind === 'comment' ? MAX_COMMENT_LENGTH : kind === 'goal' ? MAX_FIELD_LENGTH : MAX_CARD_TEXT;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkText(text, max);
    if (!checked.ok) return setMessage({ ok: false, text: t(checked.key, checked.vars) });
    const problem = problems.find((p) => p.id === problemId) ?? null;
    if (kind === 'perspective' && !problem) return setMessage({ ok: false, text: t('phoneErrNoProblem') });
    const target = cards.find((c) => c.id === cardId);
    if (kind === 'comment' && !target) return setMessage({ ok: false, text: t('phoneErrNoCard') });
    try {
      if (kind === 'perspective' && problem) addPhoneCard(conn, identity, items, { kind: 'perspective', problem, text: checked.text });
      else if (kind === 'idea') addPhoneCard(conn, identity, items, { kind: 'idea', problem, buildsOn: null, text: checked.text });
      else if (kind === 'comment' && target) addComment(conn.doc, target.id, identity, checked.text, 'cocreation');
      else if (kind === 'goal') writePersonField(conn.doc, me, horizon, checked.text, identity.role, { name: identity.name, role: identity.role, ...(identity.roleText ? { roleText: identity.roleText } : {}) }, 'cocreation');
    } catch (err) {
      if (!refused(err)) throw err;
      return setMessage({ ok: false, text: t('phoneErrFailed', { reason: err.message }) });
    }
    setText('');
    setMessage({ ok: true, text: kind === 'goal' ? t('phoneGoalSaved') : t('phoneAdded') });
  };

  return (
    <section className="phone-screen" aria-labelledby="phone-add-title" data-screen="add">
      <h2 id="phone-add-title" tabIndex={-1}>{t('phoneAddTitle')}</h2>
      <p className="phone-muted">{t('phoneAsRole', { role: roleLabel(identity.role, lang, identity.roleText) })}</p>
      <form className="phone-card phone-form" onSubmit={submit} noValidate>
        <fieldset className="phone-kinds">
          <legend>{t('phoneWhat')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="phone-choice">
              <input
                type="radio"
                name="phone-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setMessage(null);
                }}
              />
              {t(`phoneKind_${k}`)}
            </label>
          ))}
        </fieldset>

        {(kind === 'perspective' || kind === 'idea') &&
          (problems.length ? (
            <div className="phone-field">
              <label htmlFor="phone-problem">{t('phoneProblem')}</label>
              <select id="phone-problem" value={problemId} onChange={(e) => setProblemId(e.target.value)}>
                <option value="">{kind === 'idea' ? t('phoneProblemNone') : '—'}</option>
                {problems.map((p) => (
                  <option key={p.id} value={p.id}>
                    {shortText(p) || t('phoneEmptyCard')}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            kind === 'perspective' && <p className="phone-muted">{t('phoneNoProblems')}</p>
          ))}

        {kind === 'comment' && (
          <div className="phone-field">
            <label htmlFor="phone-card">{t('phoneCommentOn')}</label>
            <select id="phone-card" value={cardId} onChange={(e) => setCardId(e.target.value)}>
              <option value="">—</option>
              {cards.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${t(`kind_${c.kind}`)}: ${shortText(c, 50) || t('phoneEmptyCard')}`}
                </option>
              ))}
            </select>
          </div>
        )}

        {kind === 'goal' && (
          <div className="phone-field">
            <label htmlFor="phone-horizon">{t('phoneHorizon')}</label>
            <select id="phone-horizon" value={horizon} onChange={(e) => setHorizon(e.target.value as Horizon)}>
              <option value="short">{t('phoneHorizon_short')}</option>
              <option value="long">{t('phoneHorizon_long')}</option>
            </select>
            {myGoal && <p className="phone-muted phone-quote">{myGoal}</p>}
          </div>
        )}

        <div className="phone-field">
          <label htmlFor="phone-text">{t('phoneText')}</label>
          <textarea id="phone-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="primary phone-wide">
          {kind === 'goal' ? t('phoneSaveGoal') : t('phoneAdd')}
        </button>
        {message && (
          <p className={message.ok ? 'phone-message ok' : 'phone-message error'} role={message.ok ? 'status' : 'alert'}>
            {message.ok && <span aria-hidden="true">✓ </span>}
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
