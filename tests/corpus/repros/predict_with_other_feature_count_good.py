# Fixed twin of predict_with_other_feature_count_bad.py: the test windows use the training features.
# Source: https://github.com/tensorflow/tensorflow/issues/53728
# keras: runs
# Family: input-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

data = np.random.rand(20, 34)
trainX = data[:16, :4].reshape(16, 1, 4)
trainY = np.random.rand(16, 1)
testX = data[16:, :4].reshape(4, 1, 4)

model = Sequential()
model.add(LSTM(8, input_shape=(1, 4)))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=4, verbose=0)
yhat = model.predict(testX, verbose=0)
