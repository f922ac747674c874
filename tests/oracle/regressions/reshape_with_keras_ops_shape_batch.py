# oracle-regression: the same reshape as reshape_with_explicit_batch_size.py with the batch size
# read by keras.ops.shape(x)[0] instead of tf.shape(x)[0]: 4 * 6 values per sample cannot
# become 2 * 6, whatever the batch.  seqlint (main 7945d4a) reads tf.shape(x)[0] as the batch
# axis but not keras.ops.shape(x)[0], and reports nothing.
# keras: raises ValueError (Cannot reshape a tensor with 48 elements to shape [2,2,6])
# status: open
import keras
import numpy as np
from keras import layers


class FoldSteps(layers.Layer):
    def call(self, x):
        batch = keras.ops.shape(x)[0]
        return keras.ops.reshape(x, (batch, 2, 6))  # seqlint: error


model = keras.Sequential([keras.Input(shape=(4, 6)), FoldSteps(), layers.Flatten()])
model.predict(np.zeros((2, 4, 6)), verbose=0)
