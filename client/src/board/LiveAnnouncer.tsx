import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { getItem, itemsMap } from '../../../shared/model/board';
import { readPlainText } from '../../../shared/model/richtext';
import { isItemKind } from '../../../shared/model/validate';
import { roleLabel } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { AnnounceQueue, phrase } from './announce';
import { useAnnounceSetting } from './announceSetting';
import type { PresenceUser } from './presence';

const firstLine = (doc: Y.Doc, id: string) => {
  const it = getItem(doc, id);
  return it && !('damaged' in it) ? (readPlainText(it.body).split('\n').find((l) => l.trim()) ?? '').slice(0, 120) : '';
};

/**
 * A polite live region telling screen-reader users what others change on the
 * board, at a calm rate (announce.ts). Only changes that arrive from the
 * server after the first sync count: the board's content at load and one's
 * own edits (local, or restored from this browser's copy) are never told.
 */
export function LiveAnnouncer({ conn, users }: { conn: BoardConnection; users: PresenceUser[] }) {
  const t = useT();
  const on = useAnnounceSetting((s) => s.on);
  const [message, setMessage] = useState('');
  // How many announcements were made (data-told): lets a test tell "never said" from "not said yet".
  const [told, setTold] = useState(0);
  const usersRef = useRef(users);
  const tRef = useRef(t);
  useEffect(() => {
    usersRef.current = users;
    tRef.current = t;
  }, [users, t]);

  useEffect(() => {
    if (!on) return;
    const { doc, provider } = conn;
    const queue = new AnnounceQueue();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Who made a remote change: the client ids whose clock moved in it, looked up in presence.
    const whoOf = (tr: Y.Transaction): string | null => {
      const lang = useUi.getState().lang;
      for (const [client, clock] of tr.afterState) {
        if ((tr.beforeState.get(client) ?? 0) === clock) continue;
        const u = usersRef.current.find((p) => p.clientId === client);
        if (u) {
          const role = roleLabel(u.role, lang, u.roleText);
          return u.name && u.name !== role ? tRef.current('a11yWho', { name: u.name, role }) : role;
        }
      }
      return null;
    };
    const flush = () => {
      timer = null;
      const now = Date.now();
      const batch = queue.take(now);
      if (!batch) return schedule();
      const p = phrase(batch, (id) => firstLine(doc, id));
      if (!p) return;
      const tt = tRef.current;
      const who = 'who' in p ? (p.who ?? tt('a11ySomeone')) : '';
      let text: string;
      if (p.key === 'a11yChanges') text = tt.plural('a11yChanges', p.n);
      else if (p.key === 'a11yRemoved') text = tt('a11yRemoved', { who });
      else if (p.key === 'a11yAdded' || p.key === 'a11yAddedEmpty')
        text = tt(p.key, { who, what: tt(`a11yWhat_${p.itemKind}`), text: firstLine(doc, p.itemId) });
      else text = tt(p.key, { who, text: firstLine(doc, p.itemId) });
      setMessage(text);
      setTold((n) => n + 1);
    };
    const schedule = () => {
      const due = queue.dueAt();
      if (due === null || timer) return;
      timer = setTimeout(flush, Math.max(0, due - Date.now()));
    };
    const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
      if (tr.origin !== provider || !provider.synced) return;
      const who = whoOf(tr);
      const now = Date.now();
      const items = itemsMap(doc);
      for (const e of events) {
        if (e.target === items) {
          e.changes.keys.forEach((change, id) => {
            if (change.action === 'delete') queue.push({ kind: 'removed', itemId: id, who }, now);
            else if (change.action === 'add') {
              const kind = (items.get(id) as Y.Map<unknown> | undefined)?.get('kind');
              if (isItemKind(kind)) queue.push({ kind: 'added', itemId: id, itemKind: kind, who }, now);
            }
          });
        } else {
          const id = e.path[0];
          if (typeof id === 'string') queue.push({ kind: 'edited', itemId: id, who }, now);
        }
      }
      schedule();
    };
    const items = itemsMap(doc);
    items.observeDeep(onChange);
    return () => {
      items.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [conn, on]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-live-announcer="" data-told={told}>
      {on ? message : ''}
    </div>
  );
}
