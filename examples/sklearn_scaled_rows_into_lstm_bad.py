"""Sensor classifier: scikit-learn splits and scales the rows, which have no time axis."""
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

X, y = make_classification(
    n_samples=300, n_features=24, n_informative=6, n_classes=3, random_state=0
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)  # (240, 24): 8 steps of 3 readings, flattened
X_test = scaler.transform(X_test)

model = Sequential()
model.add(LSTM(32))
model.add(Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X_train, y_train, epochs=1, batch_size=32, verbose=0)  # expect: SL209
