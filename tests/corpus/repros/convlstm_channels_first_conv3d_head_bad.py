# Repro: nowcasting: channels-first ConvLSTM2D stack on 4 radar frames with a default (channels_last) Conv3D head, trained against the next 16 frames.
# Source: https://github.com/keras-team/keras/issues/18743
# Reported: an error when fitting the model built from the keras.io conv_lstm example (inputs (batch, 4, 1, 252, 252), targets (batch, 16, 1, 252, 252))
# Fix: move the channel axis last (the layout both ConvLSTM2D and Conv3D default to) and train on target clips as long as the input clips (next-frame targets, as in the keras.io example the maintainers pointed to).
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
import keras
from keras import layers

inputs = keras.Input((4, 1, 16, 16))
x = layers.ConvLSTM2D(8, (3, 3), padding="same", return_sequences=True, data_format="channels_first")(inputs)
x = layers.ConvLSTM2D(8, (3, 3), padding="same", return_sequences=True, data_format="channels_first")(x)
outputs = layers.Conv3D(1, (3, 3, 3), activation="sigmoid", padding="same")(x)
model = keras.Model(inputs, outputs)
model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam())
x_train = np.random.rand(2, 4, 1, 16, 16)
y_train = np.random.rand(2, 16, 1, 16, 16)
model.fit(x_train, y_train, batch_size=2, epochs=1, verbose=0)  # expect: SL203
