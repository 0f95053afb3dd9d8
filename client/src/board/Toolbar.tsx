import { createItem, linkItems } from '../../../shared/model/board';
import type { BoardItem, ItemKind } from '../../../shared/model/schema';
import { DEFAULT_SIZE } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { LOCAL_ORIGIN } from './Canvas';
import { screenToBoard } from './geometry';
import type { ItemView } from './useBoardData';

/** Creates cards in the middle of the view; new ideas and perspectives attach to the selected problem. */
export function Toolbar({
  conn,
  identity,
  items,
}: {
  conn: BoardConnection;
  identity: Identity;
  items: ReadonlyMap<string, ItemView>;
}) {
  const t = useT();
  const selectedId = useUi((s) => s.selectedId);
  const selected = selectedId ? items.get(selectedId) : undefined;
  const selectedProblem = selected && !('damaged' in selected) && selected.kind === 'problem' ? selected : null;
  // A perspective looks at a problem: the selected one, or the board's only problem.
  const problems = [...items.values()].filter((i): i is BoardItem => !('damaged' in i) && i.kind === 'problem');
  const targetProblem = selectedProblem ?? (problems.length === 1 ? (problems[0] ?? null) : null);

  const add = (kind: ItemKind) => {
    const canvas = document.querySelector('.canvas');
    const { camera } = useUi.getState();
    const w = canvas?.clientWidth ?? 1200;
    const h = canvas?.clientHeight ?? 800;
    const size = DEFAULT_SIZE[kind];
    // Stagger new cards so repeated clicks do not stack them exactly.
    const jitter = (items.size % 8) * 24;
    const centre = screenToBoard(camera, w / 2, h / 2);
    let x = Math.round(centre.x - size.w / 2 + jitter);
    let y = Math.round(centre.y - size.h / 2 + jitter);
    if (targetProblem && kind !== 'problem') {
      x = Math.round(targetProblem.x + (kind === 'perspective' ? -40 : 300) + jitter);
      y = Math.round(targetProblem.y + targetProblem.h + 60 + jitter);
    }
    const doc = conn.doc;
    let id = '';
    doc.transact(() => {
      id = createItem(
        doc,
        {
          kind,
          x,
          y,
          author: identity,
          ...(kind === 'perspective' && targetProblem ? { problemId: targetProblem.id } : {}),
        },
        LOCAL_ORIGIN,
      );
      if (kind === 'idea' && targetProblem) {
        linkItems(doc, { kind: 'addresses', from: id, to: targetProblem.id }, LOCAL_ORIGIN);
      }
    }, LOCAL_ORIGIN);
    useUi.getState().edit(id);
  };

  const perspectiveDisabled = !targetProblem;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('appName')}>
      <button type="button" className="tool tool-problem" onClick={() => add('problem')} title={t('addProblemHint')}>
        <PlusIcon /> {t('addProblem')}
      </button>
      <button
        type="button"
        className="tool tool-perspective"
        onClick={() => add('perspective')}
        disabled={perspectiveDisabled}
        title={perspectiveDisabled ? t('perspectiveNeedsProblem') : t('addPerspectiveHint')}
        aria-describedby={perspectiveDisabled ? 'perspective-hint' : undefined}
      >
        <PlusIcon /> {t('addPerspective')}
      </button>
      <button type="button" className="tool tool-idea" onClick={() => add('idea')} title={t('addIdeaHint')}>
        <PlusIcon /> {t('addIdea')}
      </button>
      {perspectiveDisabled && (
        <span id="perspective-hint" className="visually-hidden">
          {t('perspectiveNeedsProblem')}
        </span>
      )}
    </div>
  );
}

function PlusIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M7 1v12M1 7h12" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
