import { memo, useState } from 'react';
import type { BoardLink } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import { edgePoint, type Rect } from './geometry';
import { LinkIndex } from './linkIndex';
import type { ItemView } from './useBoardData';

/** Connectors drawn as arrows from one card's edge to the other's. */
export const Links = memo(function Links({
  links,
  items,
  visible,
}: {
  links: BoardLink[];
  items: ReadonlyMap<string, ItemView>;
  /** Only connectors with an end among these items are drawn (viewport culling). */
  visible?: ReadonlySet<string>;
}) {
  const t = useT();
  // Connectors by item id (perspective → problem ones included), updated by what changed, so
  // culling walks the visible items, not every connector, and a moved card does not rebuild it.
  const [index] = useState(() => new LinkIndex());
  index.sync(links, items);
  const shown = index.around(visible);
  const rectOf = (id: string): Rect | null => {
    const it = items.get(id);
    if (!it || 'damaged' in it) return null;
    return { x: it.x, y: it.y, w: it.w, h: it.h };
  };
  return (
    <svg className="links" aria-hidden="true">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#51606e" />
        </marker>
      </defs>
      {shown.map((l) => {
        const a = rectOf(l.from);
        const b = rectOf(l.to);
        if (!a || !b) return null;
        const p = edgePoint(a, b.x + b.w / 2, b.y + b.h / 2);
        const q = edgePoint(b, a.x + a.w / 2, a.y + a.h / 2);
        // "Builds on" says its direction in words when nobody gave it a label of its own.
        const label = l.label || (l.kind === 'builds-on' ? t('linkBuildsOnLabel') : '');
        return (
          <g key={l.id} className={`link link-${l.kind}`} data-link-id={l.id} data-from={l.from} data-to={l.to}>
            <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} markerEnd="url(#arrow)" />
            {label && (
              <text x={(p.x + q.x) / 2} y={(p.y + q.y) / 2 - 6} textAnchor="middle" className={l.label ? undefined : 'link-default'}>
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});
