# Repro: input_shape given with the batch axis, (1, 6, 30) instead of (6, 30).
# Source: https://github.com/keras-team/keras/issues/11480
# Reported: ValueError: Input 0 is incompatible with layer lstm_33: expected ndim=3, found ndim=4
# Fix: input_shape=(6, 30): Keras adds the batch axis itself. (nb_epoch= of the report is written epochs=.)
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

InputBatch = np.random.rand(6, 30)
InputBatch = np.expand_dims(InputBatch, 0)
PositiveOrNegativeLabel = np.array([[1.0]])

model = Sequential()
model.add(LSTM(100, input_shape=(1, 6, 30), return_sequences=False))  # expect: SL102
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="mean_absolute_error", optimizer="adam", metrics=["accuracy"])
model.fit(InputBatch, PositiveOrNegativeLabel, batch_size=6, epochs=1, verbose=0)
