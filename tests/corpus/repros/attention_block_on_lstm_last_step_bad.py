# Repro: the keras-attention attention_3d_block applied to an LSTM that returns only its last step.
# Source: https://github.com/philipperemy/keras-attention/issues/47
# Reported: the LSTM gives (None, 2048): the attention block needs (batch, time_steps, hidden) and its time axis is missing
# Fix: return_sequences=True on the LSTM, so the block attends over the 16 steps.
# keras: raises IndexError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras.layers import LSTM, Activation, Dense, Input, Lambda, concatenate, dot
from tensorflow.keras.models import Model


def attention_3d_block(hidden_states):
    hidden_size = int(hidden_states.shape[2])  # expect: SL115
    score_first_part = Dense(hidden_size, use_bias=False, name="attention_score_vec")(hidden_states)
    h_t = Lambda(lambda x: x[:, -1, :], output_shape=(hidden_size,), name="last_hidden_state")(hidden_states)
    score = dot([score_first_part, h_t], [2, 1], name="attention_score")
    attention_weights = Activation("softmax", name="attention_weight")(score)
    context_vector = dot([hidden_states, attention_weights], [1, 1], name="context_vector")
    pre_activation = concatenate([context_vector, h_t], name="attention_output")
    return Dense(16, use_bias=False, activation="tanh", name="attention_vector")(pre_activation)


features = Input(shape=(16, 12), name="features")
x = LSTM(24)(features)
x = attention_3d_block(x)
out = Dense(3, activation="softmax")(x)
model = Model(features, out)
model.compile(loss="categorical_crossentropy", optimizer="adam")
x_train = np.random.rand(4, 16, 12)
y_train = np.eye(3)[np.random.randint(0, 3, size=4)]
model.fit(x_train, y_train, epochs=1, verbose=0)
