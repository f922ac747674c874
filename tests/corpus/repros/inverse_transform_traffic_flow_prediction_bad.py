# Repro: the traffic-flow LSTM predicts one value per window and the MinMaxScaler fitted on the 24 input columns un-scales it.
# Source: https://github.com/yunjey/pytorch-tutorial/issues/222
# Reported: predicted_Traffic_flow = sc.inverse_transform(model.predict(x_test)): ValueError: non-broadcastable output operand with shape (2416,1) doesnt match the broadcast shape (2416,24)
# Fix (no answer in the thread): un-scale the predictions with a scaler fitted on the predicted column alone.
# keras: raises ValueError
# status: caught
# Family: scalers
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler

flow = np.random.rand(60, 24)
sc = MinMaxScaler(feature_range=(0, 1))
scaled = sc.fit_transform(flow)
x_train = np.array([scaled[i:i + 12] for i in range(40)])
y_train = scaled[12:52, 0]
x_test = np.array([scaled[i:i + 12] for i in range(40, 48)])

model = Sequential()
model.add(LSTM(32, input_shape=(12, 24)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
predicted_Traffic_flow = model.predict(x_test, verbose=0)
predicted_Traffic_flow = sc.inverse_transform(predicted_Traffic_flow)  # expect: SL241
