# Fixed twin of predict_on_wrapped_array_bad.py: predict on the windows themselves.
# Source: https://github.com/molson194/LSTM-Stock-Prediction/issues/1
# keras: runs
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
predictions = model.predict(x_test, verbose=0)
