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

/**
 * The run whose weights to offer first: a finished one (the one on the dashboard, else the
 * newest); a stopped run only when the user picks it; none: untrained.
 */
export function defaultRun(
  history: readonly RunListingView[],
  current: string | null,
): string | undefined {
  const finished = history.filter((r) => r.status === 'finished');
  return (finished.find((r) => r.runId === current) ?? finished[0])?.runId;
}

const figure = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** A run as the Weights list names it: its name or start, status, epochs and last figures. */
export function runChoiceLabel(run: RunListingView): string {
  const when = run.meta.name ?? new Date(run.startedAt).toLocaleString();
  const scores = run.test ?? run.validation ?? run.train ?? {};
  const where = run.test ? 'test' : run.validation ? 'val' : 'train';
  const shown = ['accuracy', 'loss']
    .filter((k) => scores[k] !== undefined)
    .map((k) => `${where} ${k} ${figure(scores[k])}`);
  return [`${when} (${run.status}, ${run.epochs ?? 0} epochs)`, ...shown].join(' · ');
}

/** `models/digits.strata`, `onnx` → `models/digits-onnx`: a folder beside the project. */
export function defaultExportFolder(projectPath: string, format: FormatChoice): string {
  const slash = Math.max(projectPath.lastIndexOf('/'), projectPath.lastIndexOf('\\'));
  const folder = projectPath.slice(0, slash + 1);
  const name = projectPath.slice(slash + 1).replace(/\.strata$/, '');
  return `${folder}${name}-${format}`;
}
