import { useCallback, useState } from 'react';
import type { ModelInput, PixelImage, Prediction } from '../../shared/api/inspection.js';
import { api } from '../api/index.js';
import { useEditor } from '../store/editorStore.js';
import { DrawingPad } from './DrawingPad.js';
import { readImageFile } from './imageFile.js';
import { inputModes, parseVector, type InputMode } from './inputModes.js';
import { PredictionView } from './PredictionView.js';
import { useTrainedRun } from './useTrainedRun.js';
import './inspection.css';

const LABELS: Record<InputMode, string> = {
  draw: 'Draw',
  file: 'Image file',
  text: 'Text',
  vector: 'Numbers',
  example: 'Validation example',
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Tests the dashboard's finished run on one input: a drawing, an image, text, numbers or an example. */
export function TestPanel() {
  const path = useEditor((s) => s.path);
  const run = useTrainedRun();
  const [chosen, setMode] = useState<InputMode>();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const [prediction, setPrediction] = useState<Prediction>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const runId = run?.runId;
  const predict = useCallback(
    async (input: ModelInput) => {
      if (!path || !runId) return;
      setBusy(true);
      setError(undefined);
      try {
        setPrediction(await api()['model.predict']({ path, runId, input }));
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    [path, runId],
  );
  const onDigit = useCallback(
    (image: PixelImage | null) =>
      image ? void predict({ kind: 'image', image }) : setPrediction(undefined),
    [predict],
  );

  if (!run || !path) return null;
  const modes = inputModes(run.dataset);
  const mode = chosen && modes.includes(chosen) ? chosen : modes[0];
  const [height = 28, , channels = 1] = run.dataset?.inputShape ?? [];

  const submitText = () => {
    if (mode === 'text') return void predict({ kind: 'text', text });
    const values = parseVector(text);
    if (!values) return setError('Type numbers separated by commas or spaces.');
    void predict({ kind: 'vector', values });
  };

  return (
    <section
      className="dashboard-card test-panel"
      data-testid="test-panel"
      aria-label="Test the model"
    >
      <h3>Test run {run.runId}</h3>
      <div className="test-modes" role="tablist" aria-label="Input">
        {modes.map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={m === mode}
            className={m === mode ? 'view-tab active' : 'view-tab'}
            onClick={() => (setMode(m), setPrediction(undefined))}
          >
            {LABELS[m]}
          </button>
        ))}
      </div>
      <div className="test-body">
        <div className="test-input">
          {mode === 'draw' && <DrawingPad size={height ?? 28} onDigit={onDigit} />}
          {mode === 'file' && (
            <input
              type="file"
              accept="image/*"
              aria-label="Image file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                readImageFile(file, channels === 3 ? 3 : 1).then(
                  (image) => predict({ kind: 'image', image }),
                  (err: unknown) => setError(`Cannot read ${file.name}: ${messageOf(err)}`),
                );
              }}
            />
          )}
          {(mode === 'text' || mode === 'vector') && (
            <form onSubmit={(e) => (e.preventDefault(), submitText())}>
              <textarea
                aria-label={mode === 'text' ? 'Prompt' : 'Feature values'}
                rows={3}
                value={text}
                placeholder={mode === 'text' ? 'Call me Ishmael.' : '5.1, 3.5, 1.4, 0.2'}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" className="primary" disabled={busy}>
                {mode === 'text' ? 'Continue' : 'Predict'}
              </button>
            </form>
          )}
          {mode === 'example' && (
            <form onSubmit={(e) => (e.preventDefault(), void predict({ kind: 'example', index }))}>
              <label>
                Example{' '}
                <input
                  type="number"
                  min={0}
                  value={index}
                  onChange={(e) => setIndex(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
                />
              </label>
              <button type="submit" className="primary" disabled={busy}>
                Predict
              </button>
            </form>
          )}
        </div>
        <div className="test-output" aria-busy={busy}>
          {error && (
            <p className="run-error" role="alert">
              {error}
            </p>
          )}
          {prediction && <PredictionView prediction={prediction} />}
        </div>
      </div>
    </section>
  );
}
