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

/** Blocks that hold text directly: each is one line, even when empty. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** Plain text of a body: one line per text block (for search, exports, tests). */
export function readPlainText(node: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const inline = (n: Y.XmlElement | Y.XmlText | Y.XmlHook): string => {
    if (n instanceof Y.XmlText) {
      // toDelta skips formatting, unlike toString which renders marks as tags.
      let text = '';
      for (const op of n.toDelta() as Array<{ insert?: unknown }>) {
        if (typeof op.insert === 'string') text += op.insert;
      }
      return text;
    }
    if (n instanceof Y.XmlElement && n.nodeName === 'hardBreak') return '\n';
    if (n instanceof Y.XmlElement) return n.toArray().map((c) => inline(c as Y.XmlElement)).join('');
    return '';
  };
  const block = (n: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (n instanceof Y.XmlElement && TEXT_BLOCKS.has(n.nodeName)) lines.push(inline(n));
    else if (n instanceof Y.XmlElement) n.toArray().forEach((c) => block(c as Y.XmlElement));
    else if (n instanceof Y.XmlText) lines.push(inline(n));
  };
  node.toArray().forEach((c) => block(c as Y.XmlElement));
  return lines.join('\n');
}
