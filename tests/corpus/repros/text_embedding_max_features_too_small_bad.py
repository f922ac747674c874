# Repro: imdb_cnn-style text classifier with max_features = 30 while the word ids of the user's texts go far above 30.
# Source: https://github.com/keras-team/keras/issues/901
# Reported: IndexError: One of the index value is out of bound (in model.fit, Theano)
# Fix: max_features must exceed the largest word id in the data (the vocabulary size + 1).
# keras: raises InvalidArgumentError
# status: caught
# Family: text-pipeline
import numpy as np
from keras.layers import Activation, Conv1D, Dense, Embedding, Flatten, Input, MaxPooling1D
from keras.models import Sequential

max_features = 30
maxlen = 30
embedding_dims = 8
Train_X = np.random.randint(1, 200, size=(4, maxlen))
Train_Y = np.array([0, 1, 1, 0])

model = Sequential()
model.add(Input(shape=(maxlen,)))
model.add(Embedding(max_features, embedding_dims))  # expect: SL210
model.add(Conv1D(filters=16, kernel_size=3, padding="valid", activation="relu", strides=1))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(16))
model.add(Activation("relu"))
model.add(Dense(1))
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
model.fit(Train_X, Train_Y, batch_size=2, epochs=1, verbose=0)
