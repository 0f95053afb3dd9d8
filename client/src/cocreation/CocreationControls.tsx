import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { registerClient } from '../../../shared/cocreation/doc';
import { localDay } from '../../../shared/cocreation/actions';
import { logPresence } from '../../../shared/cocreation/worklog';
import { inLens } from '../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../shared/model/schema';
import { roleLabel, type RoleId } from '../../../shared/roles';
import { addCard } from '../board/create';
import type { ItemView } from '../board/useBoardData';
import { useNamesHidden } from '../board/names';
import type { PresenceUser } from '../board/presence';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { InSlot } from '../ui/slots';
import { useCocreationState } from './hooks';
import { useComments, useCommentsUi } from './comments/useComments';
import type { CoPanelProps } from './panel';
import { PhaseStrip } from './phases/PhaseStrip';
import { personKey } from './deviceKey';
import { useOpenOnValueRequest } from './value/focus';
import { useOpenOnDecisionRequest } from './decisions/request';
import { METHOD_TOOLS } from '../tools';

// The comments panel opens from a card, not from the method bar; it loads when first opened.
const CommentsPanel = lazy(() => import('./comments/CommentsPanel').then((m) => ({ default: m.CommentsPanel })));
import './cocreation.css';

interface Props {
  boardId: string;
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  users: PresenceUser[];
  identity: Identity | null;
  params: Record<string, string> | undefined;
  canEdit: boolean;
}

const safe = (id: string) => /^[A-Za-z0-9_-]+$/.test(id);


/**
 * The method bar under the top bar: the session agenda (phases) on the left and
 * a button per co-creation tool on the right, each opening its side panel; plus
 * the lens banner and the CSS that dims other roles' cards (lens) or hides names
 * (anonymity). Cards are marked through their data-item-id, so the card
 * components stay untouched.
 */
