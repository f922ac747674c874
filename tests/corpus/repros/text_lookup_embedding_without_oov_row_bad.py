# Repro: retrieval tower: StringLookup reserves index 0 for out-of-vocabulary titles, but the Embedding has one row per title only, so the last title's index has no row.
# Source: https://github.com/tensorflow/recommenders/issues/202
# Reported: InvalidArgumentError: indices[7505] = 672 is not in [0, 672)
# Fix (maciejkula's): one more Embedding row for the unknown-token index (here lookup.vocabulary_size(), which counts it; TF 2.3's vocab_size() did not, hence the thread's vocab_size() + 1).
# keras: raises InvalidArgumentError
# status: caught
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
        tf.keras.layers.Embedding(len(unique_movie_titles), embedding_dimension),  # expect: SL210
        tf.keras.layers.Dense(1),
    ]
)
movie_model.compile(optimizer="adam", loss="mse")
titles = tf.constant(["Heat", "Casino", "Fargo", "Toy Story"])
movie_model.fit(titles, np.random.rand(4, 1), epochs=1, verbose=0)
