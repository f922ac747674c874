# Fixed twin of unbatched_token_dataset_into_embedding_bad.py: the datasets are batched.
# Source: https://github.com/lmoroney/dlaicourse/issues/43
# keras: runs
# Family: input-feeding
import numpy as np
import tensorflow as tf

vocab_size, embedding_dim = 50, 8
train_x = np.random.randint(1, vocab_size, size=(16, 12))
train_y = np.random.randint(0, 2, size=(16,))
test_x = np.random.randint(1, vocab_size, size=(8, 12))
test_y = np.random.randint(0, 2, size=(8,))
train_data = tf.data.Dataset.from_tensor_slices((train_x, train_y)).padded_batch(4)
test_data = tf.data.Dataset.from_tensor_slices((test_x, test_y)).padded_batch(4)

model = tf.keras.Sequential(
    [
        tf.keras.layers.Embedding(vocab_size, embedding_dim),
        tf.keras.layers.GlobalAveragePooling1D(),
        tf.keras.layers.Dense(6, activation="relu"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
history = model.fit(train_data, epochs=1, validation_data=test_data, verbose=0)
