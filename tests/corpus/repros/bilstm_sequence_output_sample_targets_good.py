# Fixed twin of bilstm_sequence_output_sample_targets_bad.py: the BiLSTM returns its last step only.
# Source: https://github.com/OlafenwaMoses/ImageAI/issues/765
# keras: runs
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense, Dropout
from keras.models import Sequential

n_units, label_size = 100, 2
x = np.random.rand(8, 15, 20)
y = np.eye(label_size)[np.random.randint(0, label_size, size=8)]

model = Sequential()
model.add(Bidirectional(LSTM(int(n_units / 2), return_sequences=False, activation="tanh"),
                        merge_mode="concat", input_shape=(15, 20)))
model.add(Dropout(0.2))
model.add(Dense(label_size, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x, y, batch_size=4, epochs=1, verbose=0)
