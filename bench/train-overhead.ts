// Strata's trainer (worker-free loop with the metric stream on) against a bare `model.fit` on the
// same backend, model and data, interleaved in one run. Ratio = Strata samples/s ÷ fit samples/s.
import * as tf from '@tensorflow/tfjs';
import type { TrainingEvent } from '../shared/api/training-events.js';
import { findTemplate } from '../shared/templates/index.js';
import { trainingSettingsSchema } from '../shared/training/settings.js';
import { selectBackend } from '../main/engine/backends/ladder.js';
import { compileModel } from '../main/engine/tfjs/compile.js';
import { RunControl } from '../main/engine/trainer/control.js';
import { runTrainingLoop } from '../main/engine/trainer/loop.js';
import { createOptimizer } from '../main/engine/trainer/optimizers.js';
import { supervisedRunner } from '../main/engine/trainer/supervised.js';
import { openDataset } from '../main/services/datasets/registry.js';

const BATCH = 64;
const BATCHES = 24;
const ROUNDS = 3;
const template = process.argv[2] ?? 'mnist-cnn';

const choice = await selectBackend(process.env.STRATA_BACKEND);
if (!choice.ok) throw new Error(choice.error);
const project = findTemplate(template)!.project;
const settings = trainingSettingsSchema.parse({ batchSize: BATCH, epochs: 1, validationSplit: 0 });
const opened = await openDataset(project.recipe.dataset, { validation: 0, test: 0 });
if (!opened.ok) throw new Error(opened.errors[0].message);
const dataset = opened.dataset;

const build = () => {
  const compiled = compileModel(project.models[0], 'bench', { blocks: project.blocks });
  if (!compiled.ok) throw new Error('template does not compile');
  return compiled.model;
};

/** The same examples Strata trains on, as whole tensors for `fit`. */
function fitData(): { x: tf.Tensor; y: tf.Tensor } {
  const xs: tf.Tensor[] = [];
  const ys: tf.Tensor[] = [];
  const options = {
    batchSize: BATCH,
    shuffle: false,
    normalise: 'scale' as const,
    targets: 'sparse' as const,
  };
  for (const batch of dataset.batches('train', options)) {
    if (xs.length === BATCHES) break;
    xs.push(tf.tensor(batch.x, batch.xShape));
    ys.push(tf.tensor(batch.y, batch.yShape, 'float32'));
  }
  const data = { x: tf.concat(xs), y: tf.concat(ys) };
  tf.dispose([...xs, ...ys]);
  return data;
}

async function timeFit(data: { x: tf.Tensor; y: tf.Tensor }): Promise<number> {
  const model = build();
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  await model.fit(data.x, data.y, { batchSize: BATCH, epochs: 1, shuffle: true, verbose: 0 }); // warm-up
  const start = performance.now();
  await model.fit(data.x, data.y, { batchSize: BATCH, epochs: 1, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  return (BATCHES * BATCH) / seconds;
}

async function timeStrata(): Promise<number> {
  const model = build();
  const optimizer = createOptimizer(settings.optimizer);
  const events: TrainingEvent[] = [];
  const run = (epochs: number) =>
    runTrainingLoop({
      runId: 'bench',
      runner: supervisedRunner(
        'classification',
        model,
        'sparse_categorical_crossentropy',
        optimizer,
        dataset,
      ),
      dataset,
      settings: { ...settings, epochs },
      backend: { name: choice.ok ? choice.name : '', reason: 'bench' },
      params: { trainable: model.countParams(), nonTrainable: 0 },
      control: new RunControl(),
      emit: (event) => events.push(JSON.parse(JSON.stringify(event)) as TrainingEvent),
      batchesPerEpoch: BATCHES,
    });
  await run(1); // warm-up
  const start = performance.now();
  await run(1);
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  optimizer.dispose();
  return (BATCHES * BATCH) / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const data = fitData();
const fit: number[] = [];
const strata: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  fit.push(await timeFit(data));
  strata.push(await timeStrata());
  console.log(
    `round ${round + 1}: fit ${fit[round].toFixed(1)} samples/s, strata ${strata[round].toFixed(1)} samples/s`,
  );
}
const ratio = median(strata) / median(fit);
console.log(
  `RESULT train-overhead ratio=${ratio.toFixed(3)} strata=${median(strata).toFixed(1)} samples/s, model.fit=${median(fit).toFixed(1)} samples/s (${template}, ${choice.name}, batch ${BATCH})`,
);
