import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphBody } from '../../../shared/graph/document.js';
import { chainOf } from '../../../shared/graph/sketch.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { compileModel } from '../../engine/tfjs/compile.js';
import type { ExportInput } from '../exporter.js';
import { exportOnnx, ONNX_FILE } from './exporter.js';
import { onnx, OPSET } from './graph.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-onnx-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** An ExportInput for a graph (the project is only carried along by the exporter contract). */
function exportInput(graph: GraphBody): ExportInput {
  const compiled = compileModel(graph, 'm');
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const project = findTemplate('mlp-mnist')!.project;
  return {
    project,
    graph: { id: 'm', name: 'm', ...graph },
    flat: compiled.analysis.flat,
    model: compiled.model,
    layerNames: compiled.layerNames,
  };
}

describe('ONNX exporter', () => {
  it('writes one model.onnx that onnxruntime loads, with opset 17 and named inputs', async () => {
    const template = findTemplate('mlp-mnist')!;
    const input = exportInput(template.project.models[0]);
    const progress: number[] = [];
    const result = await exportOnnx(input, join(dir, 'out'), (f) => progress.push(f));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await readdir(join(dir, 'out'))).toEqual([ONNX_FILE]);
    const bytes = await readFile(join(dir, 'out', ONNX_FILE));
    const model = onnx.ModelProto.decode(bytes);
    expect(Number(model.opsetImport[0].version)).toBe(OPSET);
    const session = await ort.InferenceSession.create(join(dir, 'out', ONNX_FILE));
    const inputNode = template.project.models[0].nodes.find((n) => n.kind === 'Input')!;
    expect(session.inputNames).toEqual([inputNode.id]);
    expect(progress.at(-1)).toBe(1);
    input.model.dispose();
  });

  it('reports a causal attention over variable-length steps by node and kind, writing nothing', async () => {
    const graph = chainOf(
      ['Input', { shape: [null, 4] }],
      ['MultiHeadAttention', { numHeads: 1, keyDim: 2, causal: true }],
      ['Output', { loss: 'mean_squared_error', metrics: [] }],
    );
    const input = exportInput(graph);
    const result = await exportOnnx(input, join(dir, 'out'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unsupported).toEqual([
      {
        nodeId: 'n1',
        kind: 'MultiHeadAttention',
        reason: expect.stringContaining('fixed sequence length'),
      },
    ]);
    expect(result.message).toContain('n1 (MultiHeadAttention)');
    expect(await readdir(dir)).toEqual([]);
    input.model.dispose();
  });
});
