# Repro: a tf.data dataset of (token ids, label) pairs fitted without batching, to an Embedding + GlobalAveragePooling1D classifier with no declared input.
# Source: https://github.com/lmoroney/dlaicourse/issues/43
# Reported: ValueError: Shapes () and (None, 1) must have the same rank, at model.fit(train_data, epochs=10, validation_data=test_data); it works after train_data = train_data.padded_batch(BATCH_SIZE, ...)
# Fix: batch the datasets (padded_batch) before fit. Keras builds the model on one unbatched (12,) element: the Embedding gives (12, 8), and GlobalAveragePooling1D (the marked line) raises.
# keras: raises ValueError
# status: caught
# Family: input-feeding
import numpy as np
import tensorflow as tf

vocab_size, embedding_dim = 50, 8
train_x = np.random.randint(1, vocab_size, size=(16, 12))
train_y = np.random.randint(0, 2, size=(16,))
test_x = np.random.randint(1, vocab_size, size=(8, 12))
test_y = np.random.randint(0, 2, size=(8,))
train_data = tf.data.Dataset.from_tensor_slices((train_x, train_y))
test_data = tf.data.Dataset.from_tensor_slices((test_x, test_y))

model = tf.keras.Sequential(
    [
        tf.keras.layers.Embedding(vocab_size, embedding_dim),
        tf.keras.layers.GlobalAveragePooling1D(),  # expect: SL101
        tf.keras.layers.Dense(6, activation="relu"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
history = model.fit(train_data, epochs=1, validation_data=test_data, verbose=0)
