import { Suspense } from 'react';
import { readPlainText } from '../../../../shared/model/richtext';
import { useT } from '../../i18n/useT';
import type { BoardConnection } from '../../sync/connection';
import { Card, DamagedCard, type CardActions } from '../Card';
import type { PresenceUser } from '../presence';
import { RichTextPreview } from '../RichTextPreview';
import type { ItemView } from '../useBoardData';
import { CardEditor } from './lazyEditor';

const NO_EDITORS: string[] = [];

/** The cards mounted as DOM (already culled and in reading order); the one being edited gets the live editor. */
export function CardLayer({
  ordered,
  items,
  selection,
  editingId,
  users,
  actions,
  provider,
  onBodyChange,
}: {
  ordered: ItemView[];
  items: ReadonlyMap<string, ItemView>;
  selection: ReadonlySet<string>;
  editingId: string | null;
  users: PresenceUser[];
  actions: CardActions;
  provider: BoardConnection['provider'];
  onBodyChange: (id: string) => void;
}) {
  const t = useT();
  const editorsByItem = new Map<string, string[]>();
  for (const u of users) {
    if (u.isSelf || !u.editing) continue;
    editorsByItem.set(u.editing, [...(editorsByItem.get(u.editing) ?? []), u.name]);
  }

  return ordered.map((item) => {
    if ('damaged' in item) {
      return <DamagedCard key={item.id} id={item.id} x={item.x} y={item.y} problems={item.problems} onRemove={actions.remove} />;
    }
    const editing = editingId === item.id;
    let problemTitle: string | null = null;
    if (item.kind === 'perspective') {
      const p = items.get(item.problemId);
      if (p && !('damaged' in p)) problemTitle = readPlainText(p.body).split('\n')[0]?.slice(0, 60) ?? '';
    }
    return (
      <Card
        key={item.id}
        item={item}
        selected={selection.has(item.id)}
        single={selection.size === 1}
        editing={editing}
        editors={editorsByItem.get(item.id) ?? NO_EDITORS}
        problemTitle={problemTitle}
        actions={actions}
        editor={
          editing ? (
            <Suspense fallback={<RichTextPreview fragment={item.body} placeholder="" />}>
              <CardEditor
                fragment={item.body}
                provider={provider}
                label={t(('kind_' + item.kind) as 'kind_idea')}
                onExit={() => actions.stopEdit(item.id)}
                onChange={() => onBodyChange(item.id)}
              />
            </Suspense>
          ) : null
        }
      />
    );
  });
}
