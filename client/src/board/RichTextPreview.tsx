import { memo, useEffect, useState, type ReactNode } from 'react';
import * as Y from 'yjs';

/**
 * Renders a card body (Y.XmlFragment in Tiptap's StarterKit vocabulary) as
 * plain React elements: cheap enough for many cards, and safe because text is
 * never interpreted as HTML. Unknown nodes render their children only.
 */

const BLOCK_TAGS: Record<string, keyof React.JSX.IntrinsicElements> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  codeBlock: 'pre',
};

function renderText(text: Y.XmlText, key: number): ReactNode {
  const delta = text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;
  return delta.map((op, i) => {
    if (typeof op.insert !== 'string') return null;
    let node: ReactNode = op.insert;
    const a = op.attributes ?? {};
    if (a.code) node = <code>{node}</code>;
    if (a.bold) node = <strong>{node}</strong>;
    if (a.italic) node = <em>{node}</em>;
    if (a.underline) node = <u>{node}</u>;
    if (a.strike) node = <s>{node}</s>;
    return <span key={`${key}-${i}`}>{node}</span>;
  });
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, key: number): ReactNode {
  if (node instanceof Y.XmlText) return renderText(node, key);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray().map((c, i) => renderNode(c as Y.XmlElement | Y.XmlText, i));
  if (node.nodeName === 'hardBreak') return <br key={key} />;
  if (node.nodeName === 'horizontalRule') return <hr key={key} />;
  if (node.nodeName === 'heading') {
    const level = Number(node.getAttribute('level'));
    const Tag = (level >= 1 && level <= 3 ? `h${level + 2}` : 'h5') as 'h3';
    return <Tag key={key}>{children}</Tag>;
  }
  const Tag = BLOCK_TAGS[node.nodeName];
  if (Tag === undefined) return <span key={key}>{children}</span>;
  const El = Tag as 'p';
  return <El key={key}>{children}</El>;
}

function isEmpty(fragment: Y.XmlFragment): boolean {
  if (fragment.length === 0) return true;
  if (fragment.length > 1) return false;
  const first = fragment.get(0);
  return first instanceof Y.XmlElement && first.nodeName === 'paragraph' && first.length === 0;
}

export const RichTextPreview = memo(function RichTextPreview({
  fragment,
  placeholder,
}: {
  fragment: Y.XmlFragment;
  placeholder: string;
}) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const bump = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((v) => v + 1);
        });
    };
    fragment.observeDeep(bump);
    return () => {
      fragment.unobserveDeep(bump);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [fragment]);
  void version;
  if (isEmpty(fragment)) return <p className="card-placeholder">{placeholder}</p>;
  return <>{fragment.toArray().map((n, i) => renderNode(n as Y.XmlElement, i))}</>;
});
