import type { RunListingView } from '../../shared/api/contract.js';

/** The export formats as the dialog offers them, in the order users meet them. */
export const FORMAT_CHOICES = [
  { id: 'tfjs', label: 'TensorFlow.js', note: 'model.json + weights, loads in a browser or Node' },
  { id: 'onnx', label: 'ONNX', note: 'one .onnx file for ONNX Runtime and most tools' },
  { id: 'keras', label: 'Keras', note: 'Python code + weights for TensorFlow 2' },
  { id: 'pytorch', label: 'PyTorch', note: 'a Python nn.Module + safetensors weights' },
] as const;

/** A format id the dialog offers. */
export type FormatChoice = (typeof FORMAT_CHOICES)[number]['id'];

/** Runs whose trained weights can be exported: those that saved a model when they ended. */
export function exportableRuns(history: readonly RunListingView[]): RunListingView[] {
  return history.filter((r) => r.status === 'finished' || r.status === 'stopped');
}

/** The run whose weights to offer first: the one on the dashboard, else the newest; none: untrained. */
export function defaultRun(
  history: readonly RunListingView[],
  current: string | null,
): string | undefined {
  const runs = exportableRuns(history);
  return (runs.find((r) => r.runId === current) ?? runs[0])?.runId;
}

/** `models/digits.strata`, `onnx` → `models/digits-onnx`: a folder beside the project. */
export function defaultExportFolder(projectPath: string, format: FormatChoice): string {
  const slash = Math.max(projectPath.lastIndexOf('/'), projectPath.lastIndexOf('\\'));
  const folder = projectPath.slice(0, slash + 1);
  const name = projectPath.slice(slash + 1).replace(/\.strata$/, '');
  return `${folder}${name}-${format}`;
}
