# oracle-regression: a custom layer whose compute_output_shape keeps the 3 input features while
# its call returns 5.  Keras builds the LSTM after it for 3 features and raises when the model
# runs on the 5 that call returns.  Found against seqlint 3db82b1, which followed call (5
# features, which an LSTM could take) and only warned SL113; main 7945d4a adds SL114 (on the
# Projection line, naming the LSTM); SL118 replaces it (on compute_output_shape's return, the
# declaration to fix, naming the LSTM).
# keras: raises ValueError (Dimensions must be equal, but are 5 and 3)
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
        layers.LSTM(2),  # seqlint: error
    ]
)
model.predict(np.zeros((2, 4, 3)), verbose=0)
