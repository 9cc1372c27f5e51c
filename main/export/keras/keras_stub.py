"""A stand-in for `tensorflow` that runs an exported Keras model.py without TensorFlow.

Layers record what they are built with; shapes and weight shapes follow Keras' documented
formulas, written here independently of Strata. Strata's own layers (subclasses of Layer in the
exported file) run their real build() and compute_output_shape(). set_weights() refuses arrays
whose shapes differ from the layer's weights. Nothing is computed: it checks structure only.
"""
import math
import sys
import types

LAYERS = []


class KerasTensor:
    def __init__(self, shape, dtype="float32"):
        self.shape, self.dtype = tuple(shape), dtype


def _shape(x):
    return [t.shape for t in x] if isinstance(x, (list, tuple)) else x.shape


def _pair(value, n=2):
    return tuple(value) if isinstance(value, (list, tuple)) else (value,) * n


def _slide(size, kernel, stride, padding, dilation=1):
    if size is None:
        return None
    span = (kernel - 1) * dilation + 1
    return -(-size // stride) if padding == "same" else (size - span) // stride + 1


class Layer:
    def __init__(self, name=None, **kwargs):
        self.name, self.built, self.loaded = name, False, False
        self.weight_shapes, self.output_shape = [], None
        self.config = kwargs

    def add_weight(self, name=None, shape=None, initializer=None, dtype=None, trainable=True, **_):
        self.weight_shapes.append(tuple(int(d) for d in shape))
        return types.SimpleNamespace(shape=tuple(shape))

    def build(self, input_shape):
        pass

    def compute_output_shape(self, input_shape):
        return input_shape

    def __call__(self, inputs, *more, **kwargs):
        shape = _shape([inputs, *more]) if more else _shape(inputs)
        if not self.built:
            self.build(shape)
            self.built = True
        self.output_shape = tuple(self.compute_output_shape(shape))
        LAYERS.append(self)
        return KerasTensor(self.output_shape)

    def get_config(self):
        return {"name": self.name}

    def set_weights(self, arrays):
        got = [tuple(a.shape) for a in arrays]
        if got != self.weight_shapes:
            raise ValueError(f"{self.name}: expects weights {self.weight_shapes}, got {got}")
        self.loaded = True

    def count_params(self):
        return sum(math.prod(s) for s in self.weight_shapes)


class Dense(Layer):
    def __init__(self, units, activation=None, use_bias=True, **kw):
        super().__init__(**kw)
        self.units, self.use_bias = units, use_bias

    def build(self, s):
        self.add_weight(shape=(s[-1], self.units))
        if self.use_bias:
            self.add_weight(shape=(self.units,))

    def compute_output_shape(self, s):
        return (*s[:-1], self.units)


class _Conv(Layer):
    rank = 2

    def __init__(self, filters=None, kernel_size=1, strides=1, padding="valid", dilation_rate=1,
                 activation=None, use_bias=True, depth_multiplier=1, **kw):
        super().__init__(**kw)
        self.filters, self.use_bias, self.padding = filters, use_bias, padding
        self.depth_multiplier = depth_multiplier
        self.kernel = _pair(kernel_size, self.rank)
        self.strides = _pair(strides, self.rank)
        self.dilation = _pair(dilation_rate, self.rank)

    def out_channels(self, c):
        return self.filters

    def compute_output_shape(self, s):
        dims = [_slide(s[1 + i], self.kernel[i], self.strides[i], self.padding, self.dilation[i])
                for i in range(self.rank)]
        return (s[0], *dims, self.out_channels(s[-1]))


class Conv1D(_Conv):
    rank = 1

    def build(self, s):
        self.add_weight(shape=(*self.kernel, s[-1], self.filters))
        if self.use_bias:
            self.add_weight(shape=(self.filters,))


class Conv2D(_Conv):
    def build(self, s):
        self.add_weight(shape=(*self.kernel, s[-1], self.filters))
        if self.use_bias:
            self.add_weight(shape=(self.filters,))


class Conv2DTranspose(_Conv):
    def build(self, s):
        self.add_weight(shape=(*self.kernel, self.filters, s[-1]))
        if self.use_bias:
            self.add_weight(shape=(self.filters,))

    def compute_output_shape(self, s):
        def grow(size, k, stride):
            if size is None:
                return None
            return size * stride if self.padding == "same" else size * stride + max(k - stride, 0)

        return (s[0], *[grow(s[1 + i], self.kernel[i], self.strides[i]) for i in range(2)], self.filters)


class SeparableConv2D(_Conv):
    def build(self, s):
        self.add_weight(shape=(*self.kernel, s[-1], self.depth_multiplier))
        self.add_weight(shape=(1, 1, s[-1] * self.depth_multiplier, self.filters))
        if self.use_bias:
            self.add_weight(shape=(self.filters,))


class DepthwiseConv2D(_Conv):
    def build(self, s):
        self.add_weight(shape=(*self.kernel, s[-1], self.depth_multiplier))
        if self.use_bias:
            self.add_weight(shape=(s[-1] * self.depth_multiplier,))

    def out_channels(self, c):
        return c * self.depth_multiplier


def _pooling(rank):
    class Pool(Layer):
        def __init__(self, pool_size=2, strides=None, padding="valid", **kw):
            super().__init__(**kw)
            self.pool = _pair(pool_size, rank)
            self.strides = _pair(strides, rank) if strides is not None else self.pool
            self.padding = padding

        def compute_output_shape(self, s):
            dims = [_slide(s[1 + i], self.pool[i], self.strides[i], self.padding) for i in range(rank)]
            return (s[0], *dims, s[-1])

    return Pool


class _Global(Layer):
    def compute_output_shape(self, s):
        return (s[0], s[-1])


class BatchNormalization(Layer):
    def build(self, s):
        for _ in range(4):  # gamma, beta, moving_mean, moving_variance
            self.add_weight(shape=(s[-1],))


class LayerNormalization(Layer):
    def build(self, s):
        for _ in range(2):
            self.add_weight(shape=(s[-1],))


class Flatten(Layer):
    def compute_output_shape(self, s):
        return (s[0], math.prod(s[1:]))


class Reshape(Layer):
    def __init__(self, target_shape, **kw):
        super().__init__(**kw)
        self.target = tuple(target_shape)

    def compute_output_shape(self, s):
        known = math.prod(d for d in self.target if d != -1)
        total = math.prod(s[1:])
        return (s[0], *[total // known if d == -1 else d for d in self.target])


class Permute(Layer):
    def __init__(self, dims, **kw):
        super().__init__(**kw)
        self.dims = dims

    def compute_output_shape(self, s):
        return (s[0], *[s[d] for d in self.dims])


class RepeatVector(Layer):
    def __init__(self, n, **kw):
        super().__init__(**kw)
        self.n = n

    def compute_output_shape(self, s):
        return (s[0], self.n, s[1])


class UpSampling2D(Layer):
    def __init__(self, size=(2, 2), **kw):
        super().__init__(**kw)
        self.size = _pair(size)

    def compute_output_shape(self, s):
        return (s[0], s[1] * self.size[0], s[2] * self.size[1], s[3])


class ZeroPadding2D(Layer):
    sign = 1

    def __init__(self, padding=None, cropping=None, **kw):
        super().__init__(**kw)
        self.edges = padding if padding is not None else cropping

    def compute_output_shape(self, s):
        (t, b), (l, r) = self.edges
        return (s[0], s[1] + self.sign * (t + b), s[2] + self.sign * (l + r), s[3])


class Cropping2D(ZeroPadding2D):
    sign = -1


class Embedding(Layer):
    def __init__(self, input_dim, output_dim, **kw):
        super().__init__(**kw)
        self.input_dim, self.output_dim = input_dim, output_dim

    def build(self, s):
        self.add_weight(shape=(self.input_dim, self.output_dim))

    def compute_output_shape(self, s):
        return (*s, self.output_dim)


def _recurrent(gates):
    class Recurrent(Layer):
        def __init__(self, units, activation="tanh", recurrent_activation="sigmoid",
                     return_sequences=False, reset_after=True, **kw):
            super().__init__(**kw)
            self.units, self.return_sequences, self.reset_after = units, return_sequences, reset_after

        def build(self, s):
            u = self.units
            self.add_weight(shape=(s[-1], gates * u))
            self.add_weight(shape=(u, gates * u))
            two = gates == 3 and self.reset_after
            self.add_weight(shape=(2, gates * u) if two else (gates * u,))

        def compute_output_shape(self, s):
            return (s[0], s[1], self.units) if self.return_sequences else (s[0], self.units)

    return Recurrent


class Bidirectional(Layer):
    def __init__(self, layer, merge_mode="concat", **kw):
        super().__init__(**kw)
        self.layer, self.merge_mode = layer, merge_mode

    def build(self, s):
        for _ in range(2):  # forward, then backward
            self.layer.weight_shapes = []
            self.layer.build(s)
            self.weight_shapes += self.layer.weight_shapes

    def compute_output_shape(self, s):
        out = self.layer.compute_output_shape(s)
        return (*out[:-1], out[-1] * 2) if self.merge_mode == "concat" else out


class TimeDistributed(Layer):
    def __init__(self, layer, **kw):
        super().__init__(**kw)
        self.layer = layer

    def build(self, s):
        self.layer.build((s[0], *s[2:]))
        self.weight_shapes = self.layer.weight_shapes

    def compute_output_shape(self, s):
        return (s[0], s[1], *self.layer.compute_output_shape((s[0], *s[2:]))[1:])


class MultiHeadAttention(Layer):
    def __init__(self, num_heads, key_dim, value_dim=None, dropout=0.0, **kw):
        super().__init__(**kw)
        self.heads, self.key_dim, self.value_dim = num_heads, key_dim, value_dim or key_dim

    def build(self, shapes):
        query, value = shapes[0], shapes[1]
        h, k, v = self.heads, self.key_dim, self.value_dim
        for features, size in ((query[-1], k), (value[-1], k), (value[-1], v)):
            self.add_weight(shape=(features, h, size))
            self.add_weight(shape=(h, size))
        self.add_weight(shape=(h, v, query[-1]))
        self.add_weight(shape=(query[-1],))

    def compute_output_shape(self, shapes):
        return shapes[0]


class _Merge(Layer):
    def compute_output_shape(self, shapes):
        return shapes[0]


class Concatenate(Layer):
    def __init__(self, axis=-1, **kw):
        super().__init__(**kw)
        self.axis = axis

    def compute_output_shape(self, shapes):
        out = list(shapes[0])
        out[self.axis] = sum(s[self.axis] for s in shapes)
        return tuple(out)


def Input(shape, dtype="float32", name=None):
    return KerasTensor((None, *shape), dtype)


class Model:
    def __init__(self, inputs, outputs, name=None):
        self.layers, self.name = list(LAYERS), name
        outs = outputs if isinstance(outputs, list) else [outputs]
        self.output_shapes = [o.shape for o in outs]

    def get_layer(self, name):
        return next(layer for layer in self.layers if layer.name == name)

    def count_params(self):
        return sum(layer.count_params() for layer in self.layers)


def _identity(name):
    return type(name, (Layer,), {})


layers = types.ModuleType("tensorflow.keras.layers")
for cls in (Layer, Dense, Conv1D, Conv2D, Conv2DTranspose, SeparableConv2D, DepthwiseConv2D,
            BatchNormalization, LayerNormalization, Flatten, Reshape, Permute, RepeatVector,
            UpSampling2D, ZeroPadding2D, Cropping2D, Embedding, Bidirectional, TimeDistributed,
            MultiHeadAttention, Concatenate):
    setattr(layers, cls.__name__, cls)
for name in ("Dropout", "Activation", "LeakyReLU"):
    setattr(layers, name, _identity(name))
for name in ("Add", "Subtract", "Multiply", "Average"):
    setattr(layers, name, type(name, (_Merge,), {}))
layers.MaxPooling1D = layers.AveragePooling1D = _pooling(1)
layers.MaxPooling2D = layers.AveragePooling2D = _pooling(2)
for name in ("GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D"):
    setattr(layers, name, type(name, (_Global,), {}))
layers.SimpleRNN, layers.LSTM, layers.GRU = _recurrent(1), _recurrent(4), _recurrent(3)

keras = types.ModuleType("tensorflow.keras")
keras.layers, keras.Input, keras.Model = layers, Input, Model
tensorflow = types.ModuleType("tensorflow")
tensorflow.keras = keras
sys.modules.update({"tensorflow": tensorflow, "tensorflow.keras": keras, "tensorflow.keras.layers": layers})
