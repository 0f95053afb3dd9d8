import { useEffect, useRef, useState } from 'react';
import { formatNumber, parseNumber } from './numbers';

interface Props {
  id: string;
  label: string;
  value: number | null;
  lang: 'da' | 'en';
  /** Writes the value (null clears it); may throw. */
  onCommit(value: number | null): void;
  /** Called with the field's label when the text is not a number. */
  onInvalid(label: string): void;
}

/** A measured value, typed as people write numbers (decimal comma or point), saved on Enter or when leaving the field. */
export function MeasureInput({ id, label, value, lang, onCommit, onInvalid }: Props) {
  const shown = value === null ? '' : formatNumber(value, lang);
  const [text, setText] = useState(shown);
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setText(shown);
  }, [shown]);
  const commit = () => {
    if (!dirty.current) return;
    const n = text.trim() === '' ? null : parseNumber(text);
    if (text.trim() !== '' && n === null) return onInvalid(label);
    dirty.current = false;
    if (n !== value) onCommit(n);
    setText(n === null ? '' : formatNumber(n, lang));
  };
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="eval-measure"
      aria-label={label}
      value={text}
      onChange={(e) => {
        dirty.current = true;
        setText(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
