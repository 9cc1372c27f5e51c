import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../shared/layers/activations.js';
import { layerDefinition } from '../../shared/layers/catalogue.js';
import { METRICS } from '../../shared/layers/io.js';
import { numberProblem, paramFields, validateParam, type ScalarField } from './paramFields.js';

const field = (kind: 'Dense' | 'Input' | 'Output', name: string) =>
  paramFields(layerDefinition(kind).params).find((f) => f.name === name)!;

describe('inspector fields from parameter schemas', () => {
  it('turns a bounded integer into a number box with its range', () => {
    expect(field('Dense', 'units').spec).toEqual({
      type: 'number',
      integer: true,
      min: 1,
      max: 65_536,
      nullable: false,
    });
  });

  it('turns an enum into a select of its values', () => {
    expect(field('Dense', 'activation').spec).toEqual({ type: 'enum', options: [...ACTIVATIONS] });
  });

  it('turns an input shape into a short list of nullable number boxes', () => {
    expect(field('Input', 'shape').spec).toMatchObject({
      type: 'tuple',
      minItems: 1,
      maxItems: 4,
      item: { type: 'number', nullable: true },
    });
  });

  it('turns a list of choices into checkboxes', () => {
    expect(field('Output', 'metrics').spec).toEqual({ type: 'multi', options: [...METRICS] });
  });

  it('explains a value out of range and accepts one inside', () => {
    const schema = layerDefinition('Dense').params;
    expect(validateParam(schema, 'units', 0)).toMatch(/>=\s*1/);
    expect(validateParam(schema, 'units', 64)).toBeUndefined();
  });
});

describe('number field checks', () => {
  const units = field('Dense', 'units').spec as ScalarField;
  it('names the bound a typed number breaks', () => {
    expect(numberProblem(0, units)).toBe('At least 1');
    expect(numberProblem(70_000, units)).toBe('At most 65536');
    expect(numberProblem(2.5, units)).toBe('Enter a whole number');
    expect(numberProblem(Number.NaN, units)).toBe('Enter a number');
    expect(numberProblem(64, units)).toBeUndefined();
  });

  it('accepts an empty box only where the schema allows null', () => {
    const shape = field('Input', 'shape').spec;
    expect(shape.type === 'tuple' && numberProblem(null, shape.item)).toBeUndefined();
    expect(numberProblem(null, units)).toBe('Enter a number');
  });
});
