import { useState } from 'react';
import type { z } from 'zod';
import { validateParam, type ParamField as Field } from '../forms/paramFields.js';
import { NumberBox } from './NumberBox.js';
import { TupleInput } from './TupleInput.js';

interface Props {
  schema: z.ZodObject;
  field: Field;
  value: unknown;
  onCommit(value: unknown): void;
  idPrefix: string;
}

/** One parameter: a control generated from its schema, its docs line and an inline error. */
export function ParamField({ schema, field, value, onCommit, idPrefix }: Props) {
  const [error, setError] = useState<string>();
  const id = `${idPrefix}-${field.name}`;
  const hintId = `${id}-hint`;
  const attempt = (next: unknown, early?: string) => {
    const problem = early ?? validateParam(schema, field.name, next);
    setError(problem);
    if (!problem) onCommit(next);
  };
  const { spec } = field;
  let control;
  if (spec.type === 'number') {
    control = (
      <NumberBox
        id={id}
        label={field.name}
        value={value as number | null}
        min={spec.min}
        max={spec.max}
        integer={spec.integer}
        nullable={spec.nullable}
        invalid={!!error}
        describedBy={hintId}
        onChange={(n) => attempt(n)}
        onProblem={setError}
      />
    );
  } else if (spec.type === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={hintId}
        onChange={(e) => attempt(e.target.checked)}
      />
    );
  } else if (spec.type === 'enum') {
    control = (
      <select
        id={id}
        value={String(value)}
        aria-describedby={hintId}
        onChange={(e) => attempt(e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'tuple') {
    control = (
      <TupleInput
        name={field.name}
        spec={spec}
        value={Array.isArray(value) ? value : []}
        invalid={!!error}
        onChange={(v) => attempt(v)}
        onProblem={setError}
      />
    );
  } else if (spec.type === 'multi') {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    control = (
      <div className="multi-choice" role="group" aria-label={field.name}>
        {spec.options.map((o) => (
          <label key={o}>
            <input
              type="checkbox"
              checked={chosen.has(o)}
              onChange={(e) =>
                attempt(spec.options.filter((x) => (x === o ? e.target.checked : chosen.has(x))))
              }
            />
            {o}
          </label>
        ))}
      </div>
    );
  } else {
    control = <JsonInput id={id} value={value} onChange={attempt} />;
  }

  const labelled = spec.type !== 'tuple' && spec.type !== 'multi';
  return (
    <div className={`param-field param-${spec.type}${error ? ' invalid' : ''}`}>
      {labelled ? (
        <label htmlFor={id} className="param-label">
          {field.name}
        </label>
      ) : (
        <span className="param-label">{field.name}</span>
      )}
      {control}
      {error ? (
        <div className="param-error" role="alert">
          {error}
        </div>
      ) : null}
      {field.description && (
        <div className="param-hint" id={hintId}>
          {field.description}
        </div>
      )}
    </div>
  );
}

function JsonInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange(v: unknown, early?: string): void;
}) {
  const [draft, setDraft] = useState(() => JSON.stringify(value));
  return (
    <input
      id={id}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        try {
          onChange(JSON.parse(e.target.value));
        } catch {
          onChange(undefined, 'Enter a JSON value');
        }
      }}
    />
  );
}
