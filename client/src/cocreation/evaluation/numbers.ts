/**
 * Numbers as people type them: "12", "3,5" (Danish decimal comma), "3.5",
 * "1 200" or "1.200,5". Null when it is not a number.
 */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/[\s\u00a0]/g, '');
  if (!s) return null;
  // Both separators: the last one is the decimal mark.
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function formatNumber(n: number, lang: 'da' | 'en'): string {
  return n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 });
}
