# Repro: IMDB exercise: the bag-of-words layer removed, so the TextVectorization token ids (length unknown: no output_sequence_length) go straight into Dense.
# Source: https://github.com/ageron/handson-ml2/issues/300
# Reported: ValueError: The last dimension of the inputs to `Dense` should be defined. Found `None`.
# Fix (the thread's): keep a fixed-size bag-of-words representation between the vectorizer and Dense (here output_mode="count", one value per vocabulary entry).
# keras: raises ValueError
# status: caught
# Family: text-pipeline
import numpy as np
from tensorflow import keras

max_vocabulary_size = 100
train_texts = np.array(["a great movie", "terrible plot and acting", "loved it", "boring"], dtype=object)
y_train = np.array([1, 0, 1, 0])

text_vectorization = keras.layers.TextVectorization(max_tokens=max_vocabulary_size, output_mode="int")
text_vectorization.adapt(train_texts)

inputs = keras.Input(shape=(), dtype="string")
x = text_vectorization(inputs)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)  # expect: SL110
model = keras.Model(inputs, outputs)
model.compile(loss="binary_crossentropy", optimizer="nadam", metrics=["accuracy"])
model.fit(train_texts, y_train, epochs=1, verbose=0)
