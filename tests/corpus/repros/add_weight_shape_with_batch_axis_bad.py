# Repro: a HardAttention layer creates its weight with shape=input_shape, batch axis (None) included.
# Source: https://github.com/keras-team/keras/issues/13045
# Reported: self-defined Attention layer failed for keras (add_weight(shape=input_shape) in build, model InputLayer(input_shape=(3,)))
# Fix: one weight per feature: shape=(input_dim,), without the batch axis.
# keras: raises ValueError
# status: caught
# Family: custom-layer-weights
import numpy as np
from keras.layers import Dense, InputLayer, InputSpec, Layer
from keras.models import Sequential


class HardAttention(Layer):
    def __init__(self, **kwargs):
        super(HardAttention, self).__init__(**kwargs)
        self.input_spec = InputSpec(min_ndim=2)

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.attention = self.add_weight(shape=input_shape,  # expect: SL112
                                         initializer="uniform",
                                         name="attention",
                                         dtype=np.float32,
                                         trainable=True)
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        super(HardAttention, self).build(input_shape)

    def call(self, inputs):
        return inputs * self.attention  # the report's K.multiply does not exist

    def compute_output_shape(self, input_shape):
        return input_shape


x_train = np.random.rand(8, 3)
y_train = np.random.rand(8, 5)
model = Sequential()
model.add(InputLayer(input_shape=(3,)))
model.add(HardAttention())
model.add(Dense(5))
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, verbose=0)
