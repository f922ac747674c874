# Repro: a recurrent-convolutional model written for Keras 1's channels-first frames, Input(shape=(12, 1, 40, 40)): under channels_last each frame is 1 row high, too small for the 7x7 kernel.
# Source: https://github.com/keras-team/keras/issues/7779
# Reported: the code worked in keras 1.2.2 but is broken in keras 2.x (TimeDistributed broken for Recurrent Convolutional Networks)
# Fix: put the channel axis last in each frame, Input(shape=(12, 40, 40, 1)).
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Bidirectional, Conv2D, Dense, Flatten, Input, MaxPooling2D, TimeDistributed
from keras.models import Model

inp = Input(shape=(12, 1, 40, 40))
cnn = TimeDistributed(Conv2D(4, (7, 7), padding="valid", activation="elu"))(inp)  # expect: SL114
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
model.fit(np.random.rand(2, 12, 1, 40, 40), np.array([1, 3]), epochs=1, verbose=0)
