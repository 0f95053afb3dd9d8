import { PerspectivePanel } from './PerspectivePanel';
import type { CoPanelProps } from './panel';
import { VotePanel } from './VotePanel';

/**
 * The perspective lens and the vote panel take the common panel props, so the
 * method bar can open every tool the same way (client/src/tools.tsx). Lazy
 * loaded with the panels themselves.
 */
export function LensToolPanel(p: CoPanelProps) {
  return (
    <PerspectivePanel
      doc={p.conn.doc}
      items={p.items}
      users={p.users}
      lens={p.lens}
      onLens={p.setLens}
      anonymous={p.anonymous}
      canEdit={p.canEdit}
      myRole={p.identity?.role ?? null}
      onAdd={p.addPerspective}
      onClose={p.onClose}
    />
  );
}

export function VoteToolPanel(p: CoPanelProps) {
  return <VotePanel boardId={p.boardId} doc={p.conn.doc} items={p.items} round={p.round} identity={p.identity} params={p.params} canEdit={p.canEdit} anonymous={p.anonymous} onClose={p.onClose} />;
}
