# Repro: the TensorFlow course's first text model (TextVectorization, Embedding, Dense(1, sigmoid)) classifies every token: without a pooling layer the output is (batch, 15, 1) for one label per tweet.
# Source: https://github.com/mrdbourke/tensorflow-deep-learning/issues/514
# Reported: ValueError: `logits` and `labels` must have the same shape, received ((None, 15, 1) vs (None,)) (lecture 234, "Model 1: a feed-forward neural network" on the disaster tweets, TensorFlow 2.11)
# Fix (the thread's): reduce the token axis before the classifier, x = layers.GlobalAveragePooling1D()(x).
# keras: raises ValueError
# status: caught
# Family: text-pipeline
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.layers import TextVectorization

train_sentences = np.array(["forest fire near la ronge sask canada",
                            "all residents asked to shelter in place are being notified by officers",
                            "what a goooooooaaaaaal",
                            "this is ridiculous"], dtype=object)  # a pandas column .to_numpy(), as in the course
train_labels = np.array([1, 1, 0, 0])

max_vocab_length = 100  # max number of words to have in our vocabulary
max_length = 15  # max length our sequences will be
text_vectorizer = TextVectorization(max_tokens=max_vocab_length,
                                    output_mode="int",
                                    output_sequence_length=max_length)
text_vectorizer.adapt(train_sentences)
embedding = layers.Embedding(input_dim=max_vocab_length, output_dim=16)

inputs = layers.Input(shape=(1,), dtype="string")
x = text_vectorizer(inputs) # string -> number
x = embedding(x) # number -> dense vector
outputs = layers.Dense(1, activation="sigmoid")(x)

#compile the model
model_1 = tf.keras.Model(inputs, outputs)
model_1.compile(loss="binary_crossentropy",
                optimizer=tf.keras.optimizers.Adam(),
                metrics=["accuracy"])

# fit the model
history_1 = model_1.fit(x=train_sentences, y=train_labels, epochs=1, verbose=0)  # expect: SL201
