# oracle-regression: as declared_output_feeds_a_layer_with_weights.py, with a pooling layer
# between the custom layer and the layer whose weights Keras sizes from the declared shape: the
# Dense is built for the 3 declared features and gets 5 when the model runs.  seqlint (main
# 7945d4a) reports SL114 when the Dense follows the custom layer directly, and only SL113 here;
# SL118 follows what call returns through the pooling (on compute_output_shape's return).
# keras: raises ValueError (expected axis -1 of input shape to have value 3)
# status: fixed
import keras
import numpy as np
from keras import layers


class Projection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units))

    def call(self, x):
        return keras.ops.matmul(x, self.kernel)

    def compute_output_shape(self, input_shape):
        return input_shape  # seqlint: error


model = keras.Sequential(
    [
        keras.Input(shape=(4, 3)),
        Projection(5),  # seqlint: error
        layers.GlobalMaxPooling1D(),
        layers.Dense(2),  # seqlint: error
    ]
)
model.predict(np.zeros((2, 4, 3)), verbose=0)
