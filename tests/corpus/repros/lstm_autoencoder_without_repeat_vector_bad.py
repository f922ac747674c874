# Repro: LSTM autoencoder whose decoder LSTM receives the encoder's vector, not a sequence.
# Source: https://github.com/keras-team/keras/issues/1401
# Reported: ValueError: Input 0 is incompatible with layer lstm_5: expected ndim=3, found ndim=2
# Fix: repeat the code vector over the steps with RepeatVector(10) before the decoder.
# keras: raises ValueError
# status: caught
# Family: stacked-recurrent
import numpy as np
from keras.layers import LSTM
from keras.models import Sequential

data = np.random.randint(0, 2, size=(8, 10, 5)).astype("float32")

model = Sequential()
encoded = LSTM(3, input_shape=(10, 5))
model.add(encoded)
decoded = LSTM(5, return_sequences=True)  # expect: SL101
model.add(decoded)
model.compile(loss="mse", optimizer="adam")
model.fit(data, data, epochs=1, verbose=0)
