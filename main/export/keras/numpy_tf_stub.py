"""A numpy stand-in for the few TensorFlow ops Strata's Keras layers use, so their call() can run
(and be compared with TensorFlow.js) where TensorFlow is not installed. Weights from add_weight
are numpy arrays that set_weights overwrites in place."""
import math
import sys
import types

import numpy as np

_erf = np.vectorize(math.erf)


class Layer:
    def __init__(self, name=None, **kwargs):
        self.name, self._weights, self.built = name, [], False

    def add_weight(self, name=None, shape=None, initializer=None, dtype=None, trainable=True, **_):
        weight = np.zeros(tuple(int(d) for d in shape), dtype=np.float64)
        self._weights.append(weight)
        return weight

    def build(self, input_shape):
        self.built = True

    def set_weights(self, arrays):
        for weight, value in zip(self._weights, arrays, strict=True):
            weight[...] = value

    def get_config(self):
        return {"name": self.name}


class Dropout:
    def __init__(self, rate, **_):
        self.rate = rate

    def __call__(self, x, training=None):
        return x


nn = types.SimpleNamespace(
    softmax=lambda x, axis=-1: np.exp(x - x.max(axis, keepdims=True))
    / np.exp(x - x.max(axis, keepdims=True)).sum(axis, keepdims=True),
    moments=lambda x, axes, keepdims=False: (x.mean(tuple(axes), keepdims=keepdims),
                                              x.var(tuple(axes), keepdims=keepdims)),
    relu=lambda x: np.maximum(x, 0),
    gelu=lambda x, approximate=False: 0.5 * x * (1 + _erf(x / math.sqrt(2))),
)
linalg = types.SimpleNamespace(band_part=lambda x, lower, upper: np.tril(x))

tensorflow = types.ModuleType("tensorflow")
tensorflow.einsum = np.einsum
tensorflow.tensordot = np.tensordot
tensorflow.sqrt = np.sqrt
tensorflow.sin, tensorflow.cos = np.sin, np.cos
tensorflow.where = np.where
tensorflow.pow = np.power
tensorflow.ones = np.ones
tensorflow.range = np.arange
tensorflow.shape = lambda x: np.array(np.shape(x))
tensorflow.cast = lambda x, dtype: np.asarray(x, dtype=dtype)
tensorflow.constant = lambda x, dtype=None: np.asarray(x, dtype=dtype)
tensorflow.nn, tensorflow.linalg = nn, linalg

layers = types.ModuleType("tensorflow.keras.layers")
layers.Layer, layers.Dropout = Layer, Dropout
keras = types.ModuleType("tensorflow.keras")
keras.layers = layers
tensorflow.keras = keras
sys.modules.update({"tensorflow": tensorflow, "tensorflow.keras": keras, "tensorflow.keras.layers": layers})
