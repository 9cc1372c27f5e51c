import type { Exporter, ExportFormat } from './exporter.js';
import { exportTfjs } from './tfjs/exporter.js';

const LABELS: Record<ExportFormat, string> = {
  tfjs: 'TensorFlow.js',
  onnx: 'ONNX',
  keras: 'Keras',
  pytorch: 'PyTorch',
};

/** A stand-in for a format whose exporter this build lacks: a clear refusal, never a crash. */
function unavailable(format: ExportFormat): Exporter {
  return () =>
    Promise.resolve({
      ok: false,
      message: `${LABELS[format]} export is not available in this build of Strata yet; try --format tfjs`,
      unsupported: [],
    });
}

/** The exporter of every format: a format missing here is a compile error. */
export const exporters: Record<ExportFormat, Exporter> = {
  tfjs: exportTfjs,
  onnx: unavailable('onnx'),
  keras: unavailable('keras'),
  pytorch: unavailable('pytorch'),
};

/** The name users know a format by, e.g. `ONNX`. */
export function formatLabel(format: ExportFormat): string {
  return LABELS[format];
}
