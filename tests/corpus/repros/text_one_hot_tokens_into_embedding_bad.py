# Repro: next-word model whose text input is declared one-hot, (max_length, vocab_size), and then embedded: the Embedding adds an axis and the LSTM gets rank 4.
# Source: https://github.com/keras-team/tf-keras/issues/440
# Reported: ValueError: Input 0 of layer lstm_112 is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: (1, 72, 110907, 200)
# Fix: feed the integer token ids, Input(shape=(max_length,)): the Embedding itself turns each id into a vector.
# keras: raises ValueError
# status: caught
# Family: text-pipeline
import numpy as np
from tensorflow.keras.layers import LSTM, Concatenate, Dense, Dropout, Embedding, Flatten, Input
from tensorflow.keras.models import Model


def define_model(vocab_size, max_length):
    input_texts = Input(shape=(max_length, vocab_size), batch_size=1)
    embed = Embedding(vocab_size, 16, mask_zero=True)(input_texts)
    drop1 = Dropout(0.5)(embed)
    lstm1 = LSTM(8, return_sequences=True)(drop1)  # expect: SL101
    flatten = Flatten()(lstm1)
    dense1 = Dense(10, activation="relu")(flatten)
    input_parties = Input(shape=(1,), batch_size=1)
    concat = Concatenate()([dense1, input_parties])
    outputs = Dense(vocab_size, activation="softmax")(concat)
    return Model(inputs=[input_texts, input_parties], outputs=outputs)


vocab_size, max_len = 30, 6
model = define_model(vocab_size, max_len)
model.compile(loss="categorical_crossentropy", optimizer="adam")
