/**
 * Dates and times in the minutes. The server does not know where the room
 * was, so an export names its time zone (the client sends its own; the default
 * is Denmark's, where Samskab is used).
 */
export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(tz) || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day (YYYY-MM-DD) of `at` in `tz`. */
export function dayIn(at: Date, tz: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "4. december 2026" / "4 December 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string, lang: 'da' | 'en'): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "09:05" in `tz`. */
export function formatTime(at: number, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** The day and time of `at` in `tz`, written for the minutes. */
export function formatMoment(at: number, tz: string, lang: 'da' | 'en'): string {
  return `${formatDay(dayIn(new Date(at), tz), lang)}${lang === 'da' ? ' kl.' : ','} ${formatTime(at, tz)}`;
}
