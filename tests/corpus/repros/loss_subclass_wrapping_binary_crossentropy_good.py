# Fixed twin of loss_subclass_wrapping_binary_crossentropy_bad.py: the loss is wrapped in a plain function.
# Source: https://github.com/keras-team/keras/issues/19662
# keras: runs
# Family: custom-loss
import keras
import numpy as np

x = np.random.rand(32, 1)
y = np.random.randint(0, 2, size=(32,))
loss = keras.losses.get("binary_crossentropy")


def loss_wrapped_with_function(*args, **kwargs):
    return loss(*args, **kwargs)


model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss=loss_wrapped_with_function, metrics=["accuracy"])
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
