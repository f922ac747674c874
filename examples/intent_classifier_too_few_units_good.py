"""Intent classifier over 10 intents with one softmax unit per intent."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_intents = 10
X = np.random.rand(32, 12, 4).astype("float32")
y = np.random.randint(0, n_intents, size=(32,))

model = keras.Sequential([
    keras.Input(shape=(12, 4)),
    layers.GRU(16),
    layers.Dense(n_intents, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, verbose=0)
