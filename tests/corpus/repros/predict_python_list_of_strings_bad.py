# Repro: a character model with a TextVectorization front is asked to predict on a Python list of strings, which Keras 3 does not read as data.
# Source: https://github.com/ageron/handson-ml3/issues/155
# Reported: shakespeare_model.predict(["To be or not to b"]): ValueError: Unrecognized data type: x=['To be or not to b'] (of type <class 'list'>)
# Fix (comment in the thread): give predict an array, np.array(["To be or not to b"]).astype(object).
# keras: raises ValueError
# status: caught
# Family: non-data-args
import numpy as np
import tensorflow as tf

shakespeare_text = "to be or not to be that is the question whether tis nobler in the mind"
text_vec_layer = tf.keras.layers.TextVectorization(split="character", standardize="lower")
text_vec_layer.adapt([shakespeare_text])
encoded = text_vec_layer([shakespeare_text])[0]
encoded -= 2
n_tokens = text_vec_layer.vocabulary_size() - 2
windows = np.array([encoded[i:i + 11].numpy() for i in range(40)])
X, Y = windows[:, :-1], windows[:, 1:]

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(input_dim=n_tokens, output_dim=16),
    tf.keras.layers.GRU(32, return_sequences=True),
    tf.keras.layers.Dense(n_tokens, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam")
model.fit(X, Y, epochs=1, verbose=0)

shakespeare_model = tf.keras.Sequential([
    text_vec_layer,
    tf.keras.layers.Lambda(lambda X: X - 2),
    model,
])
y_proba = shakespeare_model.predict(["To be or not to b"], verbose=0)[0, -1]  # expect: SL242
