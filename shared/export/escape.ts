/** Markdown must not turn participants' text into markup (headings, links, HTML). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    // "1." and "1)" start ordered lists; a backslash before the digit would show, so escape the mark.
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

/** Participant text on one Markdown line: line breaks (\n, \r) folded into `joiner`, markup escaped. */
export function inlineMarkdown(text: string, joiner = ' / '): string {
  return escapeMarkdown(text.trim().replace(/\s*[\r\n]+\s*/g, joiner));
}
