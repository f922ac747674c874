# Repro: ConvLSTM2D(input_shape=x_train.shape): the sample count becomes part of each sample, so the layer sees a rank-6 input.
# Source: https://github.com/keras-team/keras/issues/10235
# Reported: ValueError: Input 0 is incompatible with layer conv_lst_m2d_4: expected ndim=5, found ndim=6
# Fix: input_shape=x_train.shape[1:], the shape of one sample (time, rows, cols, channels).
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
from keras.layers import ConvLSTM2D, Dense, Flatten
from keras.models import Sequential

lstm_out = 8
x_train = np.random.rand(4, 3, 1, 1, 6)
y_train = np.random.rand(4, 1)

model = Sequential()
model.add(ConvLSTM2D(lstm_out, dropout=0.2, input_shape=x_train.shape, kernel_size=(5, 1), padding="same", return_sequences=0))  # expect: SL102
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x_train, y_train, batch_size=2, epochs=1, verbose=0)
