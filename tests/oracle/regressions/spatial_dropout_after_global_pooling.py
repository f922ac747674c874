# oracle-regression: SpatialDropout1D needs (batch, timesteps, channels); after a global pooling
# it gets (batch, channels).  Keras raises when the model is built; seqlint's shape function
# knew (ProblemKind.RANK) but no rule reported a rank problem on SpatialDropout1D.
# keras: raises ValueError (expected ndim=3, found ndim=2)
# status: fixed
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(11, 4)),
        keras.layers.LSTM(8, return_sequences=True),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.SpatialDropout1D(0.1),  # seqlint: error
        keras.layers.Dense(1),
    ]
)
