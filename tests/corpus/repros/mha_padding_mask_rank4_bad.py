# Repro: the keras-io NMT TransformerEncoder passes a (batch, 1, 1, seq) padding mask to MultiHeadAttention, whose own mask from mask_zero is (batch, T, S).
# Source: https://github.com/keras-team/keras-io/issues/1252
# Reported: INVALID_ARGUMENT: required broadcastable shapes (in the TransformerEncoder's attention call)
# Fix (the updated example): padding_mask = mask[:, tf.newaxis, :], a (batch, 1, seq) mask that broadcasts over the query steps.
# keras: raises ValueError
# status: caught
# Family: transformer-mha
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

class TransformerEncoder(layers.Layer):
    def __init__(self, embed_dim, dense_dim, num_heads, **kwargs):
        super().__init__(**kwargs)
        self.attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.dense_proj = keras.Sequential([layers.Dense(dense_dim, activation="relu"), layers.Dense(embed_dim)])
        self.layernorm_1 = layers.LayerNormalization()
        self.layernorm_2 = layers.LayerNormalization()
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is not None:
            padding_mask = tf.cast(mask[:, tf.newaxis, tf.newaxis, :], dtype="int32")
        attention_output = self.attention(query=inputs, value=inputs, key=inputs, attention_mask=padding_mask)  # expect: SL114
        proj_input = self.layernorm_1(inputs + attention_output)
        proj_output = self.dense_proj(proj_input)
        return self.layernorm_2(proj_input + proj_output)

class PositionalEmbedding(layers.Layer):
    def __init__(self, sequence_length, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_embeddings = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.position_embeddings = layers.Embedding(input_dim=sequence_length, output_dim=embed_dim)

    def call(self, inputs):
        length = tf.shape(inputs)[-1]
        positions = tf.range(start=0, limit=length, delta=1)
        return self.token_embeddings(inputs) + self.position_embeddings(positions)

    def compute_mask(self, inputs, mask=None):
        return keras.ops.not_equal(inputs, 0)  # tf.math.not_equal in the report: Keras 3 needs ops on KerasTensors

sequence_length, vocab_size, embed_dim, latent_dim, num_heads = 10, 50, 16, 32, 2
encoder_inputs = keras.Input(shape=(None,), dtype="int64")
x = PositionalEmbedding(sequence_length, vocab_size, embed_dim)(encoder_inputs)
x = TransformerEncoder(embed_dim, latent_dim, num_heads)(x)
x = layers.GlobalAveragePooling1D()(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(encoder_inputs, out)
model.compile("adam", "binary_crossentropy")
xs = np.random.randint(1, vocab_size, size=(8, sequence_length)); xs[:, -3:] = 0
model.fit(xs, np.random.randint(0, 2, size=(8, 1)), batch_size=4, epochs=1, verbose=0)
