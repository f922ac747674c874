# Fixed twin of td_cnn_keras1_channels_first_clips_bad.py: each frame is (40, 40, 1), channels last.
# Source: https://github.com/keras-team/keras/issues/7779
# keras: runs
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Bidirectional, Conv2D, Dense, Flatten, Input, MaxPooling2D, TimeDistributed
from keras.models import Model

inp = Input(shape=(12, 40, 40, 1))
cnn = TimeDistributed(Conv2D(4, (7, 7), padding="valid", activation="elu"))(inp)
cnn = TimeDistributed(MaxPooling2D(pool_size=(2, 2)))(cnn)
cnn = TimeDistributed(Conv2D(8, (5, 5), padding="valid", activation="elu"))(cnn)
cnn = TimeDistributed(MaxPooling2D(pool_size=(2, 2)))(cnn)
cnn = TimeDistributed(Conv2D(16, (3, 3), padding="valid", activation="elu"))(cnn)
cnn = TimeDistributed(MaxPooling2D(pool_size=(2, 2)))(cnn)
cnn = TimeDistributed(Flatten())(cnn)

rnn = Bidirectional(LSTM(8, return_sequences=False))(cnn)
out = Dense(10, activation="softmax")(rnn)

model = Model(inputs=inp, outputs=out)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(np.random.rand(2, 12, 40, 40, 1), np.array([1, 3]), epochs=1, verbose=0)
