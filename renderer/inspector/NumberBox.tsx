import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { numberProblem } from '../forms/paramFields.js';

interface Props {
  value: number | null | undefined;
  label: string;
  min?: number;
  max?: number;
  integer: boolean;
  /** Whether an empty box means "none" (`null`) rather than a mistake. */
  nullable?: boolean;
  invalid: boolean;
  /**
   * Receives a committed number (Enter, or leaving the field) that passed the box's own checks:
   * a number, whole when `integer`, within `min`..`max`; `null` for an empty nullable box.
   */
  onChange(value: number | null): void;
  /**
   * Hears why the last commit was refused (`undefined` once one is accepted). Without it the box
   * shows the message itself, under the field.
   */
  onProblem?(problem: string | undefined): void;
  describedBy?: string;
  id?: string;
}

const format = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const parse = (text: string) => (text.trim() === '' ? null : Number(text));

/**
 * A number field that commits on Enter or blur, never while typing: `1e9` is read whole (and
 * refused when out of range), `2.5` in a whole-number field is refused, not rounded. A refused
 * value stays in the box with its reason; Escape puts the stored value back.
 */
export function NumberBox({
  value,
  label,
  min,
  max,
  integer,
  nullable = false,
  invalid,
  onChange,
  onProblem,
  describedBy,
  id,
}: Props) {
  const [draft, setDraft] = useState(format(value));
  const [problem, setProblem] = useState<string>();
  const errorId = useId();
  // Undo, redo and edits elsewhere show at once, unless the user is mid-way through typing.
  useEffect(() => {
    setDraft(format(value));
    setProblem(undefined);
  }, [value]);

  const report = (message: string | undefined) => {
    setProblem(message);
    onProblem?.(message);
  };
  const commit = () => {
    if (draft === format(value) && !problem) return;
    const parsed = parse(draft);
    const message = numberProblem(parsed, { type: 'number', integer, min, max, nullable });
    report(message);
    if (!message) onChange(parsed);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    else if (e.key === 'Escape') {
      setDraft(format(value));
      report(undefined);
    }
  };
  const shown = problem !== undefined && !onProblem;
  return (
    <>
      <input
        id={id}
        className="number-box nodrag"
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        aria-label={label}
        aria-invalid={invalid || problem !== undefined || undefined}
        aria-describedby={
          [shown ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined
        }
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {shown && (
        <span className="param-error" id={errorId} role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
