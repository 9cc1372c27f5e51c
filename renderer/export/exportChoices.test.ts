import { describe, expect, it } from 'vitest';
import type { RunListingView } from '../../shared/api/contract.js';
import { exportFormat } from '../../shared/api/export-channels.js';
import { defaultExportFolder, defaultRun, FORMAT_CHOICES } from './exportChoices.js';

const run = (runId: string, status: RunListingView['status']): RunListingView => ({
  runId,
  status,
  startedAt: '2026-01-01T00:00:00Z',
  dataset: 'mnist',
  settings: {},
});

describe('export choices', () => {
  it('offers every format the contract accepts', () => {
    expect(FORMAT_CHOICES.map((f) => f.id)).toEqual(exportFormat.options);
  });

  it('picks the dashboard’s run when it has weights, else the newest that does', () => {
    const history = [
      run('c', 'running'),
      run('b', 'finished'),
      run('a', 'stopped'),
      run('z', 'failed'),
    ];
    expect(defaultRun(history, 'a')).toBe('a');
    expect(defaultRun(history, 'c')).toBe('b');
    expect(defaultRun(history, 'z')).toBe('b');
    expect(defaultRun([run('c', 'running')], 'c')).toBeUndefined();
  });

  it('suggests a folder beside the project named for it and the format', () => {
    expect(defaultExportFolder('digits.strata', 'onnx')).toBe('digits-onnx');
    expect(defaultExportFolder('work/nets/digits.strata', 'tfjs')).toBe('work/nets/digits-tfjs');
    expect(defaultExportFolder('C:\\nets\\gan.strata', 'keras')).toBe('C:\\nets\\gan-keras');
  });
});
