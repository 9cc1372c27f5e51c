import { useEffect, useState } from 'react';

interface Props {
  value: number | null | undefined;
  label: string;
  min?: number;
  max?: number;
  integer: boolean;
  invalid: boolean;
  /** Receives the parsed text: a number, `null` for an empty box, `NaN` for text that is no number. */
  onChange(value: number | null): void;
  describedBy?: string;
  id?: string;
}

const format = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const parse = (text: string) => (text.trim() === '' ? null : Number(text));

/** A number field that keeps what the user typed while it is invalid, and follows undo otherwise. */
export function NumberBox({
  value,
  label,
  min,
  max,
  integer,
  invalid,
  onChange,
  describedBy,
  id,
}: Props) {
  const [draft, setDraft] = useState(format(value));
  useEffect(() => {
    setDraft((current) => (parse(current) === value ? current : format(value)));
  }, [value]);
  return (
    <input
      id={id}
      className="number-box nodrag"
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
