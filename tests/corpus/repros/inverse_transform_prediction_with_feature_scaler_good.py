# Fixed twin of inverse_transform_prediction_with_feature_scaler_bad.py: the predictions are un-scaled by a scaler of the target column.
# Source: https://github.com/randerson112358/Python/issues/1
# keras: runs
# Family: scalers
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler

dataset = np.random.rand(40, 9)
scaler = MinMaxScaler(feature_range=(0, 1))
scaled_data = scaler.fit_transform(dataset)
target_scaler = MinMaxScaler(feature_range=(0, 1))
target_scaler.fit(dataset[:, :1])
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
predictions = target_scaler.inverse_transform(predictions)
