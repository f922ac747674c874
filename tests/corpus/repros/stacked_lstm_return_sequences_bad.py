# Repro: two stacked LSTMs, the first one returns only its last step.
# Source: https://github.com/keras-team/keras/issues/7403
# Reported: ValueError: Input 0 is incompatible with layer lstm_2: expected ndim=3, found ndim=2
# Fix: return_sequences=True on every LSTM that feeds another LSTM.
# keras: raises ValueError
# status: caught
# Family: stacked-recurrent
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

timesteps, data_dim, out_vec_size = 40, 30, 62
x = np.random.rand(8, timesteps, data_dim)
y = np.random.rand(8, out_vec_size)

model = Sequential()
model.add(LSTM(timesteps, return_sequences=False, input_shape=(timesteps, data_dim)))
model.add(LSTM(out_vec_size))  # expect: SL101
model.add(Dense(out_vec_size, activation="tanh"))
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=1, verbose=0)
