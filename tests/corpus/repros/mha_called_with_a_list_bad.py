# Repro: MultiHeadAttention called like Attention, with [query, value] as one list, on an LSTM's sequence.
# Source: https://github.com/rstudio/keras3/issues/1300 (R: layer_multi_head_attention(inputs = list(encoded_input, encoded_input), ...), which calls the Python layer on the list)
# Reported: TypeError: call() missing 1 required positional argument: 'value'
# Fix (answer in the thread): create the layer, then call it with query and value as separate arguments.
# keras: raises TypeError
# status: caught
# Family: transformer-mha
import numpy as np
from keras import Input, Model, layers

inp = Input(shape=(50, 10))
encoded_input = layers.BatchNormalization()(inp)
encoded_input = layers.LSTM(64, return_sequences=True, recurrent_dropout=0.2)(encoded_input)
encoded_input_att = layers.MultiHeadAttention(num_heads=10, key_dim=64)([encoded_input, encoded_input])  # expect: SL105
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(encoded_input_att))

model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 50, 10), np.random.rand(4, 1), epochs=1, verbose=0)
