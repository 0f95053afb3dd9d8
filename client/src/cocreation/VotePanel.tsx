import { votableIdeas } from '../../../shared/model/starter';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { firstLine } from '../../../shared/cocreation/perspectives';
import { groupColor, groupEntries, groupLabel, type GroupCounts } from '../../../shared/cocreation/smallRoles';
import { MAX_DOTS, MIN_DOTS, type RoundResults, type RoundState } from '../../../shared/cocreation/votes';
import type * as Y from 'yjs';
import { useRoundHistory } from './decisions/useRounds';
import { whenText } from './decisions/format';
import type { BoardItem } from '../../../shared/model/schema';
import { roleInfo, roleLabel } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import { closeRound, getBallot, putBallot, revealRound, startRound } from './api';
import { PanelHead } from './PanelHead';
import { SmallRolesNote } from './SmallRolesNote';

interface Props {
  boardId: string;
  /** The board's document, for every earlier round (the history map). */
  doc?: Y.Doc;
  items: BoardItem[];
  round: RoundState | null;
  identity: Identity | null;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  anonymous: boolean;
  onClose(): void;
}

/** Counts per role or per group (results put small roles under "Other roles"; shared/cocreation/smallRoles.ts). */
function RoleCountsLine({ counts }: { counts: GroupCounts }) {
  const lang = useUi((s) => s.lang);
  const entries = groupEntries(counts);
  if (entries.length === 0) return null;
  return (
    <ul className="role-counts">
      {entries.map(([id, n]) => (
        <li key={id} data-group={id} style={{ ['--role-color' as string]: groupColor(id) }}>
          {groupLabel(id, lang)}: <strong>{n}</strong>
        </li>
      ))}
    </ul>
  );
}

/** A revealed round's ideas, ranked: dots, per role (or group), equal weight and broad support; `top` keeps the first few. */
function ResultList({ round, results, textOf, top }: { round: RoundState; results: RoundResults; textOf(ideaId: string, fallback: string): string; top?: number }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const maxDots = Math.max(1, ...results.ideas.map((i) => (round.equalWeight ? i.weighted : i.dots)));
  return (
    <ol className="result-list">
      {results.ideas.slice(0, top).map((r) => {
        const score = round.equalWeight ? r.weighted : r.dots;
        return (
          <li key={r.ideaId} className={r.broad ? 'result broad' : 'result'} data-result-idea={r.ideaId} data-dots={r.dots}>
            <div className="result-head">
              <span className="result-text">{textOf(r.ideaId, r.text)}</span>
              {r.broad && <span className="broad-badge">★ {t.plural('voteBroad', r.roles)}</span>}
            </div>
            <div className="result-bar" style={{ width: `${Math.max(8, (score / maxDots) * 100)}%` }} aria-hidden="true">
              {groupEntries(r.byRole).map(([id, n]) => (
                <span key={id} style={{ flexGrow: n, background: groupColor(id) }} title={`${groupLabel(id, lang)}: ${n}`} />
              ))}
            </div>
            <div className="result-numbers">
              <strong>{t.plural('voteDotsN', r.dots)}</strong>
              {round.equalWeight && <span> · {t('voteWeighted', { n: r.weighted.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }) })}</span>}
            </div>
            <RoleCountsLine counts={r.byRole} />
          </li>
        );
      })}
    </ol>
  );
}

/** How many ideas an earlier round shows (the whole ranking is in the minutes). */
const EARLIER_TOP = 5;

