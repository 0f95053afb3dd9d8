import { resolveMd, runsText, type Run } from './blocks';
import type { Minutes } from './model';
import { minutesBlocks } from './sections';

/** Text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function runs(rs: readonly Run[]): string {
  // Adjacent runs of one style in one element.
  const merged: Run[] = [];
  for (const r of rs) {
    const last = merged[merged.length - 1];
    if (last && !!last.b === !!r.b && !!last.i === !!r.i) merged[merged.length - 1] = { ...last, text: last.text + r.text };
    else merged.push(r);
  }
  return merged
    .map((r) => {
      let s = escapeHtml(r.text);
      if (r.i) s = `<em>${s}</em>`;
      if (r.b) s = `<strong>${s}</strong>`;
      return s;
    })
    .join('');
}

function render(blocks: ReturnType<typeof resolveMd>): string {
  return blocks
    .map((b) => {
      switch (b.k) {
        case 'h':
          return `<h${b.level}${b.page ? ' class="new-page"' : ''}>${runs(b.runs)}</h${b.level}>`;
        case 'p':
          return `<p>${runs(b.runs)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          const items = b.items.map((i) => `<li${b.ordered && i.n !== undefined ? ` value="${i.n}"` : ''}>${runs(i.runs)}${i.more.length ? render(resolveMd(i.more)) : ''}</li>`);
          return `<${tag}>${items.join('')}</${tag}>`;
        }
        case 'table': {
          const head = b.head.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
          // The first cell of a row names it (a role, a number, an action).
          const rows = b.rows.map((r) => `<tr>${r.map((c, n) => (n === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`);
          return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
        }
      }
    })
    .join('\n');
}

/** No script, no outside resource: only the page's own inline style. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8em;margin:0 0 .3em}h2{font-size:1.35em;margin:1.6em 0 .4em;border-bottom:1px solid #bbb;padding-bottom:.15em}
h3{font-size:1.15em;margin:1.2em 0 .3em}h4{font-size:1em;margin:1em 0 .2em}
p{margin:.3em 0}ul,ol{padding-left:1.6em}li{margin:.25em 0}li>p{margin:.15em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;padding:.25em .45em;text-align:left;vertical-align:top}
thead th{background:#eee}
@page{margin:2cm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}.new-page{break-before:page}h2,h3,h4{break-after:avoid}tr,li{break-inside:avoid}thead{display:table-header-group}}
`;

/**
 * The print view (and so PDF): one self-contained HTML document, no script,
 * every text escaped, semantic headings and tables. The main parts (problems,
 * the ranking, and decisions with the action plan) start on a new page when printed.
 */
export function minutesToHtml(m: Minutes): string {
  const blocks = resolveMd(minutesBlocks(m));
  const first = blocks[0];
  const title = first && first.k === 'h' ? runsText(first.runs) : '';
  return [
    '<!doctype html>',
    `<html lang="${m.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Also when the page is shown from a blob: URL (the app's print view tab), where no response header applies.
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    render(blocks),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
