# Repro: a MinMaxScaler fitted on the 9 feature columns un-scales the one-column predictions of an LSTM.
# Source: https://github.com/randerson112358/Python/issues/1
# Reported: predictions = scaler.inverse_transform(predictions): non-broadcastable output operand with shape (33093,1) doesn't match the broadcast shape (33093,9)
# Fix: fit a second scaler on the target column alone and un-scale the predictions with it.
# keras: raises ValueError
# status: caught
# Family: scalers
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler

dataset = np.random.rand(40, 9)
scaler = MinMaxScaler(feature_range=(0, 1))
scaled_data = scaler.fit_transform(dataset)
x_train = np.array([scaled_data[i - 6:i, :] for i in range(6, 40)])
y_train = scaled_data[6:40, 0]

model = Sequential()
model.add(LSTM(50, return_sequences=True, input_shape=(6, 9)))
model.add(LSTM(50))
model.add(Dense(25))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
predictions = model.predict(x_train, verbose=0)
predictions = scaler.inverse_transform(predictions)  # expect: SL241
