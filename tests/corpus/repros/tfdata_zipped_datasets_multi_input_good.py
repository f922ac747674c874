# Fixed twin of tfdata_zipped_datasets_multi_input_bad.py: the zipped elements become ((x1, x2, x3), c1).
# Source: https://github.com/tensorflow/tensorflow/issues/54271
# keras: runs
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

n, c = 12, 3
images = [np.random.rand(n, 8, 8, 3).astype("float32") for _ in range(3)]
classes = keras.utils.to_categorical(np.random.randint(0, c, size=(n,)), c)
ds1 = tf.data.Dataset.from_tensor_slices((images[0], classes))
ds2 = tf.data.Dataset.from_tensor_slices((images[1], classes))
ds3 = tf.data.Dataset.from_tensor_slices((images[2], classes))
zipped_ds = tf.data.Dataset.zip((ds1, ds2, ds3))
zipped_ds = zipped_ds.map(lambda a, b, d: ((a[0], b[0], d[0]), a[1])).batch(4)

input1 = keras.Input(shape=(8, 8, 3), name="Input1")
input2 = keras.Input(shape=(8, 8, 3), name="Input2")
input3 = keras.Input(shape=(8, 8, 3), name="Input3")
branch1 = layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(input1))
branch2 = layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(input2))
branch3 = layers.GlobalAveragePooling2D()(layers.Conv2D(4, 3)(input3))
merged = layers.Concatenate()([branch1, branch2, branch3])
outputs = layers.Dense(c, activation="softmax")(merged)
model = keras.Model([input1, input2, input3], outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(zipped_ds, epochs=1, verbose=0)
