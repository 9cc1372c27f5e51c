import { describe, expect, it } from 'vitest';
import { attentionLayers } from './attention.js';
import { isLayerKind, layerDefinition } from './catalogue.js';
import type { ExpansionNode, LayerDefinition, ParamCount, ShapeResult } from './definition.js';
import { embeddingLayers } from './embedding.js';
import { recurrentLayers } from './recurrent.js';
import type { TensorShape } from './shape.js';
import { transformerLayers } from './transformer.js';

const issueOf = (result: ShapeResult) => (result.ok ? undefined : result.issue);
const { TransformerEncoderBlock: encoder, TransformerDecoderBlock: decoder } = transformerLayers;

/** Walks an expansion through the catalogue (each part's own parameters only), summing counts. */
function expansionTotals(nodes: readonly ExpansionNode[], inputs: readonly TensorShape[]) {
  const shapes = new Map<string, TensorShape>(inputs.map((s, i) => [`$in${i}`, s]));
  const total: ParamCount = { trainable: 0, nonTrainable: 0 };
  for (const node of nodes) {
    if (!isLayerKind(node.kind))
      throw new Error(`${node.id}: ${node.kind} is not in the catalogue`);
    const definition = layerDefinition(node.kind);
    const unknown = Object.keys(node.params).filter((key) => !(key in definition.params.shape));
    if (unknown.length > 0)
      throw new Error(`${node.id}: ${node.kind} has no ${unknown.join(', ')}`);
    const params = definition.params.parse(node.params);
    const partInputs = node.inputs.map((ref) => shapes.get(ref)!);
    const inferred = definition.inferShape(partInputs, params);
    if (!inferred.ok) throw new Error(`${node.id}: ${inferred.issue.message}`);
    const counts = definition.countParams({ params, inputs: partInputs, output: inferred.shape });
    total.trainable += counts.trainable;
    total.nonTrainable += counts.nonTrainable;
    shapes.set(node.id, inferred.shape);
  }
  return { total, shape: shapes.get(nodes[nodes.length - 1].id) };
}

describe('transformer blocks', () => {
  it.each([
    { inputs: [[12, 32]], numHeads: 4, keyDim: 8, ffDim: 64, causal: false },
    { inputs: [[null, 6]], numHeads: 1, keyDim: 5, ffDim: 3, causal: true },
  ])('the encoder’s expansion has its count and shape ($inputs)', (c) => {
    const params = encoder.params.parse(c);
    const composite = encoder.countParams({ params, inputs: c.inputs, output: c.inputs[0] });
    const expanded = expansionTotals(encoder.expand!(params, c.inputs), c.inputs);
    expect(expanded.total).toEqual(composite);
    expect(expanded.shape).toEqual(c.inputs[0]);
  });

  it.each([
    {
      inputs: [
        [10, 16],
        [20, 16],
      ],
      numHeads: 2,
      keyDim: 8,
      ffDim: 32,
    },
    {
      inputs: [
        [null, 8],
        [7, 3],
      ],
      numHeads: 3,
      keyDim: 4,
      ffDim: 5,
    },
  ])('the decoder’s expansion has its count and shape ($inputs)', (c) => {
    const params = decoder.params.parse(c);
    const composite = decoder.countParams({ params, inputs: c.inputs, output: c.inputs[0] });
    const expanded = expansionTotals(decoder.expand!(params, c.inputs), c.inputs);
    expect(expanded.total).toEqual(composite);
    expect(expanded.shape).toEqual(c.inputs[0]);
  });

  it('the decoder’s expansion masks its self-attention and not its cross-attention', () => {
    const nodes = decoder.expand!(decoder.params.parse({}), [
      [5, 8],
      [6, 8],
    ]);
    const attention = nodes.filter((n) => n.kind === 'MultiHeadAttention');
    expect(attention.map((n) => n.params.causal)).toEqual([true, false]);
    expect(attention[1].inputs[1]).toBe('$in1');
  });

  it('refuses inputs that are not [steps, features], naming port and shape', () => {
    const onEncoder = issueOf(encoder.inferShape([[8, 8, 3]], encoder.params.parse({})));
    expect(onEncoder).toMatchObject({ code: 'rank-mismatch', port: 0 });
    expect(onEncoder?.message).toContain('8×8×3');
    const onDecoder = issueOf(
      decoder.inferShape(
        [
          [5, 8],
          [null, null],
        ],
        decoder.params.parse({}),
      ),
    );
    expect(onDecoder).toMatchObject({ code: 'size-mismatch', port: 1 });
    expect(onDecoder?.message).toContain('?×?');
  });
});

describe('sequence kinds in the catalogue', () => {
  const kinds = {
    ...embeddingLayers,
    ...recurrentLayers,
    ...attentionLayers,
    ...transformerLayers,
  } as Record<string, LayerDefinition>;

  it.each(Object.keys(kinds))(
    '%s documents itself and every parameter, each with a default',
    (kind) => {
      const definition = kinds[kind];
      expect(definition.kind).toBe(kind);
      expect(definition.docs.length).toBeGreaterThan(20);
      expect(definition.params.safeParse({}).success).toBe(true);
      for (const [name, schema] of Object.entries(definition.params.shape)) {
        expect(schema.description, `${kind}.${name}`).toBeTruthy();
      }
    },
  );
});
