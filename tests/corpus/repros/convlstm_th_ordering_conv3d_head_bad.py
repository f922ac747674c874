# Repro: ConvLSTM2D and a Conv3D head both given the channels-first ("th") ordering: for ConvLSTM2D that is (time, channels, rows, cols) but Conv3D reads axis 1 (time) as its channels, so the output frames come out transposed.
# Source: https://github.com/keras-team/keras/pull/1818
# Reported: (jasper95, comment) the LSTMConv2D + Convolution3D model with dim_ordering='th' and input_shape=(2, 1, 54, 36) fails to train on X, Y of shape (n, 2, 1, 54, 36)
# Fix (jeammimi's answer): put the channel axis at the end, input_shape=(2, 54, 36, 1), and use the channels_last ("tf") ordering for both layers.
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
from keras.layers import Conv3D, ConvLSTM2D
from keras.models import Sequential

ts_data = np.random.rand(6, 3, 1, 12, 8)
X, Y = ts_data[:, :-1], ts_data[:, 1:]

model = Sequential()
model.add(ConvLSTM2D(2, (3, 3), input_shape=(2, 1, 12, 8), padding="same", data_format="channels_first", return_sequences=True))
model.add(ConvLSTM2D(2, (3, 3), padding="same", data_format="channels_first", return_sequences=True))
model.add(Conv3D(filters=1, kernel_size=(1, 3, 3), activation="sigmoid", padding="same", data_format="channels_first"))
model.compile(loss="binary_crossentropy", optimizer="adadelta")
model.fit(X, Y, batch_size=2, epochs=1, verbose=0)  # expect: SL203
