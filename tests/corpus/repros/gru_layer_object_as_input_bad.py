# Repro: the "stacking recurrent cells" line of a GRU text classifier is uncommented without its call, so x is the GRU layer object, and the next GRU is called on that object.
# Source: https://github.com/mrdbourke/tensorflow-deep-learning/pull/672
# Reported: ValueError: Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: <GRU name=gru_6, built=False> (of type <class 'keras.src.layers.rnn.gru.GRU'>)
# Fix: call the first GRU on the embedded tokens, layers.GRU(64, return_sequences=True)(x), before stacking the second.
# keras: raises ValueError
# status: caught
# Family: keras3-api
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

inputs = layers.Input(shape=(15,), dtype="int32")
x = layers.Embedding(input_dim=1000, output_dim=128)(inputs)
x = layers.GRU(64, return_sequences=True)  # stacking recurrent cells requires return_sequences=True
x = layers.GRU(64)(x)  # expect: SL116
outputs = layers.Dense(1, activation="sigmoid")(x)
model_3 = tf.keras.Model(inputs, outputs, name="model_3_GRU")
model_3.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model_3.fit(np.random.randint(0, 1000, size=(8, 15)), np.random.randint(0, 2, size=(8, 1)), epochs=1, verbose=0)
