# Fixed twin of convlstm_on_conv2d_feature_map_bad.py: clips of frames, a per-frame Conv2D, then the ConvLSTM2D over time.
# Source: https://github.com/keras-team/keras/issues/8442
# keras: runs
# Family: convlstm
import numpy as np
from tensorflow.keras.layers import Conv2D, ConvLSTM2D, Dense, Flatten, Input, TimeDistributed
from tensorflow.keras.models import Model

clip = Input(shape=(2, 24, 16, 1))
x = TimeDistributed(Conv2D(16, (3, 3), strides=(2, 2), padding="same", activation="relu"))(clip)
x = ConvLSTM2D(8, (3, 3), padding="same", return_sequences=False)(x)
x = Flatten()(x)
out = Dense(7)(x)
model = Model(clip, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(2, 2, 24, 16, 1), np.random.rand(2, 7), epochs=1, verbose=0)
