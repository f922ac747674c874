# Fixed twin of cnn_lstm_fit_on_single_images_bad.py: the frames are grouped into clips of `frames` images.
# Source: https://github.com/keras-team/keras/issues/14836
# keras: runs
# Family: cnn-lstm-video
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

frames, h, w = 4, 16, 16
clips = np.random.rand(2, frames, h, w, 3).astype("float32")
labels = np.random.randint(0, 2, size=(2,))
train_ds = tf.data.Dataset.from_tensor_slices((clips, labels)).batch(2)

model = tf.keras.Sequential()
model.add(layers.Input(shape=(frames, h, w, 3)))
model.add(layers.TimeDistributed(layers.Conv2D(8, (3, 3), strides=(2, 2), activation="relu")))
model.add(layers.TimeDistributed(layers.MaxPooling2D((2, 2))))
model.add(layers.TimeDistributed(layers.Flatten()))
model.add(layers.LSTM(16))
model.add(layers.Dense(2, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
