# Repro: LSTM(return_sequences) -> TimeDistributed(Dense) -> AveragePooling1D -> softmax: still a sequence, labels per sample.
# Source: https://github.com/keras-team/keras/issues/6351
# Reported: ValueError: Error when checking model target: expected dense_2 to have 3 dimensions, but got array with shape (11, 2)
# Fix: GlobalAveragePooling1D collapses the time axis. (pool_size=2 is the Keras 2 default that Keras 3 no longer has.)
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, AveragePooling1D, Dense, TimeDistributed
from keras.losses import categorical_crossentropy
from keras.models import Sequential
from keras.optimizers import RMSprop

train_x = np.random.rand(11, 20, 19)
train_y = np.eye(2)[np.random.randint(0, 2, size=11)]

model = Sequential()
model.add(LSTM(24, input_shape=(20, 19), return_sequences=True))
model.add(TimeDistributed(Dense(1)))
model.add(AveragePooling1D(pool_size=2))
model.add(Dense(2, activation="softmax"))
model.compile(loss=categorical_crossentropy, optimizer=RMSprop(learning_rate=0.01))
model.fit(train_x, train_y, epochs=1, batch_size=6, verbose=0)  # expect: SL201
