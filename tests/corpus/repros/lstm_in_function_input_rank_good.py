# Fixed twin of lstm_in_function_input_rank_bad.py: the Input declares one step of 129 features.
# Source: https://github.com/keras-team/keras/issues/12782
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Input
from keras.models import Model


def build_lstm(lstm_input, hidden_dim=256):
    out = LSTM(hidden_dim)(lstm_input)
    return out


lstm_input = Input(shape=(1, 129), name="lstm_input")
out = build_lstm(lstm_input)
predictions = Dense(256, activation="softmax")(out)
model = Model(inputs=lstm_input, outputs=predictions)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(np.random.rand(4, 1, 129), np.eye(256)[np.random.randint(0, 256, size=4)], epochs=1, verbose=0)
