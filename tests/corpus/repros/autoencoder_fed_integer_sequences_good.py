# Fixed twin of autoencoder_fed_integer_sequences_bad.py: the sequences are one-hot encoded.
# Source: https://github.com/keras-team/keras/issues/8889
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Input, RepeatVector
from keras.models import Model
from keras.utils import to_categorical

MAX_LEN, CATEGORY_NUMS = 12, 25
sequences = np.random.randint(0, CATEGORY_NUMS, size=(8, MAX_LEN))
onehot = to_categorical(sequences, num_classes=CATEGORY_NUMS)

MInput = Input(shape=(MAX_LEN, CATEGORY_NUMS))
encode_seq = LSTM(32)(MInput)
decode_seq = RepeatVector(MAX_LEN)(encode_seq)
decode_seq = LSTM(CATEGORY_NUMS, return_sequences=True)(decode_seq)
autoencoder = Model(MInput, decode_seq)
autoencoder.compile(optimizer="adam", loss="categorical_crossentropy")
autoencoder.fit(onehot, onehot, epochs=1, verbose=0)
