# Repro: an attention decoder step calls its LSTM as LSTM(...)(inputs=context, initial_state=[s, c]); Keras 3's recurrent layers name their input `sequences`, so the keyword `inputs` leaves the layer without its sequence.
# Source: https://github.com/tensorflow/tensorflow/issues/100300
# Reported: TypeError: missing a required argument: 'sequences' (_, s, c = LSTM(self._n_s, return_state = True, return_sequences=True)(inputs=context, initial_state=[s, c]) in a machine-translation model, TensorFlow 2.20)
# Fix (the thread's): pass the context positionally, LSTM(...)(context, initial_state=[s, c]).
# keras: raises TypeError
# status: caught
# Family: rnn-cell
import numpy as np
from tensorflow.keras.layers import LSTM, Bidirectional, Concatenate, Dense, Dot, Input, RepeatVector, Softmax
from tensorflow.keras.models import Model


class MachineTranslation:
    def __init__(self, Tx=6, Ty=2, n_a=8, n_s=16, input_vocab=12, output_vocab=5):
        self._Tx, self._Ty, self._n_a, self._n_s = Tx, Ty, n_a, n_s
        self._input_vocab, self._output_vocab = input_vocab, output_vocab

    def one_step_attention(self, a, s_prev):
        s_prev = RepeatVector(self._Tx)(s_prev)
        concat = Concatenate(axis=-1)([a, s_prev])
        e = Dense(10, activation="tanh")(concat)
        energies = Dense(1, activation="relu")(e)
        alphas = Softmax(axis=1)(energies)
        return Dot(axes=1)([alphas, a])

    def BuildModel(self):
        X = Input(shape=(self._Tx, self._input_vocab))
        s0 = Input(shape=(self._n_s,))
        c0 = Input(shape=(self._n_s,))
        s, c = s0, c0
        outputs = []
        a = Bidirectional(LSTM(self._n_a, return_sequences=True))(X)
        for t in range(self._Ty):
            context = self.one_step_attention(a, s)
            _, s, c = LSTM(self._n_s, return_state = True, return_sequences=True)(inputs=context, initial_state=[s, c])  # expect: SL116
            outputs.append(Dense(self._output_vocab, activation="softmax")(s))
        return Model(inputs=[X, s0, c0], outputs=outputs)


mt = MachineTranslation()
model = mt.BuildModel()
model.compile(optimizer="adam", loss="categorical_crossentropy")
m = 4
Xoh = np.eye(12)[np.random.randint(0, 12, size=(m, 6))]
Yoh = [np.eye(5)[np.random.randint(0, 5, size=m)] for _ in range(2)]
model.fit([Xoh, np.zeros((m, 16)), np.zeros((m, 16))], Yoh, epochs=1, verbose=0)
