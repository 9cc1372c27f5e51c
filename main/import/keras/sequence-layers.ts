import { catalogue, type LayerKind } from '../../../shared/layers/catalogue.js';
import { RECURRENT_ACTIVATIONS } from '../../../shared/layers/recurrent.js';
import {
  activation,
  guarded,
  withActivation,
  type Conversion,
  type KerasConfig,
  type LayerConverter,
} from './config.js';

/** Options a recurrent layer must leave at their defaults for Strata to compute the same. */
const RECURRENT = {
  return_state: [false],
  go_backwards: [false],
  stateful: [false],
  time_major: [false],
  use_bias: [true],
} as const;

/** Gate functions Strata's LSTM has (GRU and SimpleRNN: sigmoid only). */
const LSTM_GATES = ['sigmoid', 'hard_sigmoid'];

type Recurrent = 'SimpleRNN' | 'LSTM' | 'GRU';

/** A recurrent layer; `resetAfter` is Keras' GRU flavour (tfjs' own GRU is reset-before). */
function recurrent(kind: Recurrent, resetAfter?: (c: KerasConfig) => boolean): LayerConverter {
  return (c) =>
    guarded(c, RECURRENT, (): Conversion => {
      const act = activation(c.activation ?? 'tanh'); // Keras' recurrent default
      if (!act || !(RECURRENT_ACTIVATIONS as readonly string[]).includes(act)) {
        return { unsupported: `a recurrent activation of ${JSON.stringify(c.activation)}` };
      }
      // tfjs names it hardSigmoid in its configs; Keras hard_sigmoid.
      const gates = gateName(c.recurrent_activation ?? 'sigmoid');
      const allowed = kind === 'LSTM' ? LSTM_GATES : ['sigmoid'];
      if (!allowed.includes(gates)) {
        return { unsupported: `recurrent_activation ${JSON.stringify(c.recurrent_activation)}` };
      }
      const dropped = ['dropout', 'recurrent_dropout'].filter((k) => Number(c[k] ?? 0) > 0);
      return {
        kind,
        params: {
          units: c.units,
          activation: act,
          returnSequences: c.return_sequences ?? false,
          ...(resetAfter ? { resetAfter: resetAfter(c) } : {}),
          ...(kind === 'LSTM' ? { recurrentActivation: gates } : {}),
        },
        warnings: dropped.map(
          (k) => `${k}=${String(c[k])} is not kept (Strata's ${kind} has none)`,
        ),
      };
    });
}

const recurrentConverters: Record<string, LayerConverter> = {
  SimpleRNN: recurrent('SimpleRNN'),
  LSTM: recurrent('LSTM'),
  GRU: recurrent('GRU', (c) => c.reset_after === true),
  StrataGRU: recurrent('GRU', () => true),
};

/** The wrapped layer of Bidirectional / TimeDistributed: `{class_name, config}`. */
function wrapped(c: KerasConfig): { className: string; config: KerasConfig } | undefined {
  const layer = c.layer as { class_name?: unknown; config?: unknown } | undefined;
  if (typeof layer?.class_name !== 'string' || typeof layer.config !== 'object') return undefined;
  return { className: layer.class_name, config: layer.config as KerasConfig };
}

/** Strata's Bidirectional runs a tanh cell (GRU: Keras' reset-after one) both ways. */
function bidirectional(c: KerasConfig): Conversion {
  const inner = wrapped(c);
  const convert = inner && recurrentConverters[inner.className];
  if (!inner || !convert) return { unsupported: `wrapping ${inner?.className ?? 'no layer'}` };
  const cell = convert(inner.config);
  if (!('kind' in cell)) return cell;
  if (cell.params.activation !== 'tanh')
    return { unsupported: 'a cell activation other than tanh' };
  if ((cell.params.recurrentActivation ?? 'sigmoid') !== 'sigmoid') {
    return { unsupported: 'gates other than sigmoid (Strata wraps sigmoid-gated cells)' };
  }
  if (cell.kind === 'GRU' && cell.params.resetAfter !== true) {
    return { unsupported: 'a GRU without reset_after (Strata wraps Keras’ default GRU)' };
  }
  return guarded(c, { merge_mode: ['concat', 'sum', 'mul', 'ave'] }, () => ({
    kind: 'Bidirectional',
    params: {
      layer: cell.kind,
      units: cell.params.units,
      returnSequences: cell.params.returnSequences,
      mergeMode: c.merge_mode ?? 'concat',
    },
    warnings: cell.warnings,
  }));
}

/** Strata's TimeDistributed applies a Dense (with bias) to every step. */
function timeDistributed(c: KerasConfig): Conversion {
  const inner = wrapped(c);
  if (inner?.className !== 'Dense')
    return { unsupported: `wrapping ${inner?.className ?? 'no layer'}` };
  return guarded(inner.config, { use_bias: [true] }, () =>
    withActivation(inner.config.activation, (act) => ({
      kind: 'TimeDistributed',
      params: { units: inner.config.units, activation: act },
    })),
  );
}

/** Keras' MultiHeadAttention; inputs are `[query, value]` (a separate key is not supported). */
function multiHeadAttention(c: KerasConfig): Conversion {
  return guarded(
    c,
    { use_bias: [true], output_shape: [null], attention_axes: [null, [1], -1, [-1]] },
    () => ({
      kind: 'MultiHeadAttention',
      params: {
        numHeads: c.num_heads,
        keyDim: c.key_dim,
        valueDim: c.value_dim ?? 0,
        dropout: c.dropout ?? 0,
        causal: false,
      },
    }),
  );
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Strata's own layers save their parameters under the catalogue's names, in snake_case. */
function strataLayer(kind: LayerKind): LayerConverter {
  const names = Object.keys(catalogue[kind].params.shape);
  return (c) => {
    const params = Object.fromEntries(
      Object.entries(c)
        .map(([k, v]) => [camel(k), v] as const)
        .filter(([k]) => names.includes(k)),
    );
    return { kind, params };
  };
}

/** Converters of the embedding, recurrent, attention and transformer families. */
export const sequenceConverters: Record<string, LayerConverter> = {
  Embedding: (c) => ({
    kind: 'Embedding',
    params: { inputDim: c.input_dim, outputDim: c.output_dim },
    warnings: c.mask_zero === true ? ['mask_zero is not kept: padding steps count'] : undefined,
  }),
  // keras-hub's layers of the same computation.
  PositionEmbedding: (c) => ({
    kind: 'PositionEmbedding',
    params: { maxLength: c.sequence_length },
  }),
  SinePositionEncoding: (c) => ({
    kind: 'SinusoidalPositionalEncoding',
    params: { maxWavelength: c.max_wavelength ?? 10_000 },
  }),
  ...recurrentConverters,
  Bidirectional: bidirectional,
  TimeDistributed: timeDistributed,
  MultiHeadAttention: multiHeadAttention,
  StrataPositionEmbedding: strataLayer('PositionEmbedding'),
  StrataSinusoidalPositionalEncoding: strataLayer('SinusoidalPositionalEncoding'),
  StrataMultiHeadAttention: strataLayer('MultiHeadAttention'),
  StrataTransformerEncoderBlock: strataLayer('TransformerEncoderBlock'),
  StrataTransformerDecoderBlock: strataLayer('TransformerDecoderBlock'),
};

/** `hardSigmoid` (tfjs) and `hard_sigmoid` (Keras) are one function. */
function gateName(name: unknown): string {
  return name === 'hardSigmoid' ? 'hard_sigmoid' : String(name);
}
