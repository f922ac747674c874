# Repro: the last ConvLSTM2D returns only the final state (return_sequences=False), so the model outputs one map per clip, but the targets are whole clips.
# Source: https://github.com/keras-team/keras/issues/10572
# Reported: ValueError: Error when checking target: expected activation_1 to have 4 dimensions, but got array with shape (1, 5, 256, 256, 3)
# Fix: the model predicts one map per clip, so give one target map per clip, shape (samples, 256, 256, 3).
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
from keras.layers import Activation, Conv2D, ConvLSTM2D
from keras.models import Sequential
from keras.regularizers import l2

model = Sequential()
model.add(ConvLSTM2D(8, 3, padding="same", input_shape=(5, 16, 16, 3), recurrent_activation="hard_sigmoid", return_sequences=True))
model.add(ConvLSTM2D(8, 3, padding="same", recurrent_activation="hard_sigmoid", return_sequences=False))
model.add(Conv2D(3, 1, padding="same", kernel_initializer="he_uniform", kernel_regularizer=l2(0.0001), data_format="channels_last"))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")

x = np.random.rand(1, 5, 16, 16, 3)
y = np.random.rand(1, 5, 16, 16, 3)
model.fit(x, y, epochs=1, verbose=0)  # expect: SL201
