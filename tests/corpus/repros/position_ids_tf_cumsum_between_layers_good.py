# Fixed twin of position_ids_tf_cumsum_between_layers_bad.py: the position ids are computed with keras.ops on the KerasTensor.
# Source: https://github.com/tensorflow/tensorflow/issues/34732
# keras: runs
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
    pos_idss = tf.keras.ops.cumsum(tf.keras.ops.ones_like(word_ids, 'int32'), axis=-1)
    pos_ids_embeddings = pos_embedding_layer(pos_idss)
    outputs = tf.keras.layers.Dense(5, activation="softmax")(pos_ids_embeddings)
    model = tf.keras.models.Model(inputs=[word_ids], outputs=outputs)
    model.compile(
        optimizer,
        loss=tf.keras.losses.sparse_categorical_crossentropy)
    return model


model = compile_new_model()
model.fit(np.random.randint(1, 50, size=(4, max_seq_length)), np.random.randint(0, 5, size=(4, max_seq_length)), epochs=1, verbose=0)
