# Fixed twin of compute_output_shape_nested_tuple_bad.py: compute_output_shape returns the flat shape (input_shape[0],) + self.new_shape (the report's option 1); the model builds, summarises and compiles, as in the report.
# Source: https://github.com/keras-team/keras/issues/19259
# keras: runs
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
        # option 1 # works in keras 2 and 3.
        return (input_shape[0],) + self.new_shape


input_shape = (None, 10)
new_shape = (5, 2)
model = keras.Sequential([
    keras.layers.Dense(20, input_shape=input_shape),
    ReshapeLayer(new_shape)
])
model.summary()
model.compile(optimizer="adam", loss="mse")
