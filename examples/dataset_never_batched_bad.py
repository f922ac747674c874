"""Forecaster fed by tf.data: the dataset is never batched, so each window arrives alone."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.default_rng(0)
X = rng.normal(size=(256, 30, 4)).astype("float32")  # 256 windows of 30 steps
y = rng.normal(size=(256, 1)).astype("float32")

train_ds = tf.data.Dataset.from_tensor_slices((X, y))
train_ds = train_ds.shuffle(256).cache().prefetch(tf.data.AUTOTUNE)

inputs = keras.Input(shape=(30, 4))
x = layers.LSTM(32)(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(train_ds, epochs=1, verbose=0)  # expect: SL209
