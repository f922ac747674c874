# Repro: an LSTM trained on windows of 4 features asked to predict on windows built from all 34 columns.
# Source: https://github.com/tensorflow/tensorflow/issues/53728
# Reported: ValueError: Input 0 of layer "sequential" is incompatible with the layer: expected shape=(None, 1, 4), found shape=(None, 1, 34)
# Fix: build the prediction windows from the same 4 feature columns.
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

data = np.random.rand(20, 34)
trainX = data[:16, :4].reshape(16, 1, 4)
trainY = np.random.rand(16, 1)
testX = data[16:].reshape(4, 1, 34)

model = Sequential()
model.add(LSTM(8, input_shape=(1, 4)))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=4, verbose=0)
yhat = model.predict(testX, verbose=0)  # expect: SL209
