# oracle-regression: a Lambda that sums over the steps, inside a Sequential list, then a GRU.
# Keras builds the GRU on (batch, 8) and raises.  Found against seqlint 3db82b1, which followed
# the Lambda in a functional model (SL101 there) but not inside a Sequential model, where its
# output shape stayed unknown; main 7945d4a reports SL101.
# keras: raises ValueError (expected ndim=3, found ndim=2)
# status: fixed
import keras
from keras import layers, ops

model = keras.Sequential(
    [
        keras.Input(shape=(4, 8)),
        layers.Lambda(lambda t: ops.sum(t, axis=1)),
        layers.GRU(6),  # seqlint: error
    ]
)
