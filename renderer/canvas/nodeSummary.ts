import type { Diagnostic } from '../../shared/graph/diagnostics.js';
import { formatShape } from '../../shared/layers/shape.js';

/** `1.2M`, `34.5k`, `320`: counts short enough for a node footer. */
export function compactNumber(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return String(n);
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === 'number' || v === null)
      ? formatShape(value as (number | null)[])
      : value.join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The few parameters worth reading on the node itself: `units 64 · relu`. */
export function keyParams(params: Record<string, unknown> | undefined, limit = 3): string[] {
  if (!params) return [];
  return Object.entries(params)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || Array.isArray(v))
    .slice(0, limit)
    .map(([k, v]) => `${k} ${formatValue(v)}`);
}

/** Diagnostics that point at a node. */
export function nodeDiagnostics(diagnostics: readonly Diagnostic[], nodeId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.target.type === 'node' && d.target.nodeId === nodeId);
}

/** Diagnostics that point at an edge, or at the input port it feeds. */
export function edgeDiagnostics(
  diagnostics: readonly Diagnostic[],
  edge: { id: string; target: string; port: number },
): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      (d.target.type === 'edge' && d.target.edgeId === edge.id) ||
      (d.target.type === 'node' &&
        d.target.nodeId === edge.target &&
        d.target.port === edge.port &&
        d.code !== 'unconnected-input'),
  );
}
