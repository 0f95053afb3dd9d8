import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardItem, BoardLink } from '../../../shared/model/schema';
import type { PresenceUser } from '../board/presence';
import type { ItemView } from '../board/useBoardData';
import { useT } from '../i18n/useT';
import { personKey, valuePersonKey } from '../state/deviceKey';
import type { Identity } from '../state/identity';
import type { BoardConnection } from '../sync/connection';
import { AddScreen } from './AddScreen';
import { CardsScreen } from './CardsScreen';
import { useComments, useRound, useSession } from './hooks';
import { NowScreen } from './NowScreen';
import { useBallot } from './useBallot';
import './phone.css';

type Screen = 'now' | 'add' | 'cards';
const SCREENS: Screen[] = ['now', 'add', 'cards'];
const TAB_KEY = { now: 'phoneTabNow', add: 'phoneTabAdd', cards: 'phoneTabCards' } as const;

interface Props {
  boardId: string;
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  links: BoardLink[];
  users: PresenceUser[];
  identity: Identity;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  onCanvas(): void;
}

/**
 * The phone-first participation view (issue 17): one column in three screens
 * — Now, Add, Cards — writing the same document the canvas shows.
 */
export function PhoneView({ boardId, conn, items, links, users, identity, params, canEdit, onCanvas }: Props) {
  const t = useT();
  const [screen, setScreen] = useState<Screen>('now');
  const live = useMemo(() => [...items.values()].filter((i): i is BoardItem => !('damaged' in i)), [items]);
  const liveIds = useMemo(() => new Set(live.map((i) => i.id)), [live]);
  const session = useSession(conn.doc);
  const round = useRound(conn.doc);
  const comments = useComments(conn.doc, liveIds);
  const ballot = useBallot(boardId, round, params, canEdit ? identity.role : null);
  const me = personKey(boardId);
  const rater = valuePersonKey(boardId);
  // A new screen starts at its top, with its heading announced (focus moves there, as on a page change).
  const body = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    body.current?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [screen]);

  return (
    <main className="phone-view" data-phone-screen={screen}>
      <nav className="phone-nav" aria-label={t('phoneNav')}>
        <ul className="phone-tabs">
          {SCREENS.filter((s) => canEdit || s !== 'add').map((s) => (
            <li key={s}>
              <button type="button" className="phone-tab" aria-current={screen === s ? 'page' : undefined} onClick={() => setScreen(s)} data-screen={s}>
                {t(TAB_KEY[s])}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="phone-switch" onClick={onCanvas}>
          <span aria-hidden="true">▦ </span>
          {t('phoneToCanvas')}
        </button>
      </nav>
      <div className="phone-body" ref={body}>
        {screen === 'now' && <NowScreen conn={conn} session={session} users={users} me={me} canEdit={canEdit} ballot={ballot} onVote={() => setScreen('cards')} />}
        {screen === 'add' && canEdit && <AddScreen boardId={boardId} conn={conn} items={items} identity={identity} />}
        {screen === 'cards' && <CardsScreen live={live} links={links} ctx={{ conn, items, identity, canEdit, rater, ballot, comments }} />}
      </div>
    </main>
  );
}
