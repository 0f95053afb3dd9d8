import type * as Docx from 'docx';
import { resolveMd, runsText, type Run } from '../../shared/export/minutes/blocks';
import type { Minutes } from '../../shared/export/minutes/model';
import { minutesBlocks } from '../../shared/export/minutes/sections';

/** Indentation per list level, in twentieths of a point. */
const STEP = 360;

// XML 1.0 forbids most control characters; a card's text could hold one and break the file.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
type D = typeof Docx;
const textRuns = (d: D, runs: readonly Run[]) => runs.filter((r) => r.text).map((r) => new d.TextRun({ text: clean(r.text), bold: r.b, italics: r.i }));

function cell(d: D, text: string, header: boolean): Docx.TableCell {
  return new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text: clean(text), bold: header })] })] });
}

function render(d: D, blocks: ReturnType<typeof resolveMd>, depth: number): Array<Docx.Paragraph | Docx.Table> {
  const HEADINGS = { 1: d.HeadingLevel.TITLE, 2: d.HeadingLevel.HEADING_1, 3: d.HeadingLevel.HEADING_2, 4: d.HeadingLevel.HEADING_3 } as const;
  const out: Array<Docx.Paragraph | Docx.Table> = [];
  const indent = depth > 0 ? { left: depth * STEP } : undefined;
  for (const b of blocks) {
    switch (b.k) {
      case 'h':
        out.push(new d.Paragraph({ heading: HEADINGS[b.level], children: textRuns(d, b.runs), pageBreakBefore: b.page === true }));
        break;
      case 'p':
        out.push(new d.Paragraph({ children: textRuns(d, b.runs), indent }));
        break;
      case 'list':
        for (const i of b.items) {
          // Ordered items carry their own number (the ranking's rank), so no Word numbering is needed.
          if (b.ordered) out.push(new d.Paragraph({ children: [new d.TextRun(`${i.n ?? 1}. `), ...textRuns(d, i.runs)], indent: { left: (depth + 1) * STEP, hanging: STEP } }));
          else out.push(new d.Paragraph({ children: textRuns(d, i.runs), bullet: { level: Math.min(depth, 8) } }));
          out.push(...render(d, resolveMd(i.more), depth + 1));
        }
        break;
      case 'table':
        out.push(
          new d.Table({
            width: { size: 100, type: d.WidthType.PERCENTAGE },
            rows: [
              new d.TableRow({ tableHeader: true, children: b.head.map((c) => cell(d, c, true)) }),
              ...b.rows.map((r) => new d.TableRow({ children: r.map((c) => cell(d, c, false)) })),
            ],
          }),
          new d.Paragraph({}),
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
  // Loaded on the first export, not at start: most processes never export a Word file (see scale/drivers.ts).
  const d: D = await import('docx');
  const blocks = resolveMd(minutesBlocks({ ...minutes, lang }));
  const first = blocks[0];
  const doc = new d.Document({
    creator: 'Samskab',
    title: clean(first && first.k === 'h' ? runsText(first.runs) : ''),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: render(d, blocks, 0) }],
  });
  return d.Packer.toBuffer(doc);
}
