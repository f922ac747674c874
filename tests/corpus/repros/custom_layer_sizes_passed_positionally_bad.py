# Repro: a custom layer that folds a token sequence back into its H x W grid is called as ALayer(tensor2, H, W) with the grid sizes read from ops.shape: Keras 3 only takes tensors positionally in a layer call.
# Source: https://github.com/keras-team/keras/issues/18676
# Reported: ValueError: Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: 56 (of type <class 'int'>) (y = ALayer(tensor2, H, W) with H, W = shape[1], shape[2] of ops.shape(tensor1), converting a tf.keras FocalNet to Keras 3). The report does not show ALayer: this one reshapes (batch, H*W, C) to (batch, H, W, C).
# Fix (fchollet's answer, "you have to specify keyword args for non-tensor arguments"): ALayer()(tensor2, H=H, W=W).
# keras: raises ValueError
# status: caught
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
y = ALayer()(tensor2, H, W)  # expect: SL116
y = layers.Flatten()(y)
outputs = layers.Dense(2, activation="softmax")(y)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(4, 8, 8, 3), np.random.randint(0, 2, size=(4,)), epochs=1, verbose=0)
