# oracle-regression: an attention layer pools the steps away in call, (batch, 4), while its
# compute_output_shape says the steps are kept, (None, 10, 4).  Keras builds the Dense after it
# for the declared shape (the symbolic output is (None, 10, 3)) but trains on what call returns,
# (batch, 3), which the sparse targets fit: it runs.  seqlint (main 7945d4a) warns SL113
# (right), and also judges the loss on the declared shape: SL201 wants targets of rank 2, a
# false error (seqlint 3db82b1 only warned).  Fixed: the loss rules read what the model
# really outputs at fit (rulekit/runs_as.as_run), (batch, 3) here, which the targets fit.
# keras: runs
# status: fixed
import keras
import numpy as np
from keras import layers


class Attention(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 1))

    def call(self, x):
        a = keras.ops.softmax(keras.ops.matmul(x, self.w), axis=1)
        return keras.ops.sum(x * a, axis=1)

    def compute_output_shape(self, input_shape):
        return input_shape


inputs = keras.Input(shape=(10, 4))
outputs = layers.Dense(3, activation="softmax")(Attention()(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.zeros((4, 10, 4)), np.zeros((4,)), epochs=1, verbose=0)
