import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { MAX_WORDING, proposeDecision } from '../../../../shared/cocreation/decisions';
import { firstLine } from '../../../../shared/cocreation/perspectives';
import { latestRevealed } from '../../../../shared/cocreation/rounds';
import type { Person } from '../../../../shared/cocreation/session';
import type { BoardItem } from '../../../../shared/model/schema';
import { roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { useDecisionRequest } from './request';
import { useRoundHistory } from './useRounds';

interface Props {
  doc: Y.Doc;
  items: BoardItem[];
  me: Person;
  anonymous: boolean;
  now(): number;
  run(fn: () => void): boolean;
}

/**
 * "Propose a decision": a short wording and the ideas it comes from (a
 * checkbox per idea, most dots first when a vote has been revealed) or a
 * frame of ideas. A card's "Propose decision" starts it with that card chosen.
 */
export function ProposeForm({ doc, items, me, anonymous, now, run }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const rounds = useRoundHistory(doc);
  const ranked = latestRevealed(rounds);
  const [wording, setWording] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [frame, setFrame] = useState('');
  const wordingField = useRef<HTMLTextAreaElement>(null);

  const dotsOf = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of ranked?.results?.ideas ?? []) m.set(r.ideaId, ranked?.equalWeight ? r.weighted : r.dots);
    return m;
  }, [ranked]);
  const ideas = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'idea')
        .sort((a, b) => (dotsOf.get(b.id) ?? 0) - (dotsOf.get(a.id) ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    [items, dotsOf],
  );
  const frames = useMemo(() => items.filter((i) => i.kind === 'frame'), [items]);
  const dotCount = (id: string) => ranked?.results?.ideas.find((r) => r.ideaId === id)?.dots ?? 0;

  // A card asked for a decision on it: start the form with that card, ready to type the wording.
  const requested = useDecisionRequest((s) => s.itemId);
  useEffect(() => {
    const { itemId, kind } = useDecisionRequest.getState();
    if (!itemId) return;
    if (kind === 'frame') setFrame(itemId);
    else setChosen((c) => new Set(c).add(itemId));
    useDecisionRequest.setState({ itemId: null });
    wordingField.current?.focus();
  }, [requested]);

  const toggle = (id: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Ideas deleted since they were ticked are left out rather than refused.
    const live = ideas.filter((i) => chosen.has(i.id)).map((i) => i.id);
    const ok = run(() => proposeDecision(doc, { wording, ideas: live, frame: frame || null }, me, now(), 'cocreation'));
    if (ok) {
      setWording('');
      setChosen(new Set());
      setFrame('');
    }
  };

  return (
    <form className="decision-propose" onSubmit={submit} aria-labelledby="decision-propose-title">
      <h3 id="decision-propose-title">{t('decisionsProposeTitle')}</h3>
      <label htmlFor="decision-wording">{t('decisionsWording')}</label>
      <textarea id="decision-wording" ref={wordingField} rows={2} maxLength={MAX_WORDING} value={wording} aria-describedby="decision-wording-hint" onChange={(e) => setWording(e.target.value)} />
      <p id="decision-wording-hint" className="muted small">
        {t('decisionsWordingHint', { n: String(MAX_WORDING) })}
      </p>
      <fieldset className="decision-ideas">
        <legend>{t('decisionsIdeas')}</legend>
        {ranked && ideas.length > 0 && <p className="muted small">{t('decisionsByVotes')}</p>}
        {ideas.length === 0 && <p className="co-empty">{t('decisionsNoIdeas')}</p>}
        <ul>
          {ideas.map((i) => {
            const dots = dotCount(i.id);
            return (
              <li key={i.id}>
                <label className="co-check" data-idea-id={i.id}>
                  <input type="checkbox" checked={chosen.has(i.id)} onChange={(e) => toggle(i.id, e.target.checked)} />
                  <span>
                    {firstLine(i) || '—'}
                    <span className="muted small">
                      {' · '}
                      {anonymous || !i.authorName ? roleLabel(i.role, lang, i.roleText) : `${i.authorName} (${roleLabel(i.role, lang, i.roleText)})`}
                      {ranked && dots > 0 && ` · ${t.plural('voteDotsN', dots)}`}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {frames.length > 0 && (
        <div className="co-row">
          <label htmlFor="decision-frame">{t('decisionsFrame')}</label>
          <select id="decision-frame" value={frame} onChange={(e) => setFrame(e.target.value)}>
            <option value="">{t('decisionsNoFrame')}</option>
            {frames.map((f) => (
              <option key={f.id} value={f.id}>
                {firstLine(f) || t('kind_frame')}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="primary">
        {t('decisionsSubmit')}
      </button>
    </form>
  );
}
