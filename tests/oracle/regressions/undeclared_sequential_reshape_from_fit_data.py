# oracle-regression: a Sequential model without an input declaration is built by fit() from X,
# whose shape the script states.  Keras raises in fit (Reshape cannot hold 6 * 8 = 48 values
# as (6, 7)); seqlint must take the input shape from X (it once stayed silent).
# keras: raises ValueError (total size of the tensor must be unchanged)
# status: fixed
import keras
import numpy as np

X = np.random.rand(8, 6, 8).astype("float32")
y = np.random.rand(8, 1).astype("float32")

model = keras.Sequential()
model.add(keras.layers.Flatten())
model.add(keras.layers.Reshape((6, 7)))  # seqlint: error
model.add(keras.layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
