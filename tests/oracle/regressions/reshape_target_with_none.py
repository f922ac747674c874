# oracle-regression: Reshape((None, 2, 1)) is accepted by Keras (None acts like -1) and gives a
# rank-4 tensor, which the next recurrent layer rejects.  seqlint reads a None in the target as
# "unknown shape" and loses the rank as well.
# keras: raises ValueError (expected ndim=3, found ndim=4)
# status: open
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(None, 6)),
        keras.layers.Bidirectional(keras.layers.GRU(2, return_sequences=True)),
        keras.layers.Reshape((None, 2, 1)),
        keras.layers.Bidirectional(
            keras.layers.SimpleRNN(6, return_sequences=True)
        ),  # seqlint: error
        keras.layers.Dense(1),
    ]
)
