import { memo } from 'react';
import type { BoardLink } from '../../../shared/model/schema';
import { edgePoint, type Rect } from './geometry';
import type { ItemView } from './useBoardData';

/** A perspective belongs to its problem; draw that as a dotted connector too. */
function perspectiveLinks(items: ReadonlyMap<string, ItemView>): BoardLink[] {
  const out: BoardLink[] = [];
  for (const it of items.values()) {
    if ('damaged' in it || it.kind !== 'perspective') continue;
    out.push({ id: `p-${it.id}`, kind: 'perspective-on', from: it.id, to: it.problemId, label: '' });
  }
  return out;
}

/** Connectors drawn as arrows from one card's edge to the other's. */
export const Links = memo(function Links({
  links,
  items,
}: {
  links: BoardLink[];
  items: ReadonlyMap<string, ItemView>;
}) {
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
      {[...links, ...perspectiveLinks(items)].map((l) => {
        const a = rectOf(l.from);
        const b = rectOf(l.to);
        if (!a || !b) return null;
        const p = edgePoint(a, b.x + b.w / 2, b.y + b.h / 2);
        const q = edgePoint(b, a.x + a.w / 2, a.y + a.h / 2);
        return (
          <g key={l.id} className={`link link-${l.kind}`} data-link-id={l.id}>
            <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} markerEnd="url(#arrow)" />
            {l.label && (
              <text x={(p.x + q.x) / 2} y={(p.y + q.y) / 2 - 6} textAnchor="middle">
                {l.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});
