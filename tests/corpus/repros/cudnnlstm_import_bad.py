# Repro: Keras-2-era code that imports CuDNNLSTM, which no longer exists.
# Source: https://github.com/FlorentF9/DeepTemporalClustering/issues/15 (also https://github.com/Kaggle/docker-python/pull/841)
# Reported: ImportError: cannot import name 'CuDNNLSTM' from 'keras.layers'
# Fix (answer in the thread): use LSTM, which picks the cuDNN kernel by itself on a GPU.
# keras: raises ImportError
# status: caught
# Family: keras3-api
import numpy as np
from tensorflow.keras.layers import Bidirectional, CuDNNLSTM, Dense, Input  # expect: SL216
from tensorflow.keras.models import Model

timesteps, input_dim, n_units = 12, 3, 16
x = Input(shape=(timesteps, input_dim))
encoded = Bidirectional(CuDNNLSTM(n_units, return_sequences=False))(x)
decoded = Dense(input_dim)(encoded)
autoencoder = Model(x, decoded)
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(np.random.rand(4, timesteps, input_dim), np.random.rand(4, input_dim), epochs=1, verbose=0)
