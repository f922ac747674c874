# Fixed twin of custom_layer_weight_broadcast_over_batch_bad.py: each input unit gets its own row, tf.expand_dims(inputs, -1) * W, before the product over the inputs.
# Source: https://github.com/keras-team/keras/issues/15470
# keras: runs
# Family: custom-layer-weights
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import RMSprop

w_initialization = tf.keras.initializers.GlorotUniform()


class NMU(keras.layers.Layer):
    def __init__(self, output_dim, input_dim):
        super(NMU, self).__init__()
        self.weight = tf.Variable(w_initialization([input_dim, output_dim]), dtype="float32", name="weight", trainable=True)

    def call(self, inputs):
        W = tf.minimum(tf.maximum(self.weight, 0), 1)
        output = (tf.expand_dims(inputs, -1) * W) + 1 - W
        return tf.reduce_prod(output, axis=1)


X_TRAIN, Y_TRAIN = [], []
for i in range(1, 9):
    a1 = np.random.randint(1000)
    a2 = np.random.randint(1000)
    X_TRAIN.append(np.array([np.float32(a1), np.float32(a2)]))
    Y_TRAIN.append(np.array([np.float32(a2*a1), np.float32(a2*a1)]))
X_TRAIN = np.array(X_TRAIN)
Y_TRAIN = np.array(Y_TRAIN)

model = Sequential()
model.add(NMU(2,2))
model.compile(loss='mse', optimizer=RMSprop(learning_rate=0.001))
model.fit(x=X_TRAIN, y=Y_TRAIN, epochs=1, batch_size=4, verbose=0)
