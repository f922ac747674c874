# Repro: two LSTMs chained in the functional API, the first without return_sequences.
# Source: https://github.com/bibtissam/LSTM-Attention-FraudDetection/pull/3
# Reported: ValueError: Input 0 of layer "lstm_1" is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (None, 50)
# Fix (the pull request): return_sequences=True on the first LSTM.
# keras: raises ValueError
# status: caught
# Family: stacked-recurrent
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Model

inputs = Input(shape=(12, 8))
x1 = LSTM(50, dropout=0.3, recurrent_dropout=0.2)(inputs)
x2 = LSTM(50, dropout=0.3, recurrent_dropout=0.2)(x1)  # expect: SL101
outputs = Dense(1, activation="sigmoid")(x2)
model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(4, 12, 8), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
