# Fixed twin of convlstm_channels_first_conv3d_head_bad.py: channels last for every layer and one target frame per input frame.
# Source: https://github.com/keras-team/keras/issues/18743
# keras: runs
# Family: convlstm
import numpy as np
import keras
from keras import layers

inputs = keras.Input((4, 16, 16, 1))
x = layers.ConvLSTM2D(8, (3, 3), padding="same", return_sequences=True)(inputs)
x = layers.ConvLSTM2D(8, (3, 3), padding="same", return_sequences=True)(x)
outputs = layers.Conv3D(1, (3, 3, 3), activation="sigmoid", padding="same")(x)
model = keras.Model(inputs, outputs)
model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam())
frames = np.moveaxis(np.random.rand(2, 5, 1, 16, 16), 2, -1)
x_train, y_train = frames[:, :-1], frames[:, 1:]
model.fit(x_train, y_train, batch_size=2, epochs=1, verbose=0)
