# Fixed twin of standard_scaler_frame_inverse_one_column_bad.py: the forecast is repeated over the scaler's 4 columns and the Open column is kept.
# Source: https://whosebug.com/question/5984091/Error-in-reverse-scaling-outputs-predicted-by-a-LSTM-RNN
# keras: runs
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
prediction_copies = np.repeat(prediction, df.shape[1], axis=-1)
y_pred_future = scaler.inverse_transform(prediction_copies)[:, 0]
