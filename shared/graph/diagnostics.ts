import type { ShapeIssueCode } from '../layers/definition.js';

export type DiagnosticCode =
  | ShapeIssueCode
  | 'unknown-kind'
  | 'unknown-block'
  | 'recursive-block'
  | 'bad-block'
  | 'malformed'
  | 'duplicate-id'
  | 'unconnected-input'
  | 'extra-input'
  | 'port-taken'
  | 'bad-port'
  | 'dangling-edge'
  | 'cycle'
  | 'no-input'
  | 'no-output'
  | 'loss-mismatch'
  | 'dataset-mismatch'
  | 'unused-node'
  | 'unknown-param'
  | 'rule-failed';

/** What a diagnostic is attached to, so the editor can highlight and select it. */
export type DiagnosticTarget =
  | { type: 'node'; nodeId: string; port?: number; param?: string }
  | { type: 'edge'; edgeId: string }
  | { type: 'model' };

/** A problem found in a graph: a code, a plain message and how to fix it. @public */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
  hint: string;
  target: DiagnosticTarget;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** An error attached to a node (optionally one of its ports or parameters). */
export function nodeError(
  code: DiagnosticCode,
  nodeId: string,
  message: string,
  hint: string,
  at: { port?: number; param?: string } = {},
): Diagnostic {
  const target: DiagnosticTarget = { type: 'node', nodeId };
  if (at.port !== undefined) target.port = at.port;
  if (at.param !== undefined) target.param = at.param;
  return { severity: 'error', code, message, hint, target };
}

/** An error attached to an edge. */
export function edgeError(
  code: DiagnosticCode,
  edgeId: string,
  message: string,
  hint: string,
): Diagnostic {
  return { severity: 'error', code, message, hint, target: { type: 'edge', edgeId } };
}

/** An error about the graph as a whole. */
export function modelError(code: DiagnosticCode, message: string, hint: string): Diagnostic {
  return { severity: 'error', code, message, hint, target: { type: 'model' } };
}

/** The diagnostics attached to each node, for drawing badges without scanning the list per node. */
export function diagnosticsByNode(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.target.type !== 'node') continue;
    const list = byNode.get(d.target.nodeId);
    if (list) list.push(d);
    else byNode.set(d.target.nodeId, [d]);
  }
  return byNode;
}
