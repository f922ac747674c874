# Fixed twin of convlstm_input_shape_from_data_shape_bad.py: input_shape is the shape of one sample.
# Source: https://github.com/keras-team/keras/issues/10235
# keras: runs
# Family: convlstm
import numpy as np
from keras.layers import ConvLSTM2D, Dense, Flatten
from keras.models import Sequential

lstm_out = 8
x_train = np.random.rand(4, 3, 1, 1, 6)
y_train = np.random.rand(4, 1)

model = Sequential()
model.add(ConvLSTM2D(lstm_out, dropout=0.2, input_shape=x_train.shape[1:], kernel_size=(5, 1), padding="same", return_sequences=0))
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x_train, y_train, batch_size=2, epochs=1, verbose=0)
