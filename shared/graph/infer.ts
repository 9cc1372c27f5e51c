import { applyLayer } from '../layers/apply.js';
import type { ParamCount } from '../layers/definition.js';
import type { TensorShape } from '../layers/shape.js';
import { nodeError, type Diagnostic } from './diagnostics.js';
import { nodeLabel, type WiredNode, type Wiring } from './wiring.js';

/** What analysis learned about one node. @public */
export interface NodeAnalysis {
  /** A catalogue kind, `Block`, or the unknown kind as stored. */
  kind: string;
  /** Stored parameters with the catalogue's defaults filled in (absent when they are invalid). */
  params?: Record<string, unknown>;
  /** Source node of each input port, in port order; an unconnected port is a hole in the array. */
  inputs: string[];
  /** Output shape (batch excluded), when it could be inferred. */
  shape?: TensorShape;
  counts?: ParamCount;
  /** Multiply-adds for one example. */
  macs?: number;
}

/** Runs each node's shape rule and counts in topological order. */
export function inferShapes(
  wiring: Wiring,
  order: readonly string[],
  out: Diagnostic[],
): Map<string, NodeAnalysis> {
  const results = new Map<string, NodeAnalysis>();
  for (const [id, wired] of wiring.nodes) {
    const inputs = wired.inputs as string[];
    results.set(id, { kind: wired.node.kind, params: wired.params, inputs });
  }
  for (const id of order) {
    const wired = wiring.nodes.get(id)!;
    const inputs = inputShapes(wired, results);
    if (!wired.definition || !wired.params || !inputs) continue;
    Object.assign(results.get(id)!, applyRules(wired, inputs, out));
  }
  return results;
}

/** The shapes arriving at each port, or undefined when one is unconnected or unknown. */
function inputShapes(
  wired: WiredNode,
  results: Map<string, NodeAnalysis>,
): TensorShape[] | undefined {
  const ports = Math.max(wired.definition?.arity.min ?? 0, wired.inputs.length);
  const shapes: TensorShape[] = [];
  for (let port = 0; port < ports; port++) {
    const source = wired.inputs[port];
    const shape = source === undefined ? undefined : results.get(source)?.shape;
    if (shape === undefined) return undefined;
    shapes.push(shape);
  }
  return shapes;
}

function applyRules(
  wired: WiredNode,
  inputs: TensorShape[],
  out: Diagnostic[],
): Partial<NodeAnalysis> {
  const definition = wired.definition!;
  const params = wired.params!;
  const id = wired.node.id;
  // Shape rules are written per kind by hand; a bug in one must not take the editor down.
  try {
    const result = applyLayer(definition, params, inputs);
    if (!result.ok) {
      const { code, message, hint, port, param } = result.issue;
      out.push(nodeError(code, id, message, hint, { port, param }));
      return {};
    }
    return { shape: result.shape, counts: result.counts, macs: result.macs };
  } catch (error) {
    out.push(
      nodeError(
        'rule-failed',
        id,
        `Strata could not work out the shape of ${nodeLabel(wired)}: ${error instanceof Error ? error.message : String(error)}.`,
        'This is a bug in Strata; please report it with the project file.',
      ),
    );
    return {};
  }
}
