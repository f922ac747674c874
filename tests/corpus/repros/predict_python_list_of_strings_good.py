# Fixed twin of predict_python_list_of_strings_bad.py: predict gets a numpy array of object strings.
# Source: https://github.com/ageron/handson-ml3/issues/155
# keras: runs
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
y_proba = shakespeare_model.predict(np.array(["To be or not to b"]).astype(object), verbose=0)[0, -1]
