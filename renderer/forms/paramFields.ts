import { z } from 'zod';

/** A scalar the form can edit: a number, a checkbox or a choice. */
export type ScalarField =
  | { type: 'number'; integer: boolean; min?: number; max?: number; nullable: boolean }
  | { type: 'boolean' }
  | { type: 'enum'; options: string[] }
  | { type: 'text' };

/** How the inspector edits one parameter, read from the kind's JSON schema. @public */
export type FieldSpec =
  | ScalarField
  /** Fixed length (kernel size) or a bounded list (an input shape): small number boxes. */
  | { type: 'tuple'; item: ScalarField; minItems: number; maxItems: number }
  | { type: 'multi'; options: string[] }
  | { type: 'json' };

/** One parameter with its docs and default. */
export interface ParamField {
  name: string;
  description?: string;
  default?: unknown;
  spec: FieldSpec;
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
};

// zod writes ±MAX_SAFE_INTEGER for an int without a bound; the form shows no bound then.
const bound = (value: number | undefined) =>
  value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;

function scalar(schema: JsonSchema): ScalarField | undefined {
  const options = schema.anyOf;
  if (options?.length === 2 && options.some((o) => o.type === 'null')) {
    const inner = scalar(options.find((o) => o.type !== 'null')!);
    return inner?.type === 'number' ? { ...inner, nullable: true } : undefined;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return {
      type: 'number',
      integer: schema.type === 'integer',
      min: bound(schema.minimum ?? schema.exclusiveMinimum),
      max: bound(schema.maximum ?? schema.exclusiveMaximum),
      nullable: false,
    };
  }
  if (schema.type === 'boolean') return { type: 'boolean' };
  if (schema.type === 'string' && schema.enum)
    return { type: 'enum', options: schema.enum.map(String) };
  if (schema.type === 'string') return { type: 'text' };
  return undefined;
}

function fieldSpec(schema: JsonSchema): FieldSpec {
  const simple = scalar(schema);
  if (simple) return simple;
  if (schema.type === 'array' && schema.prefixItems) {
    const items = schema.prefixItems.map(scalar);
    const first = items[0];
    if (first && items.every((i) => i?.type === first.type)) {
      return { type: 'tuple', item: first, minItems: items.length, maxItems: items.length };
    }
  }
  if (schema.type === 'array' && schema.items) {
    const item = schema.items;
    if (item.type === 'string' && item.enum)
      return { type: 'multi', options: item.enum.map(String) };
    const inner = scalar(item);
    if (inner) {
      return {
        type: 'tuple',
        item: inner,
        minItems: schema.minItems ?? 0,
        maxItems: schema.maxItems ?? 8,
      };
    }
  }
  return { type: 'json' };
}

const cache = new WeakMap<z.ZodObject, ParamField[]>();

/** The form fields of a parameter schema, in declaration order. */
export function paramFields(schema: z.ZodObject): ParamField[] {
  const known = cache.get(schema);
  if (known) return known;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields = Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    description: property.description,
    default: property.default,
    spec: fieldSpec(property),
  }));
  cache.set(schema, fields);
  return fields;
}

/** Checks one value against its parameter's schema; the message to show, or `undefined` when valid. */
export function validateParam(
  schema: z.ZodObject,
  name: string,
  value: unknown,
): string | undefined {
  const field = schema.shape[name] as z.ZodType | undefined;
  if (!field) return undefined;
  const result = field.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** Why a typed number cannot be used, in words shorter than the schema's, before it is asked. */
export function numberProblem(value: number | null, spec: ScalarField): string | undefined {
  if (spec.type !== 'number') return undefined;
  if (value === null) return spec.nullable ? undefined : 'Enter a number';
  if (Number.isNaN(value)) return 'Enter a number';
  if (spec.integer && !Number.isInteger(value)) return 'Enter a whole number';
  if (spec.min !== undefined && value < spec.min) return `At least ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `At most ${spec.max}`;
  return undefined;
}
