import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { PresenceCarets } from './carets';

/**
 * Tiptap bound to one card's Y.XmlFragment. Mounted only while the card is
 * being edited, so a board with thousands of cards runs one editor at a time.
 * Other people's carets in this card come from presence (PresenceCarets).
 */
export function CardEditor({
  fragment,
  provider,
  label,
  onExit,
  onChange,
}: {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  label: string;
  onExit: () => void;
  onChange: () => void;
}) {
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own Yjs-aware undo; StarterKit's would fight it.
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        // Reads presence only; the person's `user` field is written by BoardPage (shared/presence.ts).
        PresenceCarets.configure({ awareness: provider.awareness }),
      ],
      autofocus: 'end',
      editorProps: {
        attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'card-editor' },
        handleKeyDown: (_view, event) => {
          if (event.key === 'Escape') {
            onExit();
            return true;
          }
          return false;
        },
      },
      onUpdate: ({ transaction }) => {
        // Only my own typing counts as my edit; remote changes also pass through here.
        const meta = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (transaction.docChanged && !meta?.isChangeOrigin) onChange();
      },
    },
    [fragment],
  );
  return <EditorContent editor={editor} className="card-editor-wrap" />;
}
