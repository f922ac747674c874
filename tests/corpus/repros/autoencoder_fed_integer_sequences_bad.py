# Repro: a seq2seq autoencoder declared for one-hot steps (MAX_LEN, CATEGORY_NUMS), fed integer codes (N, MAX_LEN).
# Source: https://github.com/keras-team/keras/issues/8889
# Reported: ValueError: Input 0 is incompatible with layer lstm_2: expected ndim=3, found ndim=2
# Fix: one-hot encode the sequences (to_categorical) so that the data is (N, MAX_LEN, CATEGORY_NUMS).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Input, RepeatVector
from keras.models import Model

MAX_LEN, CATEGORY_NUMS = 12, 25
sequences = np.random.randint(0, CATEGORY_NUMS, size=(8, MAX_LEN))

MInput = Input(shape=(MAX_LEN, CATEGORY_NUMS))
encode_seq = LSTM(32)(MInput)
decode_seq = RepeatVector(MAX_LEN)(encode_seq)
decode_seq = LSTM(CATEGORY_NUMS, return_sequences=True)(decode_seq)
autoencoder = Model(MInput, decode_seq)
autoencoder.compile(optimizer="adam", loss="categorical_crossentropy")
autoencoder.fit(sequences, sequences, epochs=1, verbose=0)  # expect: SL209
