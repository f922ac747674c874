# Repro: binary_crossentropy wrapped in a keras.losses.Loss subclass gets flat (batch,) targets against the (batch, 1) sigmoid output.
# Source: https://github.com/keras-team/keras/issues/19662
# Reported: When wrapping the binary_crossentropy loss function in another keras.losses.Loss, it no longer supports targets with a flat shape and requires a shape of form (..., 1); wrapped in a function it works
# Fix (the report's working variant): wrap the loss in a plain function, which Keras's loss wrapper fits to the output's rank.
# keras: raises ValueError
# status: caught
# Family: custom-loss
import keras
import numpy as np

x = np.random.rand(32, 1)
y = np.random.randint(0, 2, size=(32,))
loss = keras.losses.get("binary_crossentropy")


class LossWrapperInherit(keras.losses.Loss):
    def __init__(self, loss) -> None:
        super().__init__()
        self.loss = loss

    def call(self, y_true, y_pred):
        return self.loss(y_true, y_pred)


model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss=LossWrapperInherit(loss), metrics=["accuracy"])
model.fit(x, y, batch_size=16, epochs=1, verbose=0)  # expect: SL201
