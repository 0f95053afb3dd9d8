import type { BoardItem } from '../../../shared/model/schema';
import { readPlainText } from '../../../shared/model/richtext';
import type { StringKey } from '../i18n/strings';

/** The first line of a card, cut short, for labels ("builds on »…«"). */
export function shortText(item: BoardItem, max = 60): string {
  const line = readPlainText(item.body).split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Checks typed text before anything is written: a clear message key (and limit), or the clean text. */
export function checkText(text: string, max: number): { ok: true; text: string } | { ok: false; key: StringKey; vars?: Record<string, string> } {
  const clean = text.trim();
  if (!clean) return { ok: false, key: 'phoneErrEmpty' };
  if (clean.length > max) return { ok: false, key: 'phoneErrLong', vars: { n: String(max) } };
  return { ok: true, text: clean };
}
