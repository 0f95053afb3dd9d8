import type * as Y from 'yjs';
import { listItems, listLinks, readMeta } from '../model/board';
import { readPlainText } from '../model/richtext';
import type { BoardItem } from '../model/schema';
import { roleInfo } from '../roles';

/** Text for XML: participants' words never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Greedy word wrap by an average glyph width; good enough for an image of the board. */
function wrap(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if ((line + ' ' + word).trim().length > perLine) {
        if (line) lines.push(line);
        line = word;
      } else line = (line + ' ' + word).trim();
    }
    if (line) lines.push(line);
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]}…`;
  }
  return lines;
}

export interface SvgOptions {
  /** Draw card texts (false: a thumbnail of coloured cards only). */
  text?: boolean;
  /** Output width in px; the height follows the board's aspect ratio. */
  width?: number;
  /** Only these items (e.g. the contents of a frame). */
  only?: ReadonlySet<string>;
}

/** The board (or part of it) as a standalone SVG image. */
export function boardToSvg(doc: Y.Doc, opts: SvgOptions = {}): string {
  const withText = opts.text ?? true;
  // Frames are areas behind the cards: draw them first.
  const items = listItems(doc)
    .items.filter((i) => !opts.only || opts.only.has(i.id))
    .sort((a, b) => Number(b.kind === 'frame') - Number(a.kind === 'frame'));
  const pad = 40;
  let minX = 0;
  let minY = 0;
  let maxX = 400;
  let maxY = 300;
  if (items.length > 0) {
    minX = Math.min(...items.map((i) => i.x));
    minY = Math.min(...items.map((i) => i.y));
    maxX = Math.max(...items.map((i) => i.x + i.w));
    maxY = Math.max(...items.map((i) => i.y + i.h));
  }
  const vw = maxX - minX + 2 * pad;
  const vh = maxY - minY + 2 * pad;
  const width = opts.width ?? Math.min(2400, vw);
  const height = Math.round((width * vh) / vw);
  const byId = new Map(items.map((i) => [i.id, i]));
  const centre = (i: BoardItem) => [i.x + i.w / 2, i.y + i.h / 2] as const;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX - pad} ${minY - pad} ${vw} ${vh}" font-family="system-ui, sans-serif">`,
  );
  out.push(`<title>${escapeXml(readMeta(doc).title || 'Samskab')}</title>`);
  out.push(`<rect x="${minX - pad}" y="${minY - pad}" width="${vw}" height="${vh}" fill="#f7f8fa"/>`);
  for (const l of listLinks(doc)) {
    const a = byId.get(l.from);
    const b = byId.get(l.to);
    if (!a || !b) continue;
    const [x1, y1] = centre(a);
    const [x2, y2] = centre(b);
    out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#51606e" stroke-width="2"${l.kind === 'builds-on' ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  for (const i of items) {
    if (i.kind === 'frame') {
      out.push(`<g><rect x="${i.x}" y="${i.y}" width="${i.w}" height="${i.h}" rx="14" fill="#eef1f4" stroke="#8795a1" stroke-width="2" stroke-dasharray="8 6"/>`);
      if (withText) {
        const name = readPlainText(i.body).split('\n')[0] ?? '';
        out.push(`<text x="${i.x + 16}" y="${i.y + 30}" font-size="20" font-weight="700" fill="#36434f">${escapeXml(name)}</text>`);
      }
      out.push('</g>');
      continue;
    }
    const color = roleInfo(i.role).color;
    const fill = i.kind === 'problem' ? '#ffffff' : color;
    out.push(`<g><rect x="${i.x}" y="${i.y}" width="${i.w}" height="${i.h}" rx="10" fill="${fill}" fill-opacity="${i.kind === 'problem' ? 1 : 0.45}" stroke="${color}" stroke-width="${i.kind === 'problem' ? 4 : 2}"/>`);
    out.push(`<rect x="${i.x}" y="${i.y}" width="${i.w}" height="6" rx="3" fill="${color}"/>`);
    if (withText) {
      const fontSize = i.kind === 'problem' ? 17 : 15;
      const lines = wrap(readPlainText(i.body), i.w - 24, fontSize, Math.max(1, Math.floor((i.h - 40) / (fontSize * 1.3))));
      out.push(`<text x="${i.x + 12}" y="${i.y + 24}" font-size="11" font-weight="700" fill="#36434f">${escapeXml(i.kind.toUpperCase())}${i.authorName ? ` · ${escapeXml(i.authorName)}` : ''}</text>`);
      lines.forEach((line, n) => {
        out.push(`<text x="${i.x + 12}" y="${i.y + 46 + n * fontSize * 1.3}" font-size="${fontSize}" fill="#1b2530">${escapeXml(line)}</text>`);
      });
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
