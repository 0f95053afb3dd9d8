import { useEffect, useRef, useState } from 'react';

interface Props {
  id: string;
  /** The value in the document (changes under us when someone else writes). */
  value: string;
  /** Writes the text to the document (the caller shows a refusal). */
  onCommit(text: string): void;
  maxLength: number;
  ariaLabel: string;
  placeholder?: string;
}

/** Pause in typing after which the text is written to the document. */
const COMMIT_DELAY_MS = 400;

/**
 * A one-line text field bound to one field of an action: typing is kept
 * locally and written after a short pause (and on blur, Enter, unmount), so
 * each keystroke is not a document update, and while this person has unsaved
 * typing a remote change of the same field does not overwrite it. Other
 * fields of the action are separate keys, so they are never written back.
 * (The goals panel has the same pattern; a tool does not import a sibling.)
 */
export function TextField({ id, value, onCommit, maxLength, ariaLabel, placeholder }: Props) {
  const [draft, setDraft] = useState(value);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  useEffect(() => {
    if (pending.current === null) setDraft(value);
  }, [value]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    pending.current = null;
    if (text !== null && text.trim() !== latest.current.value) latest.current.onCommit(text);
  };
  useEffect(() => flush, []);

  return (
    <input
      id={id}
      type="text"
      value={draft}
      maxLength={maxLength}
      aria-label={ariaLabel}
      placeholder={placeholder}
      onChange={(e) => {
        setDraft(e.target.value);
        pending.current = e.target.value;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flush, COMMIT_DELAY_MS);
      }}
      onBlur={() => {
        flush();
        // A refused text (an empty "what") goes back to what the document holds.
        setDraft(latest.current.value);
      }}
      onKeyDown={(e) => e.key === 'Enter' && flush()}
    />
  );
}
