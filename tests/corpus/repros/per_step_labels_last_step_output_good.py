# Fixed twin of per_step_labels_last_step_output_bad.py: the second LSTM returns sequences.
# Source: https://github.com/keras-team/keras/issues/13573
# keras: runs
# Family: targets-and-losses
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

inputs = tf.keras.Input(shape=(10, 100))
LSTM_1 = layers.LSTM(100, stateful=False, return_sequences=True)(inputs)
FC_1 = layers.Dense(100)(LSTM_1)
LSTM_2 = layers.LSTM(100, stateful=False, return_sequences=True)(FC_1)
label = layers.Dense(5, activation="softmax")(LSTM_2)
model = tf.keras.Model(inputs, label)
model.compile(optimizer="adam", loss="categorical_crossentropy")

x = np.random.rand(4, 10, 100)
y = tf.keras.utils.to_categorical(np.random.randint(0, 5, size=(4, 10)), num_classes=5)
model.fit(x, y, epochs=1, verbose=0)
