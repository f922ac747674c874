# Repro: MultiHeadAttention on rank-4 inputs (documents of 12 sentences of 16 tokens) whose Keras mask comes from Embedding(mask_zero=True): the attention mask MultiHeadAttention builds from the query and value masks assumes (batch, steps) masks, so it does not broadcast against the scores of 4-D inputs.
# Source: https://github.com/tensorflow/tensorflow/issues/60626
# Reported: "There is a bug in MultiHeadAttention._compute_attention_mask when q, k or v ranks are more than 3 ... Submit any 4D input as query, key and value. Error log below for input shapes [B, 12, 16, 128]": Exception encountered when calling layer 'softmax' (type Softmax) ... AddV2 Incompatible shapes. The report gives no script; the masked 4-D inputs are written here as an Embedding(mask_zero=True) of (B, 12, 16) token ids.
# Fix (user side, while the layer's mask code assumes rank 3): attend over the 12 x 16 tokens as one flat sequence, which is what MultiHeadAttention does on 4-D inputs with its default attention_axes: Reshape the ids to (12 * 16,) before the Embedding, so query, value and their masks are rank 3.
# keras: raises ValueError
# status: caught
# Family: transformer-mha
import numpy as np
import tensorflow as tf

SENTENCES, WORDS, DIM, VOCAB = 12, 16, 32, 100

doc_ids = tf.keras.Input(shape=(SENTENCES, WORDS), dtype="int32")
x = tf.keras.layers.Embedding(VOCAB, DIM, mask_zero=True)(doc_ids)  # (B, 12, 16, 32), mask (B, 12, 16)
x = tf.keras.layers.MultiHeadAttention(num_heads=2, key_dim=16)(x, x)  # expect: SL114
x = tf.keras.layers.GlobalAveragePooling2D()(x)
out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(doc_ids, out)
model.compile(optimizer="adam", loss="binary_crossentropy")

X = np.random.randint(1, VOCAB, (4, SENTENCES, WORDS))
X[:, :, 10:] = 0  # padded words
y = np.array([[0], [1], [0], [1]])
model.fit(X, y, epochs=1, verbose=0)
