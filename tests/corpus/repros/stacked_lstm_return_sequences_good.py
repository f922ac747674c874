# Fixed twin of stacked_lstm_return_sequences_bad.py: the first LSTM returns sequences.
# Source: https://github.com/keras-team/keras/issues/7403
# keras: runs
# Family: stacked-recurrent
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

timesteps, data_dim, out_vec_size = 40, 30, 62
x = np.random.rand(8, timesteps, data_dim)
y = np.random.rand(8, out_vec_size)

model = Sequential()
model.add(LSTM(timesteps, return_sequences=True, input_shape=(timesteps, data_dim)))
model.add(LSTM(out_vec_size))
model.add(Dense(out_vec_size, activation="tanh"))
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=1, verbose=0)
