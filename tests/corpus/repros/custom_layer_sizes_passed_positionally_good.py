# Fixed twin of custom_layer_sizes_passed_positionally_bad.py: the grid sizes are passed as keyword arguments, ALayer()(tensor2, H=H, W=W).
# Source: https://github.com/keras-team/keras/issues/18676
# keras: runs
# Family: custom-layer-weights
import numpy as np
import keras
from keras import layers, ops


class ALayer(layers.Layer):
    def call(self, x, H, W):
        return ops.reshape(x, (-1, H, W, ops.shape(x)[-1]))


inputs = keras.Input(shape=(8, 8, 3))
tensor1 = inputs
tensor2 = layers.Reshape((64, 3))(tensor1)  # one token per pixel
tensor2 = layers.Dense(16)(tensor2)
shape = ops.shape(tensor1)
H, W = shape[1], shape[2]
y = ALayer()(tensor2, H=H, W=W)
y = layers.Flatten()(y)
outputs = layers.Dense(2, activation="softmax")(y)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(4, 8, 8, 3), np.random.randint(0, 2, size=(4,)), epochs=1, verbose=0)
