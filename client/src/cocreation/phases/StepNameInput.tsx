import { useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange'> {
  /** The step's name as the document has it now. */
  name: string;
}

/**
 * A step name field that follows renames by others while nobody types in it,
 * and keeps this person's typing while they do (a remount would lose it).
 */
export function StepNameInput({ name, onFocus, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      value={draft ?? name}
      onChange={(e) => setDraft(e.target.value)}
      onFocus={(e) => {
        setDraft(name);
        onFocus?.(e);
      }}
      onBlur={(e) => {
        onBlur?.(e);
        setDraft(null);
      }}
    />
  );
}
