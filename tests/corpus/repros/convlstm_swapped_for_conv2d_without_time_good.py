# Fixed twin of convlstm_swapped_for_conv2d_without_time_bad.py: each sample gets a time axis, (1, Smp, 1, 1).
# Source: https://github.com/rstudio/keras3/issues/220
# keras: runs
# Family: convlstm
import numpy as np
from keras.layers import ConvLSTM2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

Smp = 50
x = np.random.rand(8, Smp, 1, 1).reshape(8, 1, Smp, 1, 1)
y = np.eye(3)[np.random.randint(0, 3, size=8)]

model = Sequential()
model.add(ConvLSTM2D(filters=10, kernel_size=(5, 1), activation="tanh", input_shape=(1, Smp, 1, 1)))
model.add(MaxPooling2D(pool_size=(2, 1)))
model.add(Flatten())
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x, y, batch_size=4, epochs=1, verbose=0)
