import { z } from 'zod';
import { attentionMacs, attentionWeights, headParams, type AttentionHeads } from './attention.js';
import { defineLayer, fail, ok, type ExpansionNode } from './definition.js';
import { knownProduct, last } from './rules.js';
import { expectSequence } from './sequence-rules.js';

/** The blocks' LayerNormalization epsilon, as in the Keras transformer tutorial. */
export const BLOCK_EPSILON = 1e-6;

const blockParams = {
  ...headParams,
  ffDim: z
    .number()
    .int()
    .min(1)
    .max(65_536)
    .default(128)
    .describe('Hidden units of the feed-forward part'),
  ffActivation: z
    .enum(['relu', 'gelu'])
    .default('relu')
    .describe('Activation of the feed-forward hidden layer'),
  dropout: z
    .number()
    .min(0)
    .max(0.9)
    .default(0.1)
    .describe('Dropout after attention and feed-forward, while training'),
};

interface BlockParams {
  numHeads: number;
  keyDim: number;
  ffDim: number;
  ffActivation: 'relu' | 'gelu';
}

/** The blocks' attention: values as wide as keys, as in the Keras tutorial. */
const heads = ({ numHeads, keyDim }: BlockParams): AttentionHeads => ({
  numHeads,
  keyDim,
  valueDim: 0,
});

/** Weights of the position-wise feed-forward part plus the layer norms (gain and bias each). */
const feedForwardWeights = (d: number, ffDim: number, norms: number) =>
  d * ffDim + ffDim + ffDim * d + d + norms * 2 * d;

/** Builds expansion nodes; `sublayer` adds dropout, the residual and a layer norm after a node. */
function expansion() {
  const nodes: ExpansionNode[] = [];
  const add = (id: string, kind: string, params: Record<string, unknown>, inputs: string[]) => {
    nodes.push({ id, kind, params, inputs });
    return id;
  };
  const sublayer = (name: string, output: string, residual: string, rate: number) => {
    const dropped = add(`${name}_dropout`, 'Dropout', { rate }, [output]);
    const sum = add(`${name}_add`, 'Add', {}, [residual, dropped]);
    return add(`${name}_norm`, 'LayerNormalization', { epsilon: BLOCK_EPSILON }, [sum]);
  };
  const attention = (name: string, p: BlockParams, causal: boolean, inputs: string[]) =>
    add(name, 'MultiHeadAttention', { ...heads(p), dropout: 0, causal }, inputs);
  const feedForward = (from: string, p: BlockParams, d: number) => {
    const hidden = add(
      'ff_hidden',
      'Dense',
      { units: p.ffDim, activation: p.ffActivation, useBias: true },
      [from],
    );
    return add('ff_out', 'Dense', { units: d, activation: 'linear', useBias: true }, [hidden]);
  };
  return { nodes, sublayer, attention, feedForward };
}

const encoderBlock = defineLayer({
  kind: 'TransformerEncoderBlock',
  family: 'transformer',
  label: 'Transformer encoder',
  docs: 'Self-attention then feed-forward, each with residual and layer norm; causal for GPT-style.',
  params: z.object({
    ...blockParams,
    causal: z
      .boolean()
      .default(false)
      .describe('Let each step see only earlier steps (decoder-only language models)'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x]) {
    const issue = expectSequence('TransformerEncoderBlock', x);
    return issue ? fail(issue) : ok(x);
  },
  countParams: ({ inputs: [x], params }) => ({
    trainable:
      attentionWeights(last(x), last(x), heads(params)) +
      feedForwardWeights(last(x), params.ffDim, 2),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) =>
    attentionMacs(x, x, heads(params)) + 2 * knownProduct(x) * params.ffDim,
  expand(params, [x]) {
    const b = expansion();
    const attended = b.attention('self_attention', params, params.causal, ['$in0']);
    const mixed = b.sublayer('attention', attended, '$in0', params.dropout);
    b.sublayer('ff', b.feedForward(mixed, params, last(x)), mixed, params.dropout);
    return b.nodes;
  },
});

const decoderBlock = defineLayer({
  kind: 'TransformerDecoderBlock',
  family: 'transformer',
  label: 'Transformer decoder',
  docs: 'Causal self-attention, attention to the encoder output, then feed-forward (each + residual + norm).',
  params: z.object(blockParams),
  arity: { min: 2, max: 2 },
  portNames: ['target', 'encoder output'],
  inferShape(inputs) {
    for (const [port, shape] of inputs.entries()) {
      const issue = expectSequence('TransformerDecoderBlock', shape, port);
      if (issue) return fail(issue);
    }
    return ok(inputs[0]);
  },
  countParams: ({ inputs: [x, memory], params }) => ({
    trainable:
      attentionWeights(last(x), last(x), heads(params)) +
      attentionWeights(last(x), last(memory), heads(params)) +
      feedForwardWeights(last(x), params.ffDim, 3),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x, memory], params }) =>
    attentionMacs(x, x, heads(params)) +
    attentionMacs(x, memory, heads(params)) +
    2 * knownProduct(x) * params.ffDim,
  expand(params, [x]) {
    const b = expansion();
    const self = b.attention('self_attention', params, true, ['$in0']);
    const target = b.sublayer('self', self, '$in0', params.dropout);
    const cross = b.attention('cross_attention', params, false, [target, '$in1']);
    const mixed = b.sublayer('cross', cross, target, params.dropout);
    b.sublayer('ff', b.feedForward(mixed, params, last(x)), mixed, params.dropout);
    return b.nodes;
  },
});

export const transformerLayers = {
  TransformerEncoderBlock: encoderBlock,
  TransformerDecoderBlock: decoderBlock,
};
