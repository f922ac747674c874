# Repro: the KerasNLP pretraining guide pools its transformer encoder's output as GlobalAveragePooling1D()(encoded_tokens[0]): [0] takes the first sample, a (seq, dim) matrix, instead of the (batch, seq, dim) sequence.
# Source: https://github.com/keras-team/keras-io/issues/1751
# Reported: ValueError: Input 0 of layer "global_average_pooling1d" is incompatible with the layer: expected ndim=3, found ndim=2 (pooled_tokens = keras.layers.GlobalAveragePooling1D()(encoded_tokens[0]) in guides/keras_nlp/transformer_pretraining.py). Keras 3 rewrite: keras_nlp's TokenAndPositionEmbedding and TransformerEncoder are written here as small custom layers with keras.layers.MultiHeadAttention (keras_nlp is not a dependency).
# Fix: pool the encoder's output itself, GlobalAveragePooling1D()(encoded_tokens).
# keras: raises ValueError
# status: caught
# Family: transformer-mha
import numpy as np
import keras

SEQ_LENGTH = 16
VOCAB_SIZE = 100
MODEL_DIM = 32
INTERMEDIATE_DIM = 64
NUM_HEADS = 2
NUM_LAYERS = 1
NORM_EPSILON = 1e-5
DROPOUT = 0.1


class TokenAndPositionEmbedding(keras.layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_embedding = keras.layers.Embedding(vocabulary_size, embedding_dim)
        self.position_embedding = keras.layers.Embedding(sequence_length, embedding_dim)

    def call(self, inputs):
        positions = keras.ops.arange(0, keras.ops.shape(inputs)[-1])
        return self.token_embedding(inputs) + self.position_embedding(positions)


class TransformerEncoder(keras.layers.Layer):
    def __init__(self, intermediate_dim, num_heads, dropout, layer_norm_epsilon, **kwargs):
        super().__init__(**kwargs)
        self.intermediate_dim = intermediate_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.layer_norm_epsilon = layer_norm_epsilon

    def build(self, input_shape):
        dim = input_shape[-1]
        self.attention = keras.layers.MultiHeadAttention(self.num_heads, dim // self.num_heads, dropout=self.dropout)
        self.norm1 = keras.layers.LayerNormalization(epsilon=self.layer_norm_epsilon)
        self.ffn = keras.Sequential([keras.layers.Dense(self.intermediate_dim, activation="relu"), keras.layers.Dense(dim)])
        self.norm2 = keras.layers.LayerNormalization(epsilon=self.layer_norm_epsilon)

    def call(self, x):
        x = self.norm1(x + self.attention(x, x))
        return self.norm2(x + self.ffn(x))


inputs = keras.Input(shape=(SEQ_LENGTH,), dtype="int32")
embedding_layer = TokenAndPositionEmbedding(vocabulary_size=VOCAB_SIZE, sequence_length=SEQ_LENGTH, embedding_dim=MODEL_DIM)
outputs = embedding_layer(inputs)
outputs = keras.layers.LayerNormalization(epsilon=NORM_EPSILON)(outputs)
outputs = keras.layers.Dropout(rate=DROPOUT)(outputs)
for i in range(NUM_LAYERS):
    outputs = TransformerEncoder(intermediate_dim=INTERMEDIATE_DIM, num_heads=NUM_HEADS, dropout=DROPOUT, layer_norm_epsilon=NORM_EPSILON)(outputs)
encoder_model = keras.Model(inputs, outputs)

# Takes as input the tokens of a single sentence.
inputs = keras.Input(shape=(SEQ_LENGTH,), dtype="int32")
# Encode and pool the tokens.
encoded_tokens = encoder_model(inputs)
pooled_tokens = keras.layers.GlobalAveragePooling1D()(encoded_tokens[0])  # expect: SL101

# Predict an output label.
outputs = keras.layers.Dense(1, activation="sigmoid")(pooled_tokens)

# Define and compile our fine-tuning model.
finetuning_model = keras.Model(inputs, outputs)
finetuning_model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
finetuning_model.fit(np.random.randint(1, VOCAB_SIZE, size=(4, SEQ_LENGTH)), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
