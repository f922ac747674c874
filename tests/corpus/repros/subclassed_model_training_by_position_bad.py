# Repro: a time-series Transformer (a keras.Model subclass) hands its training flag to its encoder by position, self.encoder(enc_input, training); the model builds, and fit raises.
# Source: https://github.com/AnswerXuan/Galformer-Improved-Transformer-for-Time-Series-Prediction/issues/1
# Reported: ValueError: Exception encountered when calling Transformer.call(). Only input tensors may be passed as positional arguments. (at enc_output = self.encoder(enc_input, training))
# Fix: pass the flag by keyword, self.encoder(enc_input, training=training).
# keras: raises ValueError
# status: caught
# Family: keras3-api
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Encoder(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.dense = layers.Dense(units, activation="relu")
        self.dropout = layers.Dropout(0.1)

    def call(self, x, training=None):
        return self.dropout(self.dense(x), training=training)


class Transformer(keras.Model):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder(16)
        self.pool = layers.GlobalAveragePooling1D()
        self.head = layers.Dense(1)

    def call(self, x, training=None):
        enc_output = self.encoder(x, training)  # expect: SL116
        return self.head(self.pool(enc_output))


model = Transformer()
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 3, 4), np.random.rand(8, 1), batch_size=4, epochs=1, verbose=0)
