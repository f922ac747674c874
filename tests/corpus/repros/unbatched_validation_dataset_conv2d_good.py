# Fixed twin of unbatched_validation_dataset_conv2d_bad.py: the validation dataset is batched.
# Source: https://github.com/tensorflow/tensorflow/issues/44250
# keras: runs
# Family: input-feeding
import numpy as np
import tensorflow as tf
from tensorflow.keras import Sequential, layers, optimizers

train_x = np.random.uniform(0, 10, (30, 12, 24, 3))
train_y = np.random.randint(0, 2, 30)
val_x = np.random.uniform(0, 10, (10, 12, 24, 3))
val_y = np.random.randint(0, 2, 10)

model = Sequential(
    [
        layers.Conv2D(8, 3, activation="relu", padding="same", input_shape=(12, 24, 3)),
        layers.MaxPooling2D(),
        layers.GlobalAveragePooling2D(),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(loss="mse", optimizer=optimizers.SGD(1e-3), metrics=["accuracy"])

AUTOTUNE = tf.data.experimental.AUTOTUNE
train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y))
train_ds = train_ds.shuffle(30)
train_ds = train_ds.repeat()
train_ds = train_ds.batch(8)
train_ds = train_ds.prefetch(AUTOTUNE)

val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).batch(8).prefetch(AUTOTUNE)

model.fit(train_ds, validation_data=val_ds, epochs=1, steps_per_epoch=2, verbose=0)
