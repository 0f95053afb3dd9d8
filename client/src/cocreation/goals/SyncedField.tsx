import { useEffect, useRef, useState } from 'react';

interface Props {
  id: string;
  /** The value in the document (may change under us when someone else writes). */
  value: string;
  /** Writes the text to the document; may throw (the caller shows why). */
  onCommit(text: string): void;
  maxLength: number;
  multiline?: boolean;
  rows?: number;
  disabled?: boolean;
  placeholder?: string;
  /** Without a visible <label htmlFor>, the accessible name. */
  ariaLabel?: string;
  describedBy?: string;
}

/** Pause in typing after which the text is written to the document. */
export const COMMIT_DELAY_MS = 400;

/**
 * A text field bound to a plain string in the document. Typing is kept
 * locally and written after a short pause (and on blur / unmount), so each
 * keystroke is not a document update; while local text is pending, a remote
 * change does not overwrite what the person is typing. Two people typing in
 * the same field at the same moment: the last pause wins (a plain string, by
 * design — see docs/cocreation-goals-evaluation.md).
 */
export function SyncedField({ id, value, onCommit, maxLength, multiline = true, rows = 2, disabled, placeholder, ariaLabel, describedBy }: Props) {
  const [draft, setDraft] = useState(value);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  // Someone else wrote: show it, unless this person has unsaved typing.
  useEffect(() => {
    if (pending.current === null) setDraft(value);
  }, [value]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    pending.current = null;
    if (text !== null && text !== latest.current.value) latest.current.onCommit(text);
  };
  // Closing the panel mid-word still saves it.
  useEffect(() => flush, []);

  const change = (text: string) => {
    setDraft(text);
    pending.current = text;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, COMMIT_DELAY_MS);
  };

  const common = {
    id,
    value: draft,
    maxLength,
    disabled,
    placeholder,
    'aria-label': ariaLabel,
    'aria-describedby': describedBy,
    onBlur: flush,
  };
  return multiline ? (
    <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
  ) : (
    <input type="text" {...common} onChange={(e) => change(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && flush()} />
  );
}
