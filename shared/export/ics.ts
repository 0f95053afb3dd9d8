import type { ActionStatus } from '../cocreation/actions';
import type { Minutes } from './minutes/model';
import { MINUTES_TEXT } from './minutes/texts';

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icsText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- control characters other than line breaks are not allowed in TEXT
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds a content line into lines of at most 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) as number);
    // A continuation line starts with one space, which counts towards its 75.
    if (octets + n > 75) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

const STATUS: Record<ActionStatus, string> = { planned: 'CONFIRMED', underway: 'CONFIRMED', done: 'CONFIRMED', dropped: 'CANCELLED' };
const date = (day: string) => day.replace(/-/g, '');
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * The action plan as an iCalendar file: one all-day event per action with a
 * due date, on that day. The UID is stable (`<action>@<board>.samskab`), so a
 * calendar that imports the file again updates the events instead of adding
 * copies. A dropped action is a cancelled event; a done one is marked done in
 * its title and description.
 */
export function actionsToIcs(m: Pick<Minutes, 'actions' | 'title' | 'lang'>, boardId: string, now: Date): string {
  const t = MINUTES_TEXT[m.lang];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samskab//Action plan//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${icsText(`${m.title || t.untitled} – ${t.actions}`)}`);
  for (const a of m.actions) {
    if (!a.due) continue;
    const who = a.who ? `${a.who}${a.whoKind === 'organisation' ? ` (${t.organisation})` : ''}` : t.unknown;
    const description = [`${t.colWho}: ${who}`, `${t.colStatus}: ${t.progress[a.progress]}`, ...(a.source ? [`${t.colSource}: ${t.quote(a.source)}`] : [])].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${a.id}@${boardId}.samskab`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${date(a.due)}`,
      `DTEND;VALUE=DATE:${date(nextDay(a.due))}`,
      `SUMMARY:${icsText(a.status === 'done' ? `✓ ${a.what}` : a.what)}`,
      `DESCRIPTION:${icsText(description)}`,
      `STATUS:${STATUS[a.status]}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
