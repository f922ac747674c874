# Fixed twin of functional_stacked_lstm_bad.py: the first LSTM returns sequences.
# Source: https://github.com/bibtissam/LSTM-Attention-FraudDetection/pull/3
# keras: runs
# Family: stacked-recurrent
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Model

inputs = Input(shape=(12, 8))
x1 = LSTM(50, dropout=0.3, recurrent_dropout=0.2, return_sequences=True)(inputs)
x2 = LSTM(50, dropout=0.3, recurrent_dropout=0.2)(x1)
outputs = Dense(1, activation="sigmoid")(x2)
model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(4, 12, 8), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
