# Repro: per-step regression targets (N, steps, 12) for a model whose second LSTM keeps only the last step.
# Source: https://github.com/google-parfait/tensorflow-federated/issues/3920
# Reported: Incompatible shapes: [32,12] vs. [32,998,12]
# Fix (the reporter's own): return_sequences=True on lstm_layer2.
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

steps, features = 6, 12
x = np.random.rand(8, steps, features)
y = np.random.rand(8, steps, features)

model = Sequential()
model.add(LSTM(16, name="lstm_layer1", return_sequences=True, input_shape=(steps, features)))
model.add(LSTM(16, name="lstm_layer2", return_sequences=False))
model.add(Dense(features))
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, batch_size=4, epochs=1, verbose=0)  # expect: SL203
