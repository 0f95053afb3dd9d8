import * as Y from 'yjs';

/**
 * Helpers for card bodies. Bodies are Y.XmlFragments in the node vocabulary
 * of Tiptap's StarterKit (paragraph, heading, bulletList, listItem, …), so
 * the editor and these helpers read and write the same structure.
 */

/** Fill an empty fragment with one paragraph per line of plain text. */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line.length > 0) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(fragment.length, paragraphs);
}

const BLOCK_NODES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'bulletList',
  'orderedList',
  'horizontalRule',
]);

/** Plain text of a body: blocks separated by newlines (for search, exports, tests). */
export function readPlainText(node: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let current = '';
  const walk = (n: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (n instanceof Y.XmlText) {
      // toDelta skips formatting, unlike toString which renders marks as tags.
      for (const op of n.toDelta() as Array<{ insert?: unknown }>) {
        if (typeof op.insert === 'string') current += op.insert;
      }
      return;
    }
    if (n instanceof Y.XmlHook) return;
    const isBlock = n instanceof Y.XmlElement && BLOCK_NODES.has(n.nodeName);
    if (n instanceof Y.XmlElement && n.nodeName === 'hardBreak') current += '\n';
    for (const child of n.toArray()) walk(child as Y.XmlElement | Y.XmlText);
    if (isBlock && current.length > 0) {
      lines.push(current);
      current = '';
    }
  };
  walk(node);
  if (current.length > 0) lines.push(current);
  return lines.join('\n');
}
