/**
 * A small document tree the minutes are written in once (sections.ts) and
 * that each format renders (Markdown, HTML, DOCX). Text is plain: each
 * renderer escapes it for its own format. `raw` marks Samskab's own text
 * (numbering, labels) that the Markdown renderer must not escape.
 */
export interface Run {
  text: string;
  b?: boolean;
  i?: boolean;
  raw?: boolean;
}

export interface ListItem {
  /** Number shown for an ordered list's item. */
  n?: number;
  runs: Run[];
  /** Blocks under the item (details, nested lists, Markdown lines of the older sections). */
  more: Block[];
}

export type Block =
  /** `page`: a main part that starts on a new page when printed. */
  | { k: 'h'; level: 1 | 2 | 3 | 4; runs: Run[]; page?: boolean }
  | { k: 'p'; runs: Run[] }
  | { k: 'list'; ordered: boolean; items: ListItem[] }
  | { k: 'table'; head: string[]; rows: string[][] }
  /** Lines the older minutes sections wrote in Markdown; Markdown keeps them, the others read them with mdToBlocks. */
  | { k: 'md'; lines: string[] };

export const text = (t: string, style: Omit<Run, 'text'> = {}): Run => ({ text: t, ...style });
export const own = (t: string, style: Omit<Run, 'text' | 'raw'> = {}): Run => ({ text: t, raw: true, ...style });

// ---------------------------------------------------------------- reading Markdown lines

/** Inline Markdown (as escape.ts writes it): backslash escapes, **bold**, *italic*. */
export function mdInline(s: string): Run[] {
  const out: Run[] = [];
  let b = false;
  let i = false;
  let cur = '';
  const flush = () => {
    if (cur) out.push({ text: cur, ...(b ? { b: true } : {}), ...(i ? { i: true } : {}) });
    cur = '';
  };
  for (let k = 0; k < s.length; k++) {
    const c = s[k] as string;
    if (c === '\\' && k + 1 < s.length) {
      cur += s[++k];
    } else if (c === '*' && s[k + 1] === '*') {
      flush();
      b = !b;
      k++;
    } else if (c === '*') {
      flush();
      i = !i;
    } else cur += c;
  }
  flush();
  return out;
}

const plain = (s: string) => mdInline(s).map((r) => r.text).join('').trim();

function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  const s = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\\' && k + 1 < s.length) cur += s[k] + (s[++k] as string);
    else if (s[k] === '|') {
      out.push(plain(cur));
      cur = '';
    } else cur += s[k];
  }
  out.push(plain(cur));
  return out;
}

/** Reads the Markdown lines of the older sections (headings, lists, tables, paragraphs) into blocks. */
export function mdToBlocks(lines: readonly string[]): Block[] {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const cut = Math.min(...nonEmpty.map((l) => (/^ */.exec(l) as RegExpExecArray)[0].length), 99);
  const src = lines.map((l) => l.slice(Math.min(cut, (/^ */.exec(l) as RegExpExecArray)[0].length)));
  const out: Block[] = [];
  let list: Extract<Block, { k: 'list' }> | null = null;
  for (let n = 0; n < src.length; n++) {
    const line = src[n] as string;
    if (line.trim() === '') {
      list = null;
      continue;
    }
    const h = /^(#{1,6}) (.*)$/.exec(line);
    const bullet = /^( *)- (.*)$/.exec(line);
    const num = /^(\d+)\. (.*)$/.exec(line);
    if (h) {
      list = null;
      out.push({ k: 'h', level: Math.min(4, (h[1] as string).length) as 1 | 2 | 3 | 4, runs: mdInline(h[2] as string) });
    } else if (line.startsWith('|')) {
      list = null;
      const rows: string[] = [];
      while (n < src.length && (src[n] as string).startsWith('|')) rows.push(src[n++] as string);
      n--;
      const body = rows.filter((r, k) => !(k === 1 && /^\|[\s|:-]+$/.test(r)));
      out.push({ k: 'table', head: cells(body[0] ?? ''), rows: body.slice(1).map(cells) });
    } else if (bullet && (bullet[1] as string).length >= 2 && list && list.items.length > 0) {
      // A nested item: under the last item.
      const parent = list.items[list.items.length - 1] as ListItem;
      const last = parent.more[parent.more.length - 1];
      const item = { runs: mdInline(bullet[2] as string), more: [] };
      if (last?.k === 'list') last.items.push(item);
      else parent.more.push({ k: 'list', ordered: false, items: [item] });
    } else if (bullet || num) {
      const ordered = !!num;
      if (!list || list.ordered !== ordered) out.push((list = { k: 'list', ordered, items: [] }));
      list.items.push(num ? { n: Number(num[1]), runs: mdInline(num[2] as string), more: [] } : { runs: mdInline((bullet as RegExpExecArray)[2] as string), more: [] });
    } else if (/^\s/.test(line) && list && list.items.length > 0) {
      // A continuation line under the last item.
      (list.items[list.items.length - 1] as ListItem).more.push({ k: 'p', runs: mdInline(line.trim()) });
    } else {
      list = null;
      out.push({ k: 'p', runs: mdInline(line) });
    }
  }
  return out;
}

/** Every block with the older sections' Markdown read into blocks (for the HTML and DOCX renderers). */
export function resolveMd(blocks: readonly Block[]): Array<Exclude<Block, { k: 'md' }>> {
  const out: Array<Exclude<Block, { k: 'md' }>> = [];
  for (const b of blocks) {
    if (b.k === 'md') out.push(...resolveMd(mdToBlocks(b.lines)));
    else if (b.k === 'list') out.push({ ...b, items: b.items.map((i) => ({ ...i, more: resolveMd(i.more) })) });
    else out.push(b);
  }
  return out;
}

/** The plain text of some runs. */
export const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
