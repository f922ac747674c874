# Fixed twin of lambda_sum_over_batch_axis_bad.py: the Lambda sums over the time steps, axis=1.
# Source: https://github.com/keras-team/keras/issues/4962
# keras: runs
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
sent_representation = Lambda(lambda xin: K.sum(xin, axis=1))(sent_representation)

probabilities = Dense(3, activation="softmax")(sent_representation)

model = Model(inputs=_input, outputs=probabilities)
model.compile(optimizer="adam", loss="categorical_crossentropy")
x = np.random.randint(1, 100, size=(4, max_length))
y = np.eye(3)[np.random.randint(0, 3, size=4)]
model.fit(x, y, epochs=1, verbose=0)
