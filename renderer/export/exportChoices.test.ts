import { describe, expect, it } from 'vitest';
import type { RunListingView } from '../../shared/api/contract.js';
import { exportFormat } from '../../shared/api/export-channels.js';
import {
  defaultExportFolder,
  defaultRun,
  FORMAT_CHOICES,
  runChoiceLabel,
} from './exportChoices.js';

const run = (runId: string, status: RunListingView['status']): RunListingView => ({
  runId,
  status,
  startedAt: '2026-01-01T00:00:00Z',
  dataset: 'mnist',
  settings: {},
  meta: {},
});

describe('export choices', () => {
  it('offers every format the contract accepts', () => {
    expect(FORMAT_CHOICES.map((f) => f.id)).toEqual(exportFormat.options);
  });

  it('picks the dashboard’s finished run, else the newest finished one; never a stopped one', () => {
    const history = [
      run('d', 'stopped'),
      run('c', 'running'),
      run('b', 'finished'),
      run('a', 'stopped'),
      run('z', 'failed'),
    ];
    expect(defaultRun(history, 'a')).toBe('b');
    expect(defaultRun(history, 'c')).toBe('b');
    expect(defaultRun(history, 'z')).toBe('b');
    expect(defaultRun([run('y', 'finished'), ...history], 'b')).toBe('b');
    expect(defaultRun([run('c', 'running'), run('a', 'stopped')], 'a')).toBeUndefined();
  });

  it('names a run by its name or start, with status, epochs and its best-known figures', () => {
    const named = {
      ...run('b', 'finished'),
      meta: { name: 'wide' },
      epochs: 3,
      validation: { loss: 0.31234, accuracy: 0.9123 },
      test: { loss: 0.3, accuracy: 0.905 },
    };
    expect(runChoiceLabel(named)).toBe(
      'wide (finished, 3 epochs) · test accuracy 0.905 · test loss 0.300',
    );
    expect(runChoiceLabel({ ...named, test: undefined })).toContain('val accuracy 0.912');
  });

  it('suggests a folder beside the project named for it and the format', () => {
    expect(defaultExportFolder('digits.strata', 'onnx')).toBe('digits-onnx');
    expect(defaultExportFolder('work/nets/digits.strata', 'tfjs')).toBe('work/nets/digits-tfjs');
    expect(defaultExportFolder('C:\\nets\\gan.strata', 'keras')).toBe('C:\\nets\\gan-keras');
  });
});
