import type { FieldSpec } from '../forms/paramFields.js';
import { NumberBox } from './NumberBox.js';

type TupleSpec = Extract<FieldSpec, { type: 'tuple' }>;

interface Props {
  name: string;
  spec: TupleSpec;
  value: unknown[];
  invalid: boolean;
  onChange(value: unknown[]): void;
  /** Why a typed entry was refused; `undefined` once one is accepted. */
  onProblem(problem: string | undefined): void;
}

/** Small boxes for a kernel size or an input shape; lists of varying length get add/remove. */
export function TupleInput({ name, spec, value, invalid, onChange, onProblem }: Props) {
  const { item } = spec;
  const variable = spec.minItems !== spec.maxItems;
  const set = (index: number, next: unknown) =>
    onChange(value.map((v, i) => (i === index ? next : v)));

  return (
    <div className="tuple-input" role="group" aria-label={name}>
      {value.map((entry, i) =>
        item.type === 'number' ? (
          <NumberBox
            key={i}
            label={`${name} ${i + 1}`}
            value={entry as number | null}
            min={item.min}
            max={item.max}
            integer={item.integer}
            nullable={item.nullable}
            invalid={invalid}
            onChange={(n) => set(i, n)}
            onProblem={onProblem}
          />
        ) : (
          <input
            key={i}
            aria-label={`${name} ${i + 1}`}
            value={String(entry)}
            onChange={(e) => set(i, e.target.value)}
          />
        ),
      )}
      {variable && (
        <span className="tuple-buttons">
          <button
            type="button"
            aria-label={`Add a dimension to ${name}`}
            disabled={value.length >= spec.maxItems}
            onClick={() => onChange([...value, value.at(-1) ?? 1])}
          >
            +
          </button>
          <button
            type="button"
            aria-label={`Remove the last dimension of ${name}`}
            disabled={value.length <= Math.max(1, spec.minItems)}
            onClick={() => onChange(value.slice(0, -1))}
          >
            −
          </button>
        </span>
      )}
    </div>
  );
}
