import type { Exporter, ExportFormat } from './exporter.js';
import { exportKeras } from './keras/exporter.js';
import { exportOnnx } from './onnx/exporter.js';
import { exportPyTorch } from './pytorch/exporter.js';
import { exportTfjs } from './tfjs/exporter.js';

const LABELS: Record<ExportFormat, string> = {
  tfjs: 'TensorFlow.js',
  onnx: 'ONNX',
  keras: 'Keras',
  pytorch: 'PyTorch',
};

/** The exporter of every format: a format missing here is a compile error. */
export const exporters: Record<ExportFormat, Exporter> = {
  tfjs: exportTfjs,
  onnx: exportOnnx,
  keras: exportKeras,
  pytorch: exportPyTorch,
};

/** The name users know a format by, e.g. `ONNX`. */
export function formatLabel(format: ExportFormat): string {
  return LABELS[format];
}
