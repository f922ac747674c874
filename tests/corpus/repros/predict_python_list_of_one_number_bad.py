# Repro: the Celsius-to-Fahrenheit model of the TensorFlow course is asked to predict on a Python list, which Keras 3 does not read as data.
# Source: https://github.com/tensorflow/examples/pull/506
# Reported: print(model.predict([100.0])): ValueError: Unrecognized data type: x=[100.0] (of type <class 'list'>)
# Fix (the pull request): pass a numpy array, model.predict(np.array([100.0])).
# keras: raises ValueError
# status: caught
# Family: non-data-args
import numpy as np
import tensorflow as tf

celsius_q = np.array([-40, -10, 0, 8, 15, 22, 38], dtype=float)
fahrenheit_a = np.array([-40, 14, 32, 46, 59, 72, 100], dtype=float)

l0 = tf.keras.layers.Dense(units=1, input_shape=[1])
model = tf.keras.Sequential([l0])
model.compile(loss="mean_squared_error", optimizer=tf.keras.optimizers.Adam(0.1))
history = model.fit(celsius_q, fahrenheit_a, epochs=1, verbose=False)
print(model.predict([100.0]))  # expect: SL242
