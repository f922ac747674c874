# Repro: wide & deep example changed to num_oov_indices=10: the StringLookup indices shift by 10, but the Embedding still has len(vocabulary) rows.
# Source: https://github.com/tensorflow/tensorflow/issues/50512
# Reported: InvalidArgumentError: indices[10] = -1 is not in [0, 16081) [[node model_1/embedding_1/embedding_lookup]]
# Fix: size the Embedding from the lookup, input_dim=lookup.vocabulary_size() (vocabulary + the 10 OOV indices).
# keras: raises InvalidArgumentError
# status: caught
# Family: text-pipeline
import math

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.layers import StringLookup

vocabulary = ["Private", "Self-emp", "Federal-gov", "Local-gov", "State-gov", "Without-pay"]
inputs = layers.Input(name="workclass", shape=(), dtype="string")

num_oov_indices = 10
lookup = StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=num_oov_indices, output_mode="int")
encoded_feature = lookup(inputs)
embedding_dims = int(math.sqrt(len(vocabulary)))
embedding = layers.Embedding(input_dim=len(vocabulary), output_dim=embedding_dims)
encoded_feature = embedding(encoded_feature)  # expect: SL210
outputs = layers.Dense(1, activation="sigmoid")(encoded_feature)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tf.constant(["Private", "State-gov", "Without-pay", "Self-emp"]), np.array([1, 0, 0, 1]), epochs=1, verbose=0)
