/** A day as people write it in the UI language ("3. januar 2027", "3 January 2027"). */
export function formatDay(ms: number, lang: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' }).format(new Date(ms));
}
