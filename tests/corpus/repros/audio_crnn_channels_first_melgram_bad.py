# Repro: MusicTaggerCRNN built with the Theano-ordered melgram shape input_tensor=(1, 96, 1366) under channels_last: the "image" is 1 row high, so the first 2x2 pooling has nothing to pool (the Reshape((15, 128)) for the GRUs is never reached).
# Source: https://github.com/jsalbert/Music-Genre-Classification-with-Deep-Learning/issues/4
# Reported: ValueError: total size of new array must be unchanged (at x = Reshape((15, 128))(x) in MusicTaggerCRNN)
# Fix: give the channels_last melgram shape, input_tensor=(96, 1366, 1), for which the four poolings leave (1, 15, 128) for Reshape((15, 128)).
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
from keras.layers import ELU, GRU, BatchNormalization, Conv2D, Dense, Dropout, Input, MaxPooling2D, Reshape, ZeroPadding2D
from keras.models import Model


def MusicTaggerCRNN(weights=None, input_tensor=None):
    melgram_input = Input(shape=input_tensor)
    channel_axis, freq_axis, time_axis = 3, 1, 2

    x = ZeroPadding2D(padding=(0, 37))(melgram_input)
    x = BatchNormalization(axis=time_axis, name="bn_0_freq")(x)
    x = Conv2D(64, (3, 3), padding="same", name="conv1")(x)
    x = BatchNormalization(axis=channel_axis, name="bn1")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(2, 2), strides=(2, 2), name="pool1")(x)  # expect: SL114
    x = Conv2D(128, (3, 3), padding="same", name="conv2")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(3, 3), strides=(3, 3), name="pool2")(x)
    x = Conv2D(128, (3, 3), padding="same", name="conv3")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(4, 4), strides=(4, 4), name="pool3")(x)
    x = Conv2D(128, (3, 3), padding="same", name="conv4")(x)
    x = ELU()(x)
    x = MaxPooling2D(pool_size=(4, 4), strides=(4, 4), name="pool4")(x)
    x = Reshape((15, 128))(x)
    x = GRU(32, return_sequences=True, name="gru1")(x)
    x = GRU(32, return_sequences=False, name="gru2")(x)
    x = Dropout(0.3, name="final_drop")(x)
    x = Dense(10, activation="sigmoid", name="output")(x)
    return Model(melgram_input, x)


model = MusicTaggerCRNN(weights=None, input_tensor=(1, 96, 1366))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.predict(np.random.rand(1, 1, 96, 1366), verbose=0)
