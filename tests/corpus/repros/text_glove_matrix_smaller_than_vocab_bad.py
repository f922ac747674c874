# Repro: summarization encoder whose Embedding size is taken from a GloVe matrix built only for the words GloVe knows, while the tokenizer's word ids run up to the full vocabulary size.
# Source: https://github.com/tensorflow/tensorflow/issues/51555
# Reported: InvalidArgumentError: indices[15,28] = 22105 is not in [0, 22015) [[node encoder/embedding/embedding_lookup]]
# Fix: build the embedding matrix with one row per word id (len(word_index) + 1 rows, zeros for words GloVe lacks) and size the Embedding from it.
# keras: raises InvalidArgumentError
# status: caught
# Family: text-pipeline
import numpy as np
import tensorflow as tf

texts = ["the storm hit the coast", "markets fell sharply today", "the team won the final"]
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
glove = {w: np.random.rand(8) for w in ["the", "storm", "coast", "markets", "fell", "today", "team", "won"]}
embedding_matrix = np.array([glove[w] for w in word_index if w in glove])

sequences = [[word_index[w] for w in t.split()] for t in texts]
enc_input = tf.keras.preprocessing.sequence.pad_sequences(sequences, maxlen=5)

encoder_inputs = tf.keras.Input(shape=(5,))
enc_emb = tf.keras.layers.Embedding(embedding_matrix.shape[0], 8, weights=[embedding_matrix], trainable=False)(encoder_inputs)  # expect: SL210
encoder_outputs, state_h, state_c = tf.keras.layers.LSTM(8, return_state=True)(enc_emb)
out = tf.keras.layers.Dense(1)(state_h)
model = tf.keras.Model(encoder_inputs, out)
model.compile(optimizer="rmsprop", loss="mse")
model.fit(enc_input, np.random.rand(3, 1), epochs=1, verbose=0)
