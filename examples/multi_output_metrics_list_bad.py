"""Keras 2 multi-task tagger: one metrics list meant for both outputs."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

tokens = np.random.randint(1, 500, size=(64, 20))
sentiment = np.random.randint(0, 2, size=(64, 1))
topic = keras.utils.to_categorical(np.random.randint(0, 4, size=(64,)), 4)

inputs = keras.Input(shape=(20,))
embedded = layers.Embedding(500, 32)(inputs)
encoded = layers.Bidirectional(layers.LSTM(16))(embedded)
sentiment_out = layers.Dense(1, activation="sigmoid", name="sentiment")(encoded)
topic_out = layers.Dense(4, activation="softmax", name="topic")(encoded)
model = keras.Model(inputs, [sentiment_out, topic_out])
losses = ["binary_crossentropy", "categorical_crossentropy"]
model.compile(optimizer="adam", loss=losses, metrics=["accuracy"])  # expect: SL220
model.fit(tokens, [sentiment, topic], epochs=1, verbose=0)
