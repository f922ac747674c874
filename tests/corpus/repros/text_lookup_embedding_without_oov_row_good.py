# Fixed twin of text_lookup_embedding_without_oov_row_bad.py: the Embedding has lookup.vocabulary_size() rows (titles + OOV index).
# Source: https://github.com/tensorflow/recommenders/issues/202
# keras: runs
# Family: text-pipeline
import numpy as np
import tensorflow as tf

unique_movie_titles = np.array(["Toy Story", "Heat", "Fargo", "Babe", "Casino"])
embedding_dimension = 8

c_lookup = tf.keras.layers.StringLookup(vocabulary=unique_movie_titles, mask_token=None)
movie_model = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(), dtype="string"),
        c_lookup,
        tf.keras.layers.Embedding(c_lookup.vocabulary_size(), embedding_dimension),
        tf.keras.layers.Dense(1),
    ]
)
movie_model.compile(optimizer="adam", loss="mse")
titles = tf.constant(["Heat", "Casino", "Fargo", "Toy Story"])
movie_model.fit(titles, np.random.rand(4, 1), epochs=1, verbose=0)
