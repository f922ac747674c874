# Fixed twin of attention_scores_flattened_then_timedistributed_bad.py: the scores weight the GRU's steps (RepeatVector, Permute, multiply), and the TimeDistributed head reads those steps.
# Source: https://github.com/keras-team/keras/issues/4962
# keras: runs
# Family: custom-attention
import numpy as np
from tensorflow.keras.layers import GRU, Activation, Dense, Flatten, Input, Permute, RepeatVector, TimeDistributed, multiply
from tensorflow.keras.models import Model

maxSequenceLength = 12
char_2_id = {c: i for i, c in enumerate("abcdefghij")}
hiddenStateSize = 16
hiddenLayerSize = 16
inputs = Input(shape=(maxSequenceLength, len(char_2_id)))
# The output of the LSTM layer are the hidden states of the LSTM for every time step.
activations = GRU(hiddenStateSize, return_sequences = True)(inputs)
attention = Dense(1, activation='tanh')(activations)
attention = Flatten()(attention)
attention = Activation('softmax')(attention)
attention = RepeatVector(hiddenStateSize)(attention)
attention = Permute([2, 1])(attention)
weighted = multiply([activations, attention])
x = TimeDistributed(Dense(hiddenLayerSize))(weighted)
x = TimeDistributed(Activation('relu'))(x)
x = TimeDistributed(Dense(len(char_2_id)))(x)
outputs = TimeDistributed(Activation('softmax'))(x)
model = Model(inputs, outputs)
model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
x = np.eye(len(char_2_id))[np.random.randint(0, len(char_2_id), size=(4, maxSequenceLength))]
model.fit(x, x, epochs=1, verbose=0)
