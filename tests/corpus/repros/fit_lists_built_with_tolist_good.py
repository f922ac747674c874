# Fixed twin of fit_lists_built_with_tolist_bad.py: the lists the loop built are converted to arrays before fit.
# Source: https://github.com/molson194/LSTM-Stock-Prediction/issues/1
# keras: runs
# Family: non-data-args
import numpy as np
from numpy import array, column_stack
from keras.models import Sequential
from keras.layers import Dense, LSTM

trainData = np.random.rand(8, 90, 4)
i = 60
input = []  # numDays x i x 2
output = []  # numDays
for day in trainData:
    prices = array([item[-1] for item in day[:i]])
    volumes = array([item[-2] for item in day[:i]])
    prices = (prices - min(prices)) / (max(prices) - min(prices))
    volumes = (volumes - min(volumes)) / (max(volumes) - min(volumes))
    dayInput = column_stack((prices, volumes)).tolist()
    input.append(dayInput)
    lastPrice = day[i - 1][-1]
    maxPrice = max([item[-1] for item in day[i:]])
    output.append((maxPrice / lastPrice - 0.97) / (1.03 - 0.97))

model = Sequential()
model.add(LSTM(12, input_shape=(i, 2)))
model.add(Dense(1))
model.compile(loss="mae", optimizer="adam")
model.fit(np.array(input), np.array(output), epochs=1, batch_size=4, verbose=0)
