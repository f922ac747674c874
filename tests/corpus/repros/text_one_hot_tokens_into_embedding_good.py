# Fixed twin of text_one_hot_tokens_into_embedding_bad.py: integer token ids in, Input(shape=(max_length,)).
# Source: https://github.com/keras-team/tf-keras/issues/440
# keras: runs
# Family: text-pipeline
import numpy as np
from tensorflow.keras.layers import LSTM, Concatenate, Dense, Dropout, Embedding, Flatten, Input
from tensorflow.keras.models import Model


def define_model(vocab_size, max_length):
    input_texts = Input(shape=(max_length,), batch_size=1)
    embed = Embedding(vocab_size, 16, mask_zero=True)(input_texts)
    drop1 = Dropout(0.5)(embed)
    lstm1 = LSTM(8, return_sequences=True)(drop1)
    flatten = Flatten()(lstm1)
    dense1 = Dense(10, activation="relu")(flatten)
    input_parties = Input(shape=(1,), batch_size=1)
    concat = Concatenate()([dense1, input_parties])
    outputs = Dense(vocab_size, activation="softmax")(concat)
    return Model(inputs=[input_texts, input_parties], outputs=outputs)


vocab_size, max_len = 30, 6
model = define_model(vocab_size, max_len)
model.compile(loss="categorical_crossentropy", optimizer="adam")
x = np.random.randint(1, vocab_size, size=(2, max_len))
y = np.eye(vocab_size)[[3, 7]]
model.fit([x, np.random.rand(2, 1)], y, batch_size=1, epochs=1, verbose=0)
