# Fixed twin of gru_layer_object_as_input_bad.py: the first GRU is called on the embedded tokens before the second one is stacked on it.
# Source: https://github.com/mrdbourke/tensorflow-deep-learning/pull/672
# keras: runs
# Family: keras3-api
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

inputs = layers.Input(shape=(15,), dtype="int32")
x = layers.Embedding(input_dim=1000, output_dim=128)(inputs)
x = layers.GRU(64, return_sequences=True)(x)  # stacking recurrent cells requires return_sequences=True
x = layers.GRU(64)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model_3 = tf.keras.Model(inputs, outputs, name="model_3_GRU")
model_3.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model_3.fit(np.random.randint(0, 1000, size=(8, 15)), np.random.randint(0, 2, size=(8, 1)), epochs=1, verbose=0)
