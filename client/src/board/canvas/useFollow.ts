import { useEffect, useState } from 'react';
import { writePresenceField } from '../../../../shared/presence';
import { useUi } from '../../state/ui';
import type { BoardConnection } from '../../sync/connection';
import { screenToBoard } from '../geometry';
import type { PresenceUser } from '../presence';

/**
 * Following someone's view, and "bring everyone to me" (sending one, and answering
 * another's). What the banners show is returned; FollowBanners draws it.
 */
export function useFollow({ provider, users, size }: { provider: BoardConnection['provider']; users: PresenceUser[]; size: { w: number; h: number } }) {
  // Following someone: my camera shows their view until I pan, zoom or press Escape.
  const following = useUi((s) => s.following);
  const followed = following === null ? null : (users.find((u) => u.clientId === following) ?? null);
  const followedView = followed?.view;
  useEffect(() => {
    if (following === null) return;
    if (!followed) {
      useUi.getState().setFollowing(null);
      return;
    }
    if (followedView) {
      const { cx, cy, zoom } = followedView;
      useUi.getState().setCamera({ zoom, x: size.w / 2 - cx * zoom, y: size.h / 2 - cy * zoom });
    }
  }, [following, followed, followedView, size]);

  // "Bring everyone to me" is a request: the others see it and choose.
  const [summonSent, setSummonSent] = useState(false);
  useEffect(() => {
    useUi.setState({
      summonMine: () => {
        const cam = useUi.getState().camera;
        const c = screenToBoard(cam, size.w / 2, size.h / 2);
        writePresenceField(provider.awareness, 'summon', { seq: Date.now(), cx: Math.round(c.x), cy: Math.round(c.y), zoom: cam.zoom });
        setSummonSent(true);
        window.setTimeout(() => setSummonSent(false), 4000);
      },
    });
  }, [provider, size]);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const request = users.find((u) => !u.isSelf && u.summon && !answered.has(`${u.clientId}:${u.summon.seq}`));
  const answer = (accept: boolean) => {
    if (!request?.summon) return;
    const key = `${request.clientId}:${request.summon.seq}`;
    setAnswered((prev) => new Set([...prev, key]));
    if (accept) {
      const { cx, cy, zoom } = request.summon;
      useUi.getState().setFollowing(null);
      useUi.getState().setCamera({ zoom, x: size.w / 2 - cx * zoom, y: size.h / 2 - cy * zoom });
    }
  };

  return { followed, summonSent, request, answer };
}

export type Follow = ReturnType<typeof useFollow>;
