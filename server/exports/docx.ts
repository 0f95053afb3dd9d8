import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { resolveMd, runsText, type Run } from '../../shared/export/minutes/blocks';
import type { Minutes } from '../../shared/export/minutes/model';
import { minutesBlocks } from '../../shared/export/minutes/sections';

const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;
/** Indentation per list level, in twentieths of a point. */
const STEP = 360;

// XML 1.0 forbids most control characters; a card's text could hold one and break the file.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const textRuns = (runs: readonly Run[]) => runs.filter((r) => r.text).map((r) => new TextRun({ text: clean(r.text), bold: r.b, italics: r.i }));

function cell(text: string, header: boolean): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: clean(text), bold: header })] })] });
}

function render(blocks: ReturnType<typeof resolveMd>, depth: number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const indent = depth > 0 ? { left: depth * STEP } : undefined;
  for (const b of blocks) {
    switch (b.k) {
      case 'h':
        out.push(new Paragraph({ heading: HEADINGS[b.level], children: textRuns(b.runs), pageBreakBefore: b.page === true }));
        break;
      case 'p':
        out.push(new Paragraph({ children: textRuns(b.runs), indent }));
        break;
      case 'list':
        for (const i of b.items) {
          // Ordered items carry their own number (the ranking's rank), so no Word numbering is needed.
          if (b.ordered) out.push(new Paragraph({ children: [new TextRun(`${i.n ?? 1}. `), ...textRuns(i.runs)], indent: { left: (depth + 1) * STEP, hanging: STEP } }));
          else out.push(new Paragraph({ children: textRuns(i.runs), bullet: { level: Math.min(depth, 8) } }));
          out.push(...render(resolveMd(i.more), depth + 1));
        }
        break;
      case 'table':
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: b.head.map((c) => cell(c, true)) }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
            ],
          }),
          new Paragraph({}),
        );
        break;
    }
  }
  return out;
}

/**
 * The minutes as a Word document (OOXML): headings, tables for participants,
 * ranking, rounds and actions, lists. `lang` names the section headings; give
 * the minutes' own language (projectMinutes wrote role labels and dates in it).
 */
export async function minutesToDocx(minutes: Minutes, lang: 'da' | 'en' = minutes.lang): Promise<Buffer> {
  const blocks = resolveMd(minutesBlocks({ ...minutes, lang }));
  const first = blocks[0];
  const doc = new Document({
    creator: 'Samskab',
    title: clean(first && first.k === 'h' ? runsText(first.runs) : ''),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: render(blocks, 0) }],
  });
  return Packer.toBuffer(doc);
}
