// Where one training step of a template goes on the current backend: `tf.profile` of a step,
// kernels grouped by name with their count and total time, largest first.
// Usage: node --import tsx bench/throughput/profile-step.ts <template> [batch] [backend]
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../main/engine/backends/ladder.js';
import { strataJob } from './strata-job.js';

const [name = 'mnist-cnn', batch = '64', backend = 'wasm'] = process.argv.slice(2);
const choice = await selectBackend(backend);
if (!choice.ok) throw new Error(choice.error);
const job = await strataJob(name, Number(batch), 2);
job.step(0);
job.step(1);
const start = performance.now();
job.step(0);
const wall = performance.now() - start;
const info = await tf.profile(() => job.step(1));
const byName = new Map<string, { count: number; ms: number }>();
for (const k of info.kernels) {
  const entry = byName.get(k.name) ?? { count: 0, ms: 0 };
  entry.count++;
  entry.ms += Number(k.kernelTimeMs) || 0;
  byName.set(k.name, entry);
}
const total = [...byName.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  `${name} batch ${batch} on ${backend}: step ${wall.toFixed(1)} ms wall, ${info.kernels.length} kernels, ${total.toFixed(1)} ms in kernels`,
);
for (const [kernel, e] of [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
  console.log(
    `${kernel.padEnd(28)} ${String(e.count).padStart(6)} ${e.ms.toFixed(1).padStart(9)} ms`,
  );
}
// The slowest single kernels, with their input shapes.
for (const k of [...info.kernels]
  .sort((a, b) => (Number(b.kernelTimeMs) || 0) - (Number(a.kernelTimeMs) || 0))
  .slice(0, 12)) {
  const shapes = k.inputShapes.map((s) => `[${s.join(',')}]`).join(' ');
  console.log(
    `  ${k.name.padEnd(20)} ${(Number(k.kernelTimeMs) || 0).toFixed(1).padStart(7)} ms  ${shapes}`,
  );
}
job.dispose();
