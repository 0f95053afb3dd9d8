/** Markdown must not turn participants' text into markup (headings, links, HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#>+-]|\d+\.)/gm, '$1\\$2');
}
