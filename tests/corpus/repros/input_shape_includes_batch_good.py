# Fixed twin of input_shape_includes_batch_bad.py: input_shape without the batch axis.
# Source: https://github.com/keras-team/keras/issues/11480
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

InputBatch = np.random.rand(6, 30)
InputBatch = np.expand_dims(InputBatch, 0)
PositiveOrNegativeLabel = np.array([[1.0]])

model = Sequential()
model.add(LSTM(100, input_shape=(6, 30), return_sequences=False))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="mean_absolute_error", optimizer="adam", metrics=["accuracy"])
model.fit(InputBatch, PositiveOrNegativeLabel, batch_size=6, epochs=1, verbose=0)
