# Fixed twin of dense_on_sequence_sparse_labels_bad.py: the steps are flattened before the classifier.
# Source: https://github.com/tensorflow/tensorflow/issues/17150
# keras: runs
# Family: targets-and-losses
import keras
import numpy as np

model = keras.Sequential()
model.add(keras.layers.Flatten(input_shape=(5, 6)))
model.add(keras.layers.Dense(10))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

x_data = np.random.random((32, 5, 6))
y_data = np.random.randint(0, 9, size=(32,))
model.fit(x=x_data, y=y_data, batch_size=16, epochs=1, verbose=0)
