/**
 * Python helpers the generated model.py carries, each written once here and included only when
 * a model uses it. All of them take and return channels-last tensors, as Strata and Keras do.
 */
const helpers = {
  samePadding: {
    needs: [],
    code: `
def same_padding(x, kernel, stride, dilation, value=0.0):
    """Pads the spatial axes of a channels-first x as TensorFlow's 'same' does (extra at the end)."""
    pads = []
    for axis in reversed(range(len(kernel))):
        size = x.shape[2 + axis]
        out = -(-size // stride[axis])
        total = max((out - 1) * stride[axis] + (kernel[axis] - 1) * dilation[axis] + 1 - size, 0)
        pads += [total // 2, total - total // 2]
    return F.pad(x, pads, value=value)
`,
  },
  conv: {
    needs: ['samePadding'],
    code: `
class ChannelsLastConv:
    """Runs a torch convolution on channels-last input with TensorFlow's 'valid'/'same' padding."""

    def __init__(self, *args, tf_padding="valid", **kwargs):
        super().__init__(*args, **kwargs)
        self.tf_padding = tf_padding

    def forward(self, x):
        x = x.movedim(-1, 1)
        if self.tf_padding == "same":
            x = same_padding(x, self.kernel_size, self.stride, self.dilation)
        return super().forward(x).movedim(1, -1)


class Conv1d(ChannelsLastConv, nn.Conv1d):
    pass


class Conv2d(ChannelsLastConv, nn.Conv2d):
    pass
`,
  },
  convTranspose: {
    needs: [],
    code: `
class ConvTranspose2d(nn.ConvTranspose2d):
    """Keras' Conv2DTranspose on channels-last input: output size in*stride ('same') or
    in*stride + max(kernel - stride, 0) ('valid'), cropped as TensorFlow crops."""

    def __init__(self, *args, tf_padding="valid", **kwargs):
        super().__init__(*args, **kwargs)
        self.tf_padding = tf_padding

    def forward(self, x):
        x = x.movedim(-1, 1)
        y = F.conv_transpose2d(x, self.weight, None, self.stride)
        for axis in range(2):
            size, k, s = x.shape[2 + axis], self.kernel_size[axis], self.stride[axis]
            if self.tf_padding == "same":
                target, before = size * s, max(k - s, 0) // 2
            else:
                target, before = size * s + max(k - s, 0), 0
            y = y.narrow(2 + axis, before, min(target, y.shape[2 + axis] - before))
            missing = target - y.shape[2 + axis]
            if missing > 0:
                pads = [0, 0, 0, 0]
                pads[2 * (1 - axis) + 1] = missing
                y = F.pad(y, pads)
        if self.bias is not None:
            y = y + self.bias.view(1, -1, 1, 1)
        return y.movedim(1, -1)
`,
  },
  separable: {
    needs: ['conv'],
    code: `
class SeparableConv2d(nn.Module):
    """Keras' SeparableConv2D: a depthwise convolution then a 1x1 convolution with the bias."""

    def __init__(self, channels, filters, kernel, stride, dilation, depth_multiplier, bias, tf_padding):
        super().__init__()
        self.depthwise = Conv2d(channels, channels * depth_multiplier, kernel, stride,
                                dilation=dilation, groups=channels, bias=False, tf_padding=tf_padding)
        self.pointwise = Conv2d(channels * depth_multiplier, filters, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
`,
  },
  pool: {
    needs: ['samePadding'],
    code: `
class Pool(nn.Module):
    """Keras' MaxPooling/AveragePooling (1D or 2D) on channels-last input; 'same' average pooling
    divides by the number of real (unpadded) values, as TensorFlow does."""

    def __init__(self, mode, kernel, stride, tf_padding):
        super().__init__()
        self.mode, self.kernel, self.stride, self.tf_padding = mode, kernel, stride, tf_padding

    def forward(self, x):
        x = x.movedim(-1, 1)
        dims = len(self.kernel)
        ones = (1,) * dims
        if self.mode == "max":
            if self.tf_padding == "same":
                x = same_padding(x, self.kernel, self.stride, ones, value=-math.inf)
            y = (F.max_pool1d, F.max_pool2d)[dims - 1](x, self.kernel, self.stride)
        else:
            avg = (F.avg_pool1d, F.avg_pool2d)[dims - 1]
            if self.tf_padding == "same":
                count = same_padding(torch.ones_like(x[:1, :1]), self.kernel, self.stride, ones)
                x = same_padding(x, self.kernel, self.stride, ones)
                y = avg(x, self.kernel, self.stride) / avg(count, self.kernel, self.stride)
            else:
                y = avg(x, self.kernel, self.stride)
        return y.movedim(1, -1)
`,
  },
  batchNorm: {
    needs: [],
    code: `
class BatchNorm(nn.BatchNorm1d):
    """Keras' BatchNormalization over the last (channel) axis of a channels-last tensor.
    torch's momentum is 1 - Keras' momentum."""

    def forward(self, x):
        return super().forward(x.reshape(-1, x.shape[-1])).reshape(x.shape)
`,
  },
  recurrent: {
    needs: [],
    code: `
class Recurrent(nn.Module):
    """A Keras recurrent layer (or its Bidirectional wrapper) on a batch-first torch RNN: every
    step's output, or the last one (for the backward direction, the one at step 0)."""

    def __init__(self, kind, features, units, return_sequences, nonlinearity="tanh",
                 bidirectional=False, merge_mode="concat", gates="sigmoid"):
        super().__init__()
        extra = {"nonlinearity": nonlinearity} if kind == "SimpleRNN" else {}
        rnn = {"LSTM": nn.LSTM, "GRU": nn.GRU, "SimpleRNN": nn.RNN}[kind]
        self.rnn = rnn(features, units, batch_first=True, bidirectional=bidirectional, **extra)
        self.return_sequences, self.merge_mode, self.gates = return_sequences, merge_mode, gates

    def hard_sigmoid_lstm(self, x):
        """nn.LSTM's cell with tfjs' (Keras 2's) hard-sigmoid gates, clip(0.2 v + 0.5, 0, 1)."""
        rnn = self.rnn
        h = x.new_zeros(x.shape[0], rnn.hidden_size)
        c = x.new_zeros(x.shape[0], rnn.hidden_size)
        inputs = x @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + rnn.bias_hh_l0
        steps = []
        for t in range(x.shape[1]):
            i, f, g, o = (inputs[:, t] + h @ rnn.weight_hh_l0.T).chunk(4, dim=-1)
            gate = lambda v: torch.clamp(0.2 * v + 0.5, 0.0, 1.0)
            c = gate(f) * c + gate(i) * torch.tanh(g)
            h = gate(o) * torch.tanh(c)
            steps.append(h)
        return torch.stack(steps, dim=1)

    def forward(self, x):
        y = self.hard_sigmoid_lstm(x) if self.gates == "hard_sigmoid" else self.rnn(x)[0]
        if not self.rnn.bidirectional:
            return y if self.return_sequences else y[:, -1]
        units = self.rnn.hidden_size
        forward, backward = y[..., :units], y[..., units:]
        if not self.return_sequences:
            forward, backward = forward[:, -1], backward[:, 0]
        if self.merge_mode == "concat":
            return torch.cat([forward, backward], dim=-1)
        if self.merge_mode == "sum":
            return forward + backward
        if self.merge_mode == "mul":
            return forward * backward
        return (forward + backward) / 2
`,
  },
  positionEmbedding: {
    needs: [],
    code: `
class PositionEmbedding(nn.Module):
    """Adds a learned vector per position (keras-hub's PositionEmbedding)."""

    def __init__(self, max_length, features):
        super().__init__()
        self.embeddings = nn.Parameter(torch.zeros(max_length, features))

    def forward(self, x):
        return x + self.embeddings[: x.shape[1]]
`,
  },
  sinusoidal: {
    needs: [],
    code: `
class SinusoidalPositionalEncoding(nn.Module):
    """Adds sin(pos / w^(2i/d)) to feature 2i and its cosine to feature 2i+1; no weights."""

    def __init__(self, max_wavelength):
        super().__init__()
        self.max_wavelength = max_wavelength

    def forward(self, x):
        steps, size = x.shape[1], x.shape[2]
        position = torch.arange(steps, dtype=torch.float64)[:, None]
        i = torch.arange(size)
        angle = position / self.max_wavelength ** ((2 * (i // 2)).double() / size)
        table = torch.where(i % 2 == 0, torch.sin(angle), torch.cos(angle))
        return x + table.to(x.dtype)
`,
  },
  attention: {
    needs: [],
    code: `
class MultiHeadAttention(nn.Module):
    """Keras' MultiHeadAttention: per-head query/key/value projections (stored flat, heads
    side by side), scaled dot-product attention, and an output projection back to the query width."""

    def __init__(self, query_features, source_features, num_heads, key_dim, value_dim=0,
                 dropout=0.0, causal=False):
        super().__init__()
        value_dim = value_dim or key_dim
        self.num_heads, self.key_dim, self.value_dim, self.causal = num_heads, key_dim, value_dim, causal
        self.query = nn.Linear(query_features, num_heads * key_dim)
        self.key = nn.Linear(source_features, num_heads * key_dim)
        self.value = nn.Linear(source_features, num_heads * value_dim)
        self.output = nn.Linear(num_heads * value_dim, query_features)
        self.dropout = nn.Dropout(dropout)

    def forward(self, query, source=None):
        source = query if source is None else source
        (batch, tq, _), tk = query.shape, source.shape[1]

        def heads(x, steps, size):
            return x.view(batch, steps, self.num_heads, size).transpose(1, 2)

        q = heads(self.query(query), tq, self.key_dim) / math.sqrt(self.key_dim)
        k = heads(self.key(source), tk, self.key_dim)
        v = heads(self.value(source), tk, self.value_dim)
        scores = q @ k.transpose(-1, -2)
        if self.causal:
            later = torch.ones(tq, tk, dtype=torch.bool, device=scores.device).triu(1)
            scores = scores.masked_fill(later, -1e9)
        weights = self.dropout(scores.softmax(dim=-1))
        mixed = (weights @ v).transpose(1, 2).reshape(batch, tq, self.num_heads * self.value_dim)
        return self.output(mixed)
`,
  },
  encoderBlock: {
    needs: ['attention'],
    code: `
class TransformerEncoderBlock(nn.Module):
    """Post-norm encoder block: self-attention, dropout, residual, LayerNorm, then
    Dense -> Dense, dropout, residual, LayerNorm. Causal for GPT-style models."""

    def __init__(self, features, num_heads, key_dim, ff_dim, ff_activation, dropout, causal):
        super().__init__()
        self.self_attention = MultiHeadAttention(features, features, num_heads, key_dim, causal=causal)
        self.attention_norm = nn.LayerNorm(features, eps=1e-6)
        self.ff_hidden = nn.Linear(features, ff_dim)
        self.ff_out = nn.Linear(ff_dim, features)
        self.ff_norm = nn.LayerNorm(features, eps=1e-6)
        self.dropout = nn.Dropout(dropout)
        self.activation = F.gelu if ff_activation == "gelu" else F.relu

    def forward(self, x):
        x = self.attention_norm(x + self.dropout(self.self_attention(x)))
        y = self.ff_out(self.activation(self.ff_hidden(x)))
        return self.ff_norm(x + self.dropout(y))
`,
  },
  decoderBlock: {
    needs: ['attention'],
    code: `
class TransformerDecoderBlock(nn.Module):
    """Post-norm decoder block: causal self-attention, attention to the encoder output, then
    feed-forward; each followed by dropout, a residual and LayerNorm."""

    def __init__(self, features, memory_features, num_heads, key_dim, ff_dim, ff_activation, dropout):
        super().__init__()
        self.self_attention = MultiHeadAttention(features, features, num_heads, key_dim, causal=True)
        self.self_norm = nn.LayerNorm(features, eps=1e-6)
        self.cross_attention = MultiHeadAttention(features, memory_features, num_heads, key_dim)
        self.cross_norm = nn.LayerNorm(features, eps=1e-6)
        self.ff_hidden = nn.Linear(features, ff_dim)
        self.ff_out = nn.Linear(ff_dim, features)
        self.ff_norm = nn.LayerNorm(features, eps=1e-6)
        self.dropout = nn.Dropout(dropout)
        self.activation = F.gelu if ff_activation == "gelu" else F.relu

    def forward(self, target, memory):
        x = self.self_norm(target + self.dropout(self.self_attention(target)))
        x = self.cross_norm(x + self.dropout(self.cross_attention(x, memory)))
        y = self.ff_out(self.activation(self.ff_hidden(x)))
        return self.ff_norm(x + self.dropout(y))
`,
  },
} satisfies Record<string, { needs: string[]; code: string }>;

/** A Python helper a layer's code may need. */
export type Helper = keyof typeof helpers;

/** The source of the helpers asked for and those they need, each once, dependencies first. */
export function preludeSource(wanted: Iterable<Helper>): string {
  const done = new Set<Helper>();
  const parts: string[] = [];
  const visit = (name: Helper) => {
    if (done.has(name)) return;
    done.add(name);
    for (const need of helpers[name].needs as Helper[]) visit(need);
    parts.push(helpers[name].code.trim());
  };
  for (const name of wanted) visit(name);
  return parts.join('\n\n\n');
}
