# Repro: a StandardScaler fitted on a 4-column price frame un-scales the LSTM's one-column forecast of the Open price.
# Source: https://whosebug.com/question/5984091/Error-in-reverse-scaling-outputs-predicted-by-a-LSTM-RNN
# Reported: ValueError: non-broadcastable output operand with shape (59,1) doesn't match the broadcast shape (59,4)
# Fix (answer): the scaler was fitted on 4 columns; repeat the forecast over the 4 columns before inverse_transform and keep the first.
# keras: raises ValueError
# status: caught
# Family: scalers
import numpy as np
import pandas as pd
from keras.layers import LSTM, Dense, Dropout
from keras.models import Sequential
from sklearn.preprocessing import StandardScaler

df = pd.DataFrame(np.random.rand(30, 4), columns=["Open", "High", "Low", "Close"])
scaler = StandardScaler()
scaler = scaler.fit(df)
df_for_training_scaled = scaler.transform(df)

n_past, n_future = 5, 1
trainX, trainY = [], []
for i in range(n_past, len(df_for_training_scaled) - n_future + 1):
    trainX.append(df_for_training_scaled[i - n_past:i, 0:df.shape[1]])
    trainY.append(df_for_training_scaled[i + n_future - 1:i + n_future, 0])
trainX, trainY = np.array(trainX), np.array(trainY)

model = Sequential()
model.add(LSTM(64, activation="relu", input_shape=(n_past, 4), return_sequences=True))
model.add(LSTM(32, activation="relu"))
model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(trainX, trainY, epochs=1, batch_size=8, verbose=0)
prediction = model.predict(trainX, verbose=0)
y_pred_future = scaler.inverse_transform(prediction)  # expect: SL241
