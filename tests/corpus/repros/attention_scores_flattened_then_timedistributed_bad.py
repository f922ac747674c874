# Repro: attention scores computed on a GRU's steps (Dense(1), Flatten, softmax) leave a 2-D (batch, steps) tensor, and the per-character head after them is TimeDistributed.
# Source: https://github.com/keras-team/keras/issues/4962 (dupsys' comment of 2017-03-17: "I got stuck from this moment")
# Reported: the model stops at the TimeDistributed head after the softmax over Flatten (a Sequential GRU, Dense(1, tanh), Flatten, Activation('softmax'), then TimeDistributed(Dense(hiddenLayerSize)))
# Fix (the recipe at the top of the thread): keep the GRU's steps and weight them with the scores (RepeatVector, Permute, multiply) before the TimeDistributed head, in the functional API.
# keras: raises ValueError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras.layers import GRU, Activation, Dense, Flatten, TimeDistributed
from tensorflow.keras.models import Sequential

maxSequenceLength = 12
char_2_id = {c: i for i, c in enumerate("abcdefghij")}
hiddenStateSize = 16
hiddenLayerSize = 16
model = Sequential()
# The output of the LSTM layer are the hidden states of the LSTM for every time step.
model.add(GRU(hiddenStateSize, return_sequences = True, input_shape=(maxSequenceLength, len(char_2_id))))
model.add(Dense(1, activation='tanh'))
model.add(Flatten())
model.add(Activation('softmax'))
###
# I got stuck from this moment
###
model.add(TimeDistributed(Dense(hiddenLayerSize)))  # expect: SL103
model.add(TimeDistributed(Activation('relu')))
model.add(TimeDistributed(Dense(len(char_2_id))))
model.add(TimeDistributed(Activation('softmax')))
model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
x = np.eye(len(char_2_id))[np.random.randint(0, len(char_2_id), size=(4, maxSequenceLength))]
model.fit(x, x, epochs=1, verbose=0)