/** Every round before the current one, newest first: starting a new round never hides an earlier one (shared/cocreation/rounds.ts). */
function EarlierRounds({ doc, currentId, textOf }: { doc: Y.Doc; currentId: string | undefined; textOf(ideaId: string, fallback: string): string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const rounds = useRoundHistory(doc)
    .filter((r) => r.id !== currentId)
    .reverse();
  if (rounds.length === 0) return null;
  return (
    <section className="vote-earlier" aria-labelledby="vote-earlier-title">
      <h3 id="vote-earlier-title">{t('roundsEarlier')}</h3>
      <ul className="vote-earlier-list">
        {rounds.map((r) => {
          const voters = r.results ? r.results.voters : r.participation.voters;
          return (
            <li key={r.id} data-round-id={r.id} data-round-status={r.status}>
              <details>
                <summary>
                  {t('roundsWhen', { when: whenText(r.openedAt, lang) })} · {t(`roundsStatus_${r.status}`)}
                </summary>
                <p className="muted small">
                  {t.plural('roundsDotsEach', r.dots)} · {t.plural('roundsVoters', voters)}
                  {r.equalWeight && ` · ${t('roundsEqualWeight')}`}
                </p>
                {r.status === 'revealed' && r.results && (
                  <>
                    <h4>{t('roundsTopIdeas')}</h4>
                    <SmallRolesNote merged={r.results.merged} withheld={r.results.withheld} />
                    <ResultList round={r} results={r.results} textOf={textOf} top={EARLIER_TOP} />
                  </>
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Dot voting: start a round, vote, close, reveal, and the results overall and per role. */
export function VotePanel({ boardId, doc, items, round, identity, params, canEdit, anonymous, onClose }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  // Keyboard users land in the panel when it opens.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const [dots, setDots] = useState(3);
  const [equalWeight, setEqualWeight] = useState(true);
  const [anonNames, setAnonNames] = useState(false);
  const [mine, setMine] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<string | null>(null);
  // "Saved – you can change your dots until voting closes" is only true while this round is open,
  // so it is kept apart from other messages and shown only then (never next to the results).
  const [savedIn, setSavedIn] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Template starter ideas are examples, not the group's: voted on once someone adopts one.
  const ideas = useMemo(() => votableIdeas(items).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)), [items]);
  const roundId = round?.id;
  const open = round?.status === 'open';

  useEffect(() => {
    setMine({});
    if (!roundId || !open || !canEdit) return;
    let cancelled = false;
    getBallot(boardId, roundId, params)
      .then((b) => !cancelled && setMine(b.votes))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [boardId, roundId, open, canEdit, params]);

  const fail = (err: unknown) => {
    setSavedIn(null);
    setMessage(t('failed', { reason: (err as Error).message }));
  };
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const used = Object.values(mine).reduce((a, b) => a + b, 0);
  // One request at a time, always sending the latest allocation: answers can never arrive out of order.
  const desired = useRef<Record<string, number> | null>(null);
  const inFlight = useRef(false);
  const send = () => {
    if (!round || !identity || inFlight.current || !desired.current) return;
    const sending = desired.current;
    inFlight.current = true;
    putBallot(boardId, round.id, params, identity.role, sending)
      .then((b) => {
        if (desired.current === sending) {
          desired.current = null;
          setMine(b.votes);
          setSavedIn(round.id);
        }
      })
      .catch((err: unknown) => {
        desired.current = null;
        fail(err);
        void getBallot(boardId, round.id, params).then((b) => setMine(b.votes), () => undefined);
      })
      .finally(() => {
        inFlight.current = false;
        send();
      });
  };
  const change = (ideaId: string, delta: number) => {
    const next = { ...mine, [ideaId]: Math.max(0, (mine[ideaId] ?? 0) + delta) };
    setMine(next);
    desired.current = next;
    send();
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    void run(() => startRound(boardId, params, { dots, equalWeight, anonymousNames: anonNames }));
  };

  const textOf = (ideaId: string, fallback: string) => {
    const live = ideas.find((i) => i.id === ideaId);
    return live ? firstLine(live) || '—' : fallback ? `${fallback} ${t('voteDeletedIdea')}` : t('voteDeletedIdea');
  };

  const results = round?.status === 'revealed' ? round.results : null;

  return (
    <section className="co-panel vote-panel" aria-labelledby="vote-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="vote-title" headingRef={heading} onClose={onClose}>
        {t('voteTitle')}
      </PanelHead>
      {message && (
        <p className="co-message" role="status">
          {message}
        </p>
      )}
      {!canEdit && <p className="muted">{t('voteObserver')}</p>}

      {open && round && (
        <div className="vote-open" data-round-status="open">
          <p className="vote-status">
            <strong>{t.plural('voteYourDots', round.dots, { used: String(used) })}</strong>
          </p>
          {savedIn === round.id && (
            <p className="co-message" role="status">
              {t('voteSaved')}
            </p>
          )}
          <div className="dot-meter" aria-hidden="true">
            {Array.from({ length: round.dots }, (_, k) => (
              <span key={k} className={k < used ? 'dot used' : 'dot'} />
            ))}
          </div>
          {ideas.length === 0 && <p className="co-empty">{t('voteNoIdeas')}</p>}
          <ul className="ballot">
            {ideas.map((i) => {
              const text = firstLine(i) || '—';
              const n = mine[i.id] ?? 0;
              return (
                <li key={i.id} data-idea-id={i.id} style={{ ['--role-color' as string]: roleInfo(i.role).color }}>
                  <div className="ballot-text">
                    <span>{text}</span>
                    <span className="muted small">
                      {anonymous || !i.authorName ? roleLabel(i.role, lang, i.roleText) : `${i.authorName} · ${roleLabel(i.role, lang, i.roleText)}`}
                    </span>
                  </div>
                  {canEdit && identity && (
                    <div className="ballot-controls">
                      <button type="button" aria-label={t('voteRemove', { idea: text })} disabled={n === 0} onClick={() => change(i.id, -1)}>
                        −
                      </button>
                      <span className="ballot-count" aria-live="polite">
                        {'●'.repeat(n) || '○'}
                        <span className="visually-hidden"> {t.plural('voteDotsN', n)}</span>
                      </span>
                      <button type="button" aria-label={t('voteAdd', { idea: text })} disabled={used >= round.dots} onClick={() => change(i.id, 1)}>
                        +
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="vote-participation" data-voters={round.participation.voters}>
            {t.plural('voteParticipation', round.participation.voters)}
          </p>
          <RoleCountsLine counts={round.participation.votersByRole} />
          {canEdit && (
            <div className="co-actions">
              <button type="button" disabled={busy} onClick={() => void run(() => closeRound(boardId, round.id, params))}>
                {t('voteClose')}
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void run(() => revealRound(boardId, round.id, params))}>
                {t('voteReveal')}
              </button>
            </div>
          )}
        </div>
      )}

      {round?.status === 'closed' && (
        <div data-round-status="closed">
          <p>{t('voteClosedHidden')}</p>
          <p className="vote-participation">{t.plural('voteParticipation', round.participation.voters)}</p>
          {canEdit && (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(() => revealRound(boardId, round.id, params))}>
              {t('voteReveal')}
            </button>
          )}
        </div>
      )}

      {results && round && (
        <div className="vote-results" data-round-status="revealed" role="region" aria-labelledby="results-title">
          <h3 id="results-title">{t('voteResults')}</h3>
          <p>
            {t('voteSummary', { voters: t.plural('participantsN', results.voters), dots: t.plural('voteDotsN', results.dots) })} {round.equalWeight ? t('voteRankEqual') : t('voteRankDots')}.
          </p>
          {!results.withheld && <p className="muted small">{t('voteLegend')}</p>}
          <SmallRolesNote merged={results.merged} withheld={results.withheld} />
          <ResultList round={round} results={results} textOf={textOf} />
          {!results.withheld && (
            <>
              <h4>{t('voteVoters')}</h4>
              <RoleCountsLine counts={results.votersByRole} />
            </>
          )}
        </div>
      )}

      {canEdit && !open && round?.status !== 'closed' && (
        <form className="vote-start" onSubmit={start}>
          {/* The panel's own heading already says "Prikafstemning"; a first round needs no second one. */}
          {round && <h3>{t('voteNewRound')}</h3>}
          {!round && <p className="muted">{t('voteIntro')}</p>}
          <div className="co-row">
            <label htmlFor="vote-dots">{t('voteDots')}</label>
            <input id="vote-dots" type="number" min={MIN_DOTS} max={MAX_DOTS} value={dots} onChange={(e) => setDots(Math.max(MIN_DOTS, Math.min(MAX_DOTS, Math.round(Number(e.target.value) || MIN_DOTS))))} />
          </div>
          <label className="co-check">
            <input type="checkbox" checked={equalWeight} onChange={(e) => setEqualWeight(e.target.checked)} /> {t('voteEqualWeight')}
          </label>
          <label className="co-check">
            <input type="checkbox" checked={anonNames} onChange={(e) => setAnonNames(e.target.checked)} /> {t('voteAnonNames')}
          </label>
          <button type="submit" className="primary" disabled={busy || ideas.length === 0}>
            {t('voteStart')}
          </button>
          {ideas.length === 0 && <p className="muted">{t('voteNoIdeas')}</p>}
        </form>
      )}
      {doc && <EarlierRounds doc={doc} currentId={round?.id} textOf={textOf} />}
    </section>
  );
}
