import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPlainText, writePlainText } from '../../shared/model/richtext';

function fragment(): { doc: Y.Doc; frag: Y.XmlFragment } {
  const doc = new Y.Doc();
  return { doc, frag: doc.getXmlFragment('body') };
}

const el = (name: string, children: Array<Y.XmlElement | Y.XmlText>) => {
  const e = new Y.XmlElement(name);
  e.insert(0, children);
  return e;
};

describe('writePlainText / readPlainText', () => {
  it('writes one paragraph per line, in the Tiptap node vocabulary', () => {
    const { frag } = fragment();
    writePlainText(frag, 'Første linje\nAnden linje');
    expect(frag.toString()).toBe('<paragraph>Første linje</paragraph><paragraph>Anden linje</paragraph>');
    expect(readPlainText(frag)).toBe('Første linje\nAnden linje');
  });

  it('appends after existing content', () => {
    const { frag } = fragment();
    writePlainText(frag, 'a');
    writePlainText(frag, 'b\nc');
    expect(frag.length).toBe(3);
    expect(readPlainText(frag)).toBe('a\nb\nc');
  });

  it.each(['x', 'æøå ÆØÅ – “citat”', 'line one\nline two\nline three', '  leading and trailing  '])(
    'round-trips %j',
    (text) => {
      const { frag } = fragment();
      writePlainText(frag, text);
      expect(readPlainText(frag)).toBe(text);
    },
  );

  // A body "one paragraph per line" with an empty line in the middle has three
  // blocks; its plain text (exports, search) should keep the blank line.
  it('keeps blank lines: empty paragraphs are blocks too', () => {
    const { frag } = fragment();
    writePlainText(frag, 'first\n\nthird');
    expect(frag.length).toBe(3);
    expect(readPlainText(frag)).toBe('first\n\nthird');
  });

  it('ignores formatting marks, and reads headings, lists, quotes and hard breaks as lines', () => {
    const { frag } = fragment();
    const bold = new Y.XmlText();
    const para = el('paragraph', [bold]);
    const item1 = el('listItem', [el('paragraph', [new Y.XmlText('punkt et')])]);
    const item2 = el('listItem', [el('paragraph', [new Y.XmlText('punkt to')])]);
    const withBreak = el('paragraph', [new Y.XmlText('før'), el('hardBreak', []), new Y.XmlText('efter')]);
    frag.insert(0, [
      el('heading', [new Y.XmlText('Overskrift')]),
      para,
      el('bulletList', [item1, item2]),
      el('blockquote', [el('paragraph', [new Y.XmlText('citat')])]),
      withBreak,
    ]);
    bold.insert(0, 'fed', { bold: true });
    bold.insert(3, ' og normal');
    expect(frag.toString()).toContain('<bold>');
    expect(readPlainText(frag)).toBe('Overskrift\nfed og normal\npunkt et\npunkt to\ncitat\nfør\nefter');
  });

  it('reads an empty body as the empty string', () => {
    const { frag } = fragment();
    expect(readPlainText(frag)).toBe('');
    writePlainText(frag, '');
    expect(readPlainText(frag)).toBe('');
  });

  it('reads text in a bare element too', () => {
    const p = el('paragraph', [new Y.XmlText('alone')]);
    const { frag } = fragment();
    frag.insert(0, [p]);
    expect(readPlainText(p)).toBe('alone');
  });
});
