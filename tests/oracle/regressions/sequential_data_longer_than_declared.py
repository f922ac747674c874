# oracle-regression: a Sequential model declared for 10 steps is given data of 11 steps.  Keras 3
# only warns at the input, runs the layers on the data's own shape, and fails where a size
# matters: Flatten gives 55 values to a Dense built for 50.  SL209 once checked only the feature
# axis of Sequential models and stayed silent.
# keras: raises ValueError (expected axis -1 of input shape to have value 50)
# status: fixed
import keras
import numpy as np

X = np.random.rand(4, 11, 5).astype("float32")

model = keras.Sequential(
    [
        keras.Input(shape=(10, 5)),
        keras.layers.Flatten(),
        keras.layers.Dense(1),
    ]
)
model.predict(X, verbose=0)  # seqlint: error
