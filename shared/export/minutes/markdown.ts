import { escapeMarkdown } from '../escape';
import type { Block, Run } from './blocks';

/** One line of runs: participants' text escaped (line breaks folded), adjacent runs of one style in one emphasis. */
export function mdRuns(runs: readonly Run[]): string {
  const parts: Array<{ s: string; mark: string }> = [];
  for (const r of runs) {
    if (!r.text) continue;
    const s = r.raw ? r.text : escapeMarkdown(r.text.replace(/\s*[\r\n]+\s*/g, ' '));
    const mark = `${r.b ? '**' : ''}${r.i ? '*' : ''}`;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.s += s;
    else parts.push({ s, mark });
  }
  return parts.map((p) => (p.mark ? `${p.mark}${p.s}${[...p.mark].reverse().join('')}` : p.s)).join('');
}

// In a table cell only inline markup can start: no list or heading marks to escape.
const cell = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_[\]<>|~])/g, '\\$1') || ' ';

function render(blocks: readonly Block[], indent: string, out: string[], top: boolean): void {
  for (const b of blocks) {
    switch (b.k) {
      case 'h':
        out.push(`${'#'.repeat(b.level)} ${mdRuns(b.runs)}`);
        break;
      case 'p':
        out.push(`${indent}${mdRuns(b.runs)}`);
        break;
      case 'list':
        for (const i of b.items) {
          out.push(`${indent}${b.ordered ? `${i.n ?? 1}. ` : '- '}${mdRuns(i.runs)}`);
          render(i.more, `${indent}   `, out, false);
        }
        break;
      case 'table':
        out.push(`${indent}| ${b.head.map(cell).join(' | ')} |`, `${indent}|${' --- |'.repeat(b.head.length)}`);
        for (const row of b.rows) out.push(`${indent}| ${row.map(cell).join(' | ')} |`);
        break;
      case 'md':
        // Lines of the older sections, written with their own indentation.
        out.push(...b.lines);
        while (top && out[out.length - 1] === '') out.pop();
        break;
    }
    if (top) out.push('');
  }
}

/** The minutes' document tree as Markdown. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  render(blocks, '', out, true);
  return out.join('\n');
}
