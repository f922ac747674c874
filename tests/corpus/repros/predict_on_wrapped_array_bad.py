# Repro: the test windows are wrapped in one more list before predict, giving (1, N, 60, 2).
# Source: https://github.com/molson194/LSTM-Stock-Prediction/issues/1
# Reported: ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: [None, 1, 60, 2]
# Fix: pass the (N, 60, 2) array itself.
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

x_train = np.random.rand(8, 60, 2)
y_train = np.random.rand(8, 1)
x_test = np.random.rand(3, 60, 2)

model = Sequential()
model.add(LSTM(50, return_sequences=True, input_shape=(60, 2)))
model.add(LSTM(50))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(x_train, y_train, batch_size=4, epochs=1, verbose=0)
predictions = model.predict(np.array([x_test]), verbose=0)  # expect: SL209
