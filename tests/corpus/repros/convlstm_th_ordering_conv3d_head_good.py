# Fixed twin of convlstm_th_ordering_conv3d_head_bad.py: channels last everywhere, input_shape=(2, 12, 8, 1).
# Source: https://github.com/keras-team/keras/pull/1818
# keras: runs
# Family: convlstm
import numpy as np
from keras.layers import Conv3D, ConvLSTM2D
from keras.models import Sequential

ts_data = np.random.rand(6, 3, 12, 8, 1)
X, Y = ts_data[:, :-1], ts_data[:, 1:]

model = Sequential()
model.add(ConvLSTM2D(2, (3, 3), input_shape=(2, 12, 8, 1), padding="same", return_sequences=True))
model.add(ConvLSTM2D(2, (3, 3), padding="same", return_sequences=True))
model.add(Conv3D(filters=1, kernel_size=(1, 3, 3), activation="sigmoid", padding="same"))
model.compile(loss="binary_crossentropy", optimizer="adadelta")
model.fit(X, Y, batch_size=2, epochs=1, verbose=0)
