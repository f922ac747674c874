# Fixed twin of text_vectorization_into_dense_bad.py: a fixed-size bag of words (output_mode="count") feeds the Dense layer.
# Source: https://github.com/ageron/handson-ml2/issues/300
# keras: runs
# Family: text-pipeline
import numpy as np
from tensorflow import keras

max_vocabulary_size = 100
train_texts = np.array(["a great movie", "terrible plot and acting", "loved it", "boring"], dtype=object)
y_train = np.array([1, 0, 1, 0])

text_vectorization = keras.layers.TextVectorization(max_tokens=max_vocabulary_size, output_mode="count")
text_vectorization.adapt(train_texts)

inputs = keras.Input(shape=(), dtype="string")
x = text_vectorization(inputs)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(loss="binary_crossentropy", optimizer="nadam", metrics=["accuracy"])
model.fit(train_texts, y_train, epochs=1, verbose=0)
