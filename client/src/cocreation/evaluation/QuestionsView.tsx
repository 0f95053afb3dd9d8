import type * as Y from 'yjs';
import { EVAL_QUESTION_GROUPS, MAX_ANSWER_LENGTH, writeAnswer, type EvalSession, type EvaluationState } from '../../../../shared/cocreation/evaluation';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { errorText } from '../goals/format';
import { SyncedField } from '../goals/SyncedField';

interface Props {
  doc: Y.Doc;
  state: EvaluationState;
  session: EvalSession;
  editor: RoleId | null;
  onError(message: string): void;
}

/** The manifesto's Appendix 1 questions, each with the group's shared answer in this session (and the last earlier answer beside it). */
export function QuestionsView({ doc, state, session, editor, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const answers = state.answers.get(session.id);
  const earlier = state.sessions.slice(0, state.sessions.findIndex((s) => s.id === session.id)).reverse();
  const previous = (qid: string) => {
    for (const s of earlier) {
      const a = state.answers.get(s.id)?.get(qid);
      if (a?.text.trim()) return { session: s, text: a.text };
    }
    return null;
  };

  return (
    <div className="eval-questions">
      <p className="muted small">{t('evalAnswerHint')}</p>
      {EVAL_QUESTION_GROUPS.map((g) => (
        <section key={g.id} aria-labelledby={`eval-g-${g.id}`} className="eval-group">
          <h3 id={`eval-g-${g.id}`}>{g.title[lang]}</h3>
          {g.questions.map((q) => {
            const id = `eval-a-${session.id}-${q.id}`;
            const prev = previous(q.id);
            const answer = answers?.get(q.id)?.text ?? '';
            return (
              <div key={q.id} className="eval-question" data-question={q.id}>
                {editor ? <label htmlFor={id}>{q[lang]}</label> : <div className="eval-q-text">{q[lang]}</div>}
                {editor ? (
                  <SyncedField
                    id={id}
                    value={answer}
                    maxLength={MAX_ANSWER_LENGTH}
                    rows={2}
                    onCommit={(text) => {
                      try {
                        writeAnswer(doc, session.id, q.id, text, editor, 'cocreation');
                        onError('');
                      } catch (err) {
                        onError(t('evalErrSave', { msg: errorText(err) }));
                      }
                    }}
                  />
                ) : (
                  <p className="eval-answer-read">{answer || '—'}</p>
                )}
                {prev && <p className="eval-previous small">{t('evalPrevious', { session: prev.session.label, text: prev.text })}</p>}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
