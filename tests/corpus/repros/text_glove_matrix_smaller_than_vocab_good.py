# Fixed twin of text_glove_matrix_smaller_than_vocab_bad.py: one matrix row per word id (zeros where GloVe lacks the word).
# Source: https://github.com/tensorflow/tensorflow/issues/51555
# keras: runs
# Family: text-pipeline
import numpy as np
import tensorflow as tf

texts = ["the storm hit the coast", "markets fell sharply today", "the team won the final"]
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
glove = {w: np.random.rand(8) for w in ["the", "storm", "coast", "markets", "fell", "today", "team", "won"]}
embedding_matrix = np.zeros((len(word_index) + 1, 8))
for word, i in word_index.items():
    if word in glove:
        embedding_matrix[i] = glove[word]

sequences = [[word_index[w] for w in t.split()] for t in texts]
enc_input = tf.keras.preprocessing.sequence.pad_sequences(sequences, maxlen=5)

encoder_inputs = tf.keras.Input(shape=(5,))
enc_emb = tf.keras.layers.Embedding(embedding_matrix.shape[0], 8, weights=[embedding_matrix], trainable=False)(encoder_inputs)
encoder_outputs, state_h, state_c = tf.keras.layers.LSTM(8, return_state=True)(enc_emb)
out = tf.keras.layers.Dense(1)(state_h)
model = tf.keras.Model(encoder_inputs, out)
model.compile(optimizer="rmsprop", loss="mse")
model.fit(enc_input, np.random.rand(3, 1), epochs=1, verbose=0)
