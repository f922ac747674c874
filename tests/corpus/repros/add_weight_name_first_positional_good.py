# Fixed twin of add_weight_name_first_positional_bad.py: shape first, name as a keyword (the lab's Keras 3 update).
# Source: https://github.com/MITDeepLearning/introtodeeplearning/issues/163
# keras: runs
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
    self.W = self.add_weight(
        shape=(d, self.n_output_nodes),
        name="weight",
    )
    self.b = self.add_weight(
        shape=(1, self.n_output_nodes),
        name="bias",
    )

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
