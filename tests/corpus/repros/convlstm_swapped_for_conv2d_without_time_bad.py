# Repro: a working Conv2D model on (samples, 50, 1, 1) signals has its first layer swapped for a ConvLSTM2D with the same input_shape: ConvLSTM2D needs a time axis, so it gets rank 4.
# Source: https://github.com/rstudio/keras3/issues/220
# Reported: ValueError: Input 0 is incompatible with layer conv_lst_m2d_5: expected ndim=5, found ndim=4
# Fix (jjallaire's answer: the ConvLSTM2D layer has a "time" dimension): give each sample a time axis, input_shape=(1, Smp, 1, 1) with the data reshaped to (samples, 1, Smp, 1, 1).
# Note: the report's code is R (layer_conv_lstm_2d); this is its Python transcription, without batch_size= (Keras 3 layers reject it).
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
from keras.layers import ConvLSTM2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential

Smp = 50
x = np.random.rand(8, Smp, 1, 1)
y = np.eye(3)[np.random.randint(0, 3, size=8)]

model = Sequential()
model.add(ConvLSTM2D(filters=10, kernel_size=(5, 1), activation="tanh", input_shape=(Smp, 1, 1)))  # expect: SL114
model.add(MaxPooling2D(pool_size=(2, 1)))
model.add(Flatten())
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x, y, batch_size=4, epochs=1, verbose=0)