export const CocreationControls = memo(function CocreationControls({ boardId, conn, items, users, identity, params, canEdit }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [panel, setPanel] = useState<string | null>(null);
  useOpenOnValueRequest(() => setPanel('value'));
  useOpenOnDecisionRequest(() => setPanel('decisions'));
  const [lens, setLens] = useState<RoleId | null>(null);
  const { round } = useCocreationState(conn.doc);

  // Declare this client's role so the meter can count its edits (docs/cocreation.md) — on its first
  // own edit, so that only looking at a board never changes it.
  useEffect(() => {
    if (!identity || !canEdit) return;
    const doc = conn.doc;
    let done = false;
    const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (done || !tr.local || origin === 'cocreation') return;
      done = true;
      queueMicrotask(() => registerClient(doc, identity.role, 'cocreation'));
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [conn, identity, canEdit]);

  // The session log (shared/cocreation/worklog.ts): an editor who joins takes part today. Written once the board is
  // synced (so the day's entry already there is seen and not written again), and again when name or role change.
  const who = identity && canEdit ? { name: identity.name, role: identity.role, roleText: identity.roleText ?? '' } : null;
  const { name: whoName, role: whoRole, roleText: whoRoleText } = who ?? {};
  useEffect(() => {
    if (whoRole === undefined || whoName === undefined || whoRoleText === undefined) return;
    const p = conn.provider;
    const log = () => {
      if (p.synced) logPresence(conn.doc, { key: personKey(boardId), role: whoRole, name: whoName, roleText: whoRoleText }, localDay(), Date.now(), 'cocreation');
    };
    log();
    p.on('sync', log);
    return () => p.off('sync', log);
  }, [conn, boardId, whoName, whoRole, whoRoleText]);

  /** "Add my perspective" on a problem: a new perspective card by me, next to the problem, with its editor open. */
  const addPerspective = (problemId: string) => {
    if (!identity || !canEdit) return;
    useUi.getState().select(problemId);
    // Placed in free space next to the problem and brought into view by addCard.
    addCard(conn, identity, items, 'perspective');
    setPanel(null);
  };

  const list = useMemo(() => [...items.values()].filter((i): i is BoardItem => !('damaged' in i)), [items]);
  const liveIds = useMemo(() => new Set(list.map((i) => i.id)), [list]);
  const comments = useComments(conn.doc, liveIds);
  const commentsFor = useCommentsUi((s) => s.itemId);
  // One side panel at a time: opening comments closes a tool panel and the other way round.
  useEffect(() => {
    if (commentsFor) setPanel(null);
  }, [commentsFor]);
  useEffect(() => {
    if (panel) useCommentsUi.getState().close();
  }, [panel]);
  // The one rule for hidden names (shared/cocreation/names.ts), as the page provides it.
  const anonymous = useNamesHidden();

  const css = useMemo(() => {
    const rules: string[] = [];
    if (lens) {
      const dim = list.filter((i) => !inLens(i, lens) && safe(i.id)).map((i) => `.card[data-item-id="${i.id}"]`);
      if (dim.length) rules.push(`${dim.join(',')}{opacity:.22;filter:grayscale(.9)}`);
    }
    // Cards show the role where the name was themselves (board/names.ts); the presence list shows avatars and roles only.
    if (anonymous) rules.push('.presence .presence-name{display:none}.presence .avatar{color:transparent}');
    // After a reveal, each idea card carries its result: dots (and ★ when several roles support it).
    if (round?.status === 'revealed' && round.results) {
      for (const r of round.results.ideas) {
        if (!safe(r.ideaId)) continue;
        const label = `● ${t.plural('voteDotsN', r.dots)}${r.broad ? ' ★' : ''}`;
        rules.push(
          `.card[data-item-id="${r.ideaId}"]::before{content:${JSON.stringify(label)};position:absolute;right:-8px;top:-14px;z-index:1;background:${r.broad ? '#7a5600' : '#1f4e5f'};color:#fff;font-size:12px;font-weight:700;padding:2px 9px;border-radius:999px;box-shadow:0 1px 4px rgb(0 0 0 / 25%)}`,
        );
      }
    }
    // Cards with a discussion carry its size, bottom left.
    for (const [itemId, cs] of comments) {
      if (!safe(itemId)) continue;
      rules.push(
        `.card[data-item-id="${itemId}"]::after{content:${JSON.stringify(`💬 ${cs.length}`)};position:absolute;left:8px;bottom:-12px;z-index:1;background:#fff;color:#1f2a33;border:1px solid #8795a1;font-size:12px;font-weight:700;padding:1px 8px;border-radius:999px}`,
      );
    }
    return rules.join('\n');
  }, [lens, anonymous, list, round, t, comments]);

  const toggle = (p: string) => setPanel((cur) => (cur === p ? null : p));
  // The session popover (PhaseStrip) opens just under the method bar, whose height changes as it wraps on narrow screens.
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    // Set on the bar itself (the panels are inside it): a variable on the root would restyle every card.
    const place = () => el.style.setProperty('--co-panel-top', `${Math.round(el.getBoundingClientRect().bottom + 8)}px`);
    place();
    const ro = new ResizeObserver(place);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const shared: Omit<CoPanelProps, 'onClose'> = { boardId, conn, items: list, users, identity, params, canEdit, anonymous, round, lens, setLens, addPerspective };
  const panelProps: CoPanelProps = { ...shared, onClose: () => setPanel(null) };
  const open = METHOD_TOOLS.find((tool) => tool.id === panel);

  return (
    <nav className="methodbar" aria-label={t('methodBar')} ref={bar}>
      <PhaseStrip {...shared} />
      <div className="methodbar-tools">
        {METHOD_TOOLS.map((tool) => {
          const badge = tool.badge?.(panelProps) ?? null;
          return (
            <button key={tool.id} type="button" className="co-button" aria-pressed={panel === tool.id} onClick={() => toggle(tool.id)}>
              {t(tool.label)}
              {badge && <span className="co-badge">{t(badge)}</span>}
              {tool.Badge && <tool.Badge {...shared} />}
            </button>
          );
        })}
      </div>
      {css && <style data-cocreation="">{css}</style>}
      <InSlot slot="notices">
        {(lens || anonymous) && (
          <div className="co-banner" role="status">
            {lens && <span>{t('lensBanner', { role: roleLabel(lens, lang) })}</span>}
            {lens && (
              <button type="button" onClick={() => setLens(null)}>
                {t('lensStop')}
              </button>
            )}
            {anonymous && <span className="co-anon">{t('anonActive')}</span>}
          </div>
        )}
      </InSlot>
      {/* The side panels dock beside the canvas (BoardPage), which shrinks: they cover neither the board nor its toolbar. */}
      <InSlot slot="dock">
        <Suspense fallback={null}>
          {open && <open.Panel {...panelProps} />}
          {commentsFor && (
            <CommentsPanel
              doc={conn.doc}
              item={list.find((i) => i.id === commentsFor)}
              comments={comments.get(commentsFor) ?? []}
              identity={identity}
              canEdit={canEdit}
              anonymous={anonymous}
              onClose={() => useCommentsUi.getState().close()}
            />
          )}
        </Suspense>
      </InSlot>
    </nav>
  );
});
