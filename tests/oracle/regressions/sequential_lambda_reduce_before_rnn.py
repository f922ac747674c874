# oracle-regression: a Lambda that sums over the steps, inside a Sequential list, then a GRU.
# Keras builds the GRU on (batch, 8) and raises; seqlint follows the Lambda in a functional model
# (SL101 there) but not inside a Sequential model, where its output shape stays unknown.
# keras: raises ValueError (expected ndim=3, found ndim=2)
# status: open
import keras
from keras import layers, ops

model = keras.Sequential(
    [
        keras.Input(shape=(4, 8)),
        layers.Lambda(lambda t: ops.sum(t, axis=1)),
        layers.GRU(6),  # seqlint: error
    ]
)
