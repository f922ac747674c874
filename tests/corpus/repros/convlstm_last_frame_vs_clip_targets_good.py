# Fixed twin of convlstm_last_frame_vs_clip_targets_bad.py: one target map per clip, like the model's output.
# Source: https://github.com/keras-team/keras/issues/10572
# keras: runs
# Family: convlstm
import numpy as np
from keras.layers import Activation, Conv2D, ConvLSTM2D
from keras.models import Sequential
from keras.regularizers import l2

model = Sequential()
model.add(ConvLSTM2D(8, 3, padding="same", input_shape=(5, 16, 16, 3), recurrent_activation="hard_sigmoid", return_sequences=True))
model.add(ConvLSTM2D(8, 3, padding="same", recurrent_activation="hard_sigmoid", return_sequences=False))
model.add(Conv2D(3, 1, padding="same", kernel_initializer="he_uniform", kernel_regularizer=l2(0.0001), data_format="channels_last"))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")

x = np.random.rand(1, 5, 16, 16, 3)
y = np.random.rand(1, 16, 16, 3)
model.fit(x, y, epochs=1, verbose=0)
