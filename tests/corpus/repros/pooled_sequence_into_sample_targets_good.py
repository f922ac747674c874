# Fixed twin of pooled_sequence_into_sample_targets_bad.py: global pooling gives one vector per sample.
# Source: https://github.com/keras-team/keras/issues/6351
# keras: runs
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Dense, GlobalAveragePooling1D, TimeDistributed
from keras.losses import categorical_crossentropy
from keras.models import Sequential
from keras.optimizers import RMSprop

train_x = np.random.rand(11, 20, 19)
train_y = np.eye(2)[np.random.randint(0, 2, size=11)]

model = Sequential()
model.add(LSTM(24, input_shape=(20, 19), return_sequences=True))
model.add(TimeDistributed(Dense(1)))
model.add(GlobalAveragePooling1D())
model.add(Dense(2, activation="softmax"))
model.compile(loss=categorical_crossentropy, optimizer=RMSprop(learning_rate=0.01))
model.fit(train_x, train_y, epochs=1, batch_size=6, verbose=0)
