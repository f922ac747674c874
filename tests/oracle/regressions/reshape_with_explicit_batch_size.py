# oracle-regression: a custom layer folds pairs of steps with the batch size written out
# (tf.shape(x)[0]) but forgets to double the features: 4 * 6 values per sample cannot become
# 2 * 6.  The batch axis cancels, so the failure is certain; Keras raises when the model runs.
# Found against seqlint 3db82b1, which read a reshape only when every size was known; main
# 7945d4a reports SL111.
# keras: raises ValueError (Cannot reshape a tensor with 48 elements to shape [2,2,6])
# status: fixed
import keras
import numpy as np
import tensorflow as tf
from keras import layers


class FoldSteps(layers.Layer):
    def call(self, x):
        batch = tf.shape(x)[0]
        return tf.reshape(x, (batch, 2, 6))  # seqlint: error


model = keras.Sequential([keras.Input(shape=(4, 6)), FoldSteps(), layers.Flatten()])
model.predict(np.zeros((2, 4, 6)), verbose=0)
