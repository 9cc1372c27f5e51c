import type { ShapeIssueCode } from '../layers/definition.js';

export type DiagnosticCode =
  | ShapeIssueCode
  | 'unknown-kind'
  | 'unknown-block'
  | 'unconnected-input'
  | 'extra-input'
  | 'dangling-edge'
  | 'cycle'
  | 'no-input'
  | 'no-output'
  | 'loss-mismatch'
  | 'dataset-mismatch'
  | 'unused-node';

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
