# Fixed twin of cudnnlstm_import_bad.py: LSTM instead of CuDNNLSTM.
# Source: https://github.com/FlorentF9/DeepTemporalClustering/issues/15
# keras: runs
# Family: keras3-api
import numpy as np
from tensorflow.keras.layers import LSTM, Bidirectional, Dense, Input
from tensorflow.keras.models import Model

timesteps, input_dim, n_units = 12, 3, 16
x = Input(shape=(timesteps, input_dim))
encoded = Bidirectional(LSTM(n_units, return_sequences=False))(x)
decoded = Dense(input_dim)(encoded)
autoencoder = Model(x, decoded)
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(np.random.rand(4, timesteps, input_dim), np.random.rand(4, input_dim), epochs=1, verbose=0)
