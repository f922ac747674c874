# Repro: a neural multiplication unit (NMU) layer multiplies its (batch, input_dim) input elementwise by its (input_dim, output_dim) weight: the weight's first axis lines up with the batch axis, so the layer only broadcasts when the batch happens to have input_dim rows.
# Source: https://github.com/keras-team/keras/issues/15470
# Reported: "Keras custom layer issue": NMU(2, 2) in a Sequential model, weight tf.Variable(w_initialization([input_dim, output_dim])), call returns tf.reduce_prod((inputs * W) + 1 - W, axis=1); model.fit on (9999, 2) pairs fails
# Fix: give each input unit its own row before the product over the inputs, tf.expand_dims(inputs, -1) * W, so the result is (batch, input_dim, output_dim) and reduce_prod over axis 1 gives (batch, output_dim).
# keras: raises ValueError
# status: caught
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
        output = (inputs * W) + 1 - W  # expect: SL233
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
