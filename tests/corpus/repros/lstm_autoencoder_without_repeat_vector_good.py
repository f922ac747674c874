# Fixed twin of lstm_autoencoder_without_repeat_vector_bad.py: RepeatVector between encoder and decoder.
# Source: https://github.com/keras-team/keras/issues/1401
# keras: runs
# Family: stacked-recurrent
import numpy as np
from keras.layers import LSTM, RepeatVector
from keras.models import Sequential

data = np.random.randint(0, 2, size=(8, 10, 5)).astype("float32")

model = Sequential()
encoded = LSTM(3, input_shape=(10, 5))
model.add(encoded)
model.add(RepeatVector(10))
decoded = LSTM(5, return_sequences=True)
model.add(decoded)
model.compile(loss="mse", optimizer="adam")
model.fit(data, data, epochs=1, verbose=0)
