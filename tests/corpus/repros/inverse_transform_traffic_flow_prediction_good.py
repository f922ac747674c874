# Fixed twin of inverse_transform_traffic_flow_prediction_bad.py: the predictions are un-scaled by a scaler of the predicted column.
# Source: https://github.com/yunjey/pytorch-tutorial/issues/222
# keras: runs
# Family: scalers
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler

flow = np.random.rand(60, 24)
sc = MinMaxScaler(feature_range=(0, 1))
scaled = sc.fit_transform(flow)
sc_flow = MinMaxScaler(feature_range=(0, 1)).fit(flow[:, :1])
x_train = np.array([scaled[i:i + 12] for i in range(40)])
y_train = scaled[12:52, 0]
x_test = np.array([scaled[i:i + 12] for i in range(40, 48)])

model = Sequential()
model.add(LSTM(32, input_shape=(12, 24)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
predicted_Traffic_flow = model.predict(x_test, verbose=0)
predicted_Traffic_flow = sc_flow.inverse_transform(predicted_Traffic_flow)
