# Fixed twin of mha_called_with_a_list_bad.py: the layer is called with query and value as two arguments.
# Source: https://github.com/rstudio/keras3/issues/1300
# keras: runs
# Family: transformer-mha
import numpy as np
from keras import Input, Model, layers

inp = Input(shape=(50, 10))
encoded_input = layers.BatchNormalization()(inp)
encoded_input = layers.LSTM(64, return_sequences=True, recurrent_dropout=0.2)(encoded_input)
encoded_input_att_layer = layers.MultiHeadAttention(num_heads=10, key_dim=64)
encoded_input_att = encoded_input_att_layer(encoded_input, encoded_input)
out = layers.Dense(1)(layers.GlobalAveragePooling1D()(encoded_input_att))

model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 50, 10), np.random.rand(4, 1), epochs=1, verbose=0)
