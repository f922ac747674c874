# Fixed twin of reshape_look_back_into_table_shape_bad.py: windows of look_back rows, each labelled by the row after it.
# Source: https://github.com/keras-team/autokeras/issues/1206
# keras: runs
# Family: numpy-prep
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

look_back = 6
train_dataset = np.random.rand(40, 4)
train_y = np.random.rand(40, 1)
train_X = np.array([train_dataset[i:i + look_back] for i in range(len(train_dataset) - look_back)])
train_y = train_y[look_back:]

model = Sequential()
model.add(LSTM(8, input_shape=(look_back, train_dataset.shape[1])))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(train_X, train_y, epochs=1, verbose=0)
