# Repro: a TimeDistributed CNN + LSTM built for clips (frames, h, w, 3) is fitted on a dataset of single images (batch, h, w, 3).
# Source: https://github.com/keras-team/keras/issues/14836
# Reported: ValueError: Input 0 of layer sequential_10 is incompatible with the layer: expected ndim=5, found ndim=4. Full shape received: (None, None, None, None)
# Fix: group the frames into clips, so each sample is (frames, h, w, 3).
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

frames, h, w = 4, 16, 16
images = np.random.rand(8, h, w, 3).astype("float32")
labels = np.random.randint(0, 2, size=(8,))
train_ds = tf.data.Dataset.from_tensor_slices((images, labels)).batch(4)

model = tf.keras.Sequential()
model.add(layers.Input(shape=(frames, h, w, 3)))
model.add(layers.TimeDistributed(layers.Conv2D(8, (3, 3), strides=(2, 2), activation="relu")))
model.add(layers.TimeDistributed(layers.MaxPooling2D((2, 2))))
model.add(layers.TimeDistributed(layers.Flatten()))
model.add(layers.LSTM(16))
model.add(layers.Dense(2, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)  # expect: SL209
