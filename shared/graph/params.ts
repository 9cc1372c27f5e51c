import type { LayerDefinition } from '../layers/definition.js';
import { zodMessage } from './message-text.js';

/** A node's parameters with defaults filled in, or what is wrong with them. */
export type ParamResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; issues: { param: string; message: string }[] };

/**
 * Parsing is the costliest step of an analysis, and an edit replaces only the edited node's
 * params object (the document is immutable), so results are kept per params object. A caller
 * that mutates a params object in place must replace it instead, as the editor's store does.
 */
const cache = new WeakMap<object, { definition: LayerDefinition; result: ParamResult }>();

/** Validates stored parameters against the kind's schema, filling in defaults. */
export function parseParams(definition: LayerDefinition, params: unknown): ParamResult {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return {
      ok: false,
      issues: [{ param: '', message: 'the parameters are missing or not an object' }],
    };
  }
  const hit = cache.get(params);
  if (hit && hit.definition === definition) return hit.result;
  const parsed = definition.params.safeParse(params);
  const result: ParamResult = parsed.success
    ? { ok: true, params: parsed.data }
    : {
        ok: false,
        // Paths may hold symbols, which `join` cannot convert.
        issues: parsed.error.issues.map((issue) => ({
          param: issue.path.map(String).join('.'),
          message: zodMessage(issue),
        })),
      };
  cache.set(params, { definition, result });
  return result;
}
