import { describe, expect, it } from 'vitest';
import { templates } from '../../../shared/templates/index.js';
import { onnxParity } from './parity.js';

const cases = templates.flatMap((t) =>
  t.project.models.map((model) => [`${t.name}/${model.id}`, t.project, model] as const),
);

/** Max |onnx - tfjs| / (1 + |tfjs|): 1e-4 is absolute near zero and relative for large values. */
const TOLERANCE = 1e-4;

describe('templates exported to ONNX', () => {
  it.each(cases)('%s: onnxruntime computes what tfjs computes', async (label, project, model) => {
    const parity = await onnxParity(model, { blocks: project.blocks });
    console.log(`${label}: max abs difference ${parity.maxAbs.toExponential(2)}`);
    expect(parity.maxMixed).toBeLessThan(TOLERANCE);
  });
});
