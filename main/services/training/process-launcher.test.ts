import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import type { TrainerReply } from '../../engine/trainer/protocol.js';
import { processBackendReport, processLauncher, type TrainerProcess } from './process-launcher.js';

const entry = new URL('../../engine/trainer/process-entry.ts', import.meta.url).href;

/**
 * The process entry in a plain Node child process, with `process.parentPort` played by Node's
 * IPC channel the way Electron's utility process provides it.
 */
function nodeTrainer(): TrainerProcess {
  const shim = `
    process.parentPort = {
      on: (event, listener) => process.on(event, (data) => listener({ data })),
      postMessage: (message) => process.send(message),
    };
    await import(${JSON.stringify(entry)});`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', shim], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    postMessage: (command) => child.send(command),
    on: (event: 'message' | 'exit', listener: (value: never) => void) =>
      event === 'message'
        ? child.on('message', (reply) =>
            (listener as (r: TrainerReply) => void)(reply as TrainerReply),
          )
        : child.on('exit', (code) => (listener as (c: number) => void)(code ?? -1)),
    kill: () => child.kill(),
  };
}

const spec = {
  runId: 'process-test',
  project: structuredClone(findTemplate('mlp-mnist')!.project),
  settings: trainingSettingsSchema.parse({ epochs: 1, batchSize: 16 }),
  backend: 'cpu',
  batchesPerEpoch: 2,
};

describe('processLauncher', () => {
  it('trains in a child process that speaks the trainer protocol over parentPort', async () => {
    const events: TrainingEvent[] = [];
    const handle = processLauncher(nodeTrainer)(spec, (event) => events.push(event));
    expect(await handle.done).toBe('finished');
    expect(events[0]).toMatchObject({ type: 'started', backend: 'cpu' });
    expect(events.at(-1)).toMatchObject({ type: 'finished', step: 2 });
  });

  it('turns the death of the trainer process into a failed event', async () => {
    const events: TrainingEvent[] = [];
    let child: TrainerProcess | undefined;
    const launch = processLauncher(() => (child = nodeTrainer()));
    const handle = launch({ ...spec, settings: { ...spec.settings, epochs: 50 } }, (event) => {
      events.push(event);
      if (event.type === 'batch') child?.kill();
    });
    expect(await handle.done).toBe('failed');
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      reason: expect.stringMatching(/trainer stopped unexpectedly/),
    });
  });
});

describe('processBackendReport', () => {
  it('asks a trainer process once which backend it would train on', async () => {
    let forks = 0;
    const ask = processBackendReport(() => {
      forks++;
      return nodeTrainer();
    });
    const report = await ask();
    expect(report.available).toEqual(expect.arrayContaining(['wasm', 'cpu']));
    expect(report.available).toContain(report.picked);
    expect(report.detail).not.toBe('');
    expect(await ask()).toBe(report);
    expect(forks).toBe(1);
  });

  it('says so when the process dies first, and asks again next time', async () => {
    let forks = 0;
    const ask = processBackendReport(() => {
      const child = nodeTrainer();
      if (forks++ === 0) child.kill();
      return child;
    });
    await expect(ask()).rejects.toThrow(/trainer stopped before reporting its backends/);
    expect((await ask()).available).toContain('wasm');
    expect(forks).toBe(2);
  });
});
