import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../../shared/graph/document.js';
import { LAYER_KINDS } from '../../../shared/layers/catalogue.js';
import type { Project } from '../../../shared/project/schema.js';
import { templates } from '../../../shared/templates/index.js';
import { compileForExport } from '../../export/prepare.js';
import { exportTfjs } from '../../export/tfjs/exporter.js';
import { applyWeights } from './apply-weights.js';
import { importKerasModel } from './import.js';
import { coverageGraphs } from '../../export/coverage.fixture.js';

interface LayerJson {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
}
interface ModelJson {
  modelTopology: { config: { layers: LayerJson[] } };
  weightsManifest: { weights: { name: string; shape: number[] }[] }[];
}

let folder = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  folder = await mkdtemp(join(tmpdir(), 'strata-round-trip-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function readExport(dir: string) {
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelJson;
  const bytes = await readFile(join(dir, 'weights.bin'));
  return { json, bytes };
}

const templateCases = templates.flatMap((t) =>
  t.project.models.map((graph) => [`${t.name}/${graph.id}`, t.project, graph] as const),
);
const coverageCases = coverageGraphs().map((graph) => {
  const project: Project = { ...templates[0].project, models: [graph] };
  return [`coverage/${graph.id}`, project, graph] as const;
});

/** Exports, imports and exports again; both exports must be byte for byte the same. */
async function roundTrip(label: string, project: Project, graph: ModelGraph) {
  const original = compileForExport(project, graph);
  if (typeof original === 'string') throw new Error(original);
  const first = join(folder, label.replace('/', '-'), 'first');
  await exportTfjs(original, first);
  const params = original.model.countParams();
  original.model.dispose();
  const exported = await readExport(first);

  const imported = importKerasModel(
    exported.json,
    exported.bytes.buffer.slice(
      exported.bytes.byteOffset,
      exported.bytes.byteOffset + exported.bytes.byteLength,
    ),
    graph.id,
  );
  if (!imported.ok) throw new Error(imported.message);
  expect(imported.unsupported).toEqual([]);
  expect(imported.warnings).toEqual([]);
  expect(imported.graph.nodes.filter((n) => n.kind === 'Output')).toHaveLength(1);

  const again = compileForExport({ ...project, models: [imported.graph] }, imported.graph);
  if (typeof again === 'string') throw new Error(again);
  expect(applyWeights(again.model, again.layerNames, imported.weights)).toEqual([]);
  expect(again.model.countParams()).toBe(params);
  const second = join(folder, label.replace('/', '-'), 'second');
  await exportTfjs(again, second);
  again.model.dispose();
  const reexported = await readExport(second);

  const layers = (j: ModelJson) =>
    j.modelTopology.config.layers.map((l) => `${l.name}:${l.class_name}`);
  expect(layers(reexported.json)).toEqual(layers(exported.json));
  expect(reexported.json.modelTopology).toEqual(exported.json.modelTopology);
  expect(reexported.json.weightsManifest).toEqual(exported.json.weightsManifest);
  expect(Buffer.compare(reexported.bytes, exported.bytes)).toBe(0);
}

describe('template → TF.js export → import → export again', () => {
  it.each(templateCases)('%s keeps every layer, parameter, shape and weight', roundTrip);
  it.each(coverageCases)('%s keeps every layer, parameter, shape and weight', roundTrip);

  it('covers every layer kind of the catalogue', () => {
    const used = new Set(
      [...templateCases, ...coverageCases].flatMap(([, , g]) => g.nodes.map((n) => n.kind)),
    );
    expect(LAYER_KINDS.filter((kind) => !used.has(kind))).toEqual([]);
  });
});
