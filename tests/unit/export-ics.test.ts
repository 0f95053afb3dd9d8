import { describe, expect, it } from 'vitest';
import { actionsToIcs, foldLine, icsText } from '../../shared/export/ics';
import type { MinutesAction } from '../../shared/export/minutes/model';

const octets = (s: string) => new TextEncoder().encode(s).length;
const action = (over: Partial<MinutesAction>): MinutesAction => ({ id: 'a-1', what: 'Gør det', who: '', whoKind: 'person', due: '2026-02-28', status: 'planned', progress: 'planned', source: '', ...over });

describe('action plan as iCalendar (RFC 5545)', () => {
  it('escapes TEXT: backslash, semicolon, comma, line breaks; drops other control characters', () => {
    expect(icsText('a\\b;c,d\ne\r\nf\rg\u0000h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h');
  });

  it('folds at 75 octets without splitting a character; unfolding gives the line back', () => {
    for (const line of [`SUMMARY:${'æ'.repeat(80)}`, `SUMMARY:${'a'.repeat(74)}😀${'b'.repeat(100)}`, 'SHORT:x']) {
      const folded = foldLine(line);
      for (const l of folded.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
      expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });

  it('one all-day event per action with a due date; the next day ends it, dropped is cancelled, the UID is stable', () => {
    const now = new Date('2026-03-05T10:20:30.456Z');
    const ics = actionsToIcs(
      {
        lang: 'en',
        title: 'Harbour',
        actions: [action({}), action({ id: 'a-2', due: '' }), action({ id: 'a-3', due: '2026-12-31', status: 'dropped', progress: 'dropped' }), action({ id: 'a-4', status: 'done', progress: 'done' })],
      },
      'board-1',
      now,
    );
    const lines = ics.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:a-1@board-1.samskab', 'UID:a-3@board-1.samskab', 'UID:a-4@board-1.samskab']);
    expect(lines).toContain('DTEND;VALUE=DATE:20260301');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTAMP:20260305T102030Z');
    expect(lines.filter((l) => l.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED', 'STATUS:CANCELLED', 'STATUS:CONFIRMED']);
    expect(lines).toContain('SUMMARY:✓ Gør det');
    expect(lines).toContain('DESCRIPTION:Who: —\\nStatus: Done');
  });
});
