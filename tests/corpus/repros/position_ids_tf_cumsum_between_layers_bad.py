# Repro: the position ids of a position embedding are computed with tf.cumsum(tf.ones_like(word_ids)) straight on the Keras Input, between layers.
# Source: https://github.com/tensorflow/tensorflow/issues/34732
# Reported: "Bug with embedding layer for position of sequence using tf.cumsum": with Input(shape=(max_seq_length,)) the position Embedding is left out of the model (no parameters), with batch_shape=(32, max_seq_length) it is kept (TF 1.15). Keras 3 refuses the TensorFlow op on a KerasTensor outright.
# Fix (Keras 3): compute the ids with Keras ops, keras.ops.cumsum(keras.ops.ones_like(word_ids), axis=-1), which build a graph node of the model.
# keras: raises ValueError
# status: caught
# Family: lambda-ops
import numpy as np
import tensorflow as tf

max_seq_length = 35
learning_rate = 2e-4
word_embedding_size = 16


def compile_new_model():
    optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate, clipnorm=1.0)
    word_ids = tf.keras.layers.Input(dtype='int32',
        shape=(max_seq_length,),
        name='word_ids')

    pos_embedding_layer = tf.keras.layers.Embedding(input_dim=(max_seq_length+1),
        output_dim=word_embedding_size, trainable=True)
    pos_idss = tf.cumsum(tf.ones_like(word_ids, 'int32'), axis=-1)  # expect: SL111
    pos_ids_embeddings = pos_embedding_layer(pos_idss)
    outputs = tf.keras.layers.Dense(5, activation="softmax")(pos_ids_embeddings)
    model = tf.keras.models.Model(inputs=[word_ids], outputs=outputs)
    model.compile(
        optimizer,
        loss=tf.keras.losses.sparse_categorical_crossentropy)
    return model


model = compile_new_model()
model.fit(np.random.randint(1, 50, size=(4, max_seq_length)), np.random.randint(0, 5, size=(4, max_seq_length)), epochs=1, verbose=0)
