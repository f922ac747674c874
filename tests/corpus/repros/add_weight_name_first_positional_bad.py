# Repro: the MIT 6.S191 lab 1 dense layer creates its weights Keras 2 style, add_weight("weight", shape=[d, n]): Keras 3 takes the first positional argument as the shape.
# Source: https://github.com/MITDeepLearning/introtodeeplearning/issues/163
# Reported: TypeError: Layer.add_weight() got multiple values for argument 'shape' (layer.build((1,2)) in Lab1 Part1, running locally with Keras 3); Keras 3.15 now refuses the call with a ValueError ("`name` must be passed as a keyword argument")
# Fix (the lab's commit dc2b4a1, "In Keras 3, add_weight changed its function signature"): pass shape first and name as a keyword, add_weight(shape=(d, n), name="weight").
# keras: raises ValueError
# status: caught
# Family: custom-layer-weights
import tensorflow as tf


class OurDenseLayer(tf.keras.layers.Layer):
  def __init__(self, n_output_nodes):
    super(OurDenseLayer, self).__init__()
    self.n_output_nodes = n_output_nodes

  def build(self, input_shape):
    d = int(input_shape[-1])
    # Define and initialize parameters: a weight matrix W and bias b
    # Note that parameter initialization is random!
    self.W = self.add_weight("weight", shape=[d, self.n_output_nodes]) # note the dimensionality  # expect: SL112
    self.b = self.add_weight("bias", shape=[1, self.n_output_nodes]) # note the dimensionality

  def call(self, x):
    z = tf.matmul(x, self.W) + self.b
    y = tf.sigmoid(z)
    return y

# Since layer parameters are initialized randomly, we will set a random seed for reproducibility
tf.keras.utils.set_random_seed(1)
layer = OurDenseLayer(3)
layer.build((1,2))
x_input = tf.constant([[1,2.]], shape=(1,2))
y = layer.call(x_input)

# test the output!
print(y.numpy())
