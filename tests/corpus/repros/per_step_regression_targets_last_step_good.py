# Fixed twin of per_step_regression_targets_last_step_bad.py: the second LSTM returns sequences.
# Source: https://github.com/google-parfait/tensorflow-federated/issues/3920
# keras: runs
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

steps, features = 6, 12
x = np.random.rand(8, steps, features)
y = np.random.rand(8, steps, features)

model = Sequential()
model.add(LSTM(16, name="lstm_layer1", return_sequences=True, input_shape=(steps, features)))
model.add(LSTM(16, name="lstm_layer2", return_sequences=True))
model.add(Dense(features))
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=4, epochs=1, verbose=0)
