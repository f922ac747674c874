# Repro: word-by-word attention sums the premise states with K.dot(alpha, Y): on (batch, 20) weights and a (batch, 20, 300) sequence K.dot contracts across the two batch axes and gives (batch, batch, 300), not one (300,) vector per pair.
# Source: https://github.com/keras-team/keras/issues/3239
# Reported: "the shape is not the desired shape of (300,1). Instead I get output shape of ((None, 20), 300, 1)" (r_ = merge([alpha, Y], output_shape=(k, 1), mode=get_R) with get_R returning K.dot(alpha, Y), Keras 1). Keras 3 rewrite: the merge with mode=get_R is a Lambda over [alpha, Y] with the same output_shape.
# Fix: a batched product over the steps, K.batch_dot(alpha, Y, axes=(1, 1)), which gives (batch, 300).
# keras: raises InvalidArgumentError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import LSTM, Dense, Embedding, Flatten, Input, Lambda, Reshape, TimeDistributed
from tensorflow.keras.models import Model

lstm_units = 8
k = 2 * lstm_units  # 300 in the report
L = 20  # premise length
max_features = 50

main_input = Input(shape=(L,), dtype='int32', name='main_input')
x = Embedding(max_features, 16, name='x')(main_input)
Y = LSTM(k, return_sequences=True, name='Y')(x)  # (None, 20, k)
M = TimeDistributed(Dense(k, activation='tanh'), name='M')(Y)

alpha_ = TimeDistributed(Dense(1, activation='linear'), name="alpha_")(M)
flat_alpha = Flatten(name="flat_alpha")(alpha_)
alpha = Dense(L, activation='softmax', name="alpha")(flat_alpha)


def get_R(X):
    alpha, Y = X[0], X[1]
    ans = K.dot(alpha, Y)  # expect: SL118
    return ans


r_ = Lambda(get_R, output_shape=(k, 1), name="r_")([alpha, Y])
r = Reshape((k,), name="r")(r_)
out = Dense(3, activation='softmax')(r)
model = Model(inputs=main_input, outputs=out)
model.compile(loss='categorical_crossentropy', optimizer='adam')
model.fit(np.random.randint(1, max_features, size=(4, L)), np.eye(3)[np.random.randint(0, 3, size=4)], epochs=1, verbose=0)
