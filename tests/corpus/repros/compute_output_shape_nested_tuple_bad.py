# Repro: a custom reshape layer's compute_output_shape returns (input_shape[0], self.new_shape), a shape whose second entry is the tuple (5, 2); Keras 3 builds the layer's symbolic output from compute_output_shape and refuses the nested shape.
# Source: https://github.com/keras-team/keras/issues/19259
# Reported: "option 2 works in keras 2 but not 3" (return (input_shape[0], self.new_shape) in compute_output_shape; option 1, (input_shape[0],) + self.new_shape, works in both)
# Fix (the report's option 1): concatenate the shapes, return (input_shape[0],) + self.new_shape.
# keras: raises ValueError
# status: caught
# Family: custom-layer-weights
import keras
import tensorflow as tf


class ReshapeLayer(keras.layers.Layer):
    def __init__(self, new_shape, **kwargs):
        super(ReshapeLayer, self).__init__(**kwargs)
        self.new_shape = new_shape

    def build(self, input_shape):
        super(ReshapeLayer, self).build(input_shape)

    def call(self, inputs):
        return tf.reshape(inputs, self.new_shape)

    def compute_output_shape(self, input_shape):
        # option 2 #  < ---- works in keras 2 but not 3
        return (  # expect: SL234
            input_shape[0],
            self.new_shape
        )


input_shape = (None, 10)
new_shape = (5, 2)
model = keras.Sequential([
    keras.layers.Dense(20, input_shape=input_shape),
    ReshapeLayer(new_shape)
])
model.summary()
model.compile(optimizer="adam", loss="mse")
