# Fixed twin of mha_rank4_masked_inputs_bad.py: the 12 x 16 token ids are reshaped into one sequence of 192 tokens before the Embedding, so MultiHeadAttention gets rank-3 query/value and (batch, steps) masks.
# Source: https://github.com/tensorflow/tensorflow/issues/60626
# keras: runs
# Family: transformer-mha
import numpy as np
import tensorflow as tf

SENTENCES, WORDS, DIM, VOCAB = 12, 16, 32, 100

doc_ids = tf.keras.Input(shape=(SENTENCES, WORDS), dtype="int32")
flat_ids = tf.keras.layers.Reshape((SENTENCES * WORDS,))(doc_ids)
x = tf.keras.layers.Embedding(VOCAB, DIM, mask_zero=True)(flat_ids)  # (B, 192, 32), mask (B, 192)
x = tf.keras.layers.MultiHeadAttention(num_heads=2, key_dim=16)(x, x)
x = tf.keras.layers.GlobalAveragePooling1D()(x)
out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(doc_ids, out)
model.compile(optimizer="adam", loss="binary_crossentropy")

X = np.random.randint(1, VOCAB, (4, SENTENCES, WORDS))
X[:, :, 10:] = 0  # padded words
y = np.array([[0], [1], [0], [1]])
model.fit(X, y, epochs=1, verbose=0)
