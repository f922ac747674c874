"""Univariate forecaster: windows cut in a loop get a feature axis, (samples, 10, 1)."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

series = np.sin(np.arange(300) / 10.0).astype("float32")
look_back = 10

X, y = [], []
for i in range(len(series) - look_back):
    X.append(series[i:i + look_back])
    y.append(series[i + look_back])
X, y = np.array(X), np.array(y)
X = X.reshape((X.shape[0], X.shape[1], 1))

model = Sequential()
model.add(LSTM(16))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=32, verbose=0)
