# Repro: the attention-on-LSTM recipe sums the weighted steps with K.sum(xin, axis=0): the batch axis, not the steps.
# Source: https://github.com/keras-team/keras/issues/4962 (baziotis: "I was expecting the input to Lambda to be (max_length, units) but it was (None, max_length, units)")
# Reported: the sum over axis 0 does not give one vector per sample; the fix in the thread is axis=1
# Fix (the thread's): K.sum(xin, axis=1) sums over the time steps.
# keras: raises InvalidArgumentError
# status: caught
# Family: lambda-ops
import numpy as np
from keras.layers import LSTM, Activation, Dense, Embedding, Flatten, Input, Lambda, Permute, RepeatVector, TimeDistributed, multiply
from keras.models import Model
from tensorflow.keras import backend as K

units = 64
max_length = 50

_input = Input(shape=[max_length], dtype="int32")
embedded = Embedding(100, 16)(_input)
activations = LSTM(units, return_sequences=True)(embedded)

# compute importance for each step
attention = TimeDistributed(Dense(1, activation="tanh"))(activations)
attention = Flatten()(attention)
attention = Activation("softmax")(attention)
attention = RepeatVector(units)(attention)
attention = Permute([2, 1])(attention)

# apply the attention
sent_representation = multiply([activations, attention])
sent_representation = Lambda(lambda xin: K.sum(xin, axis=0))(sent_representation)  # expect: SL233

probabilities = Dense(3, activation="softmax")(sent_representation)

model = Model(inputs=_input, outputs=probabilities)
model.compile(optimizer="adam", loss="categorical_crossentropy")
x = np.random.randint(1, 100, size=(4, max_length))
y = np.eye(3)[np.random.randint(0, 3, size=4)]
model.fit(x, y, epochs=1, verbose=0)
