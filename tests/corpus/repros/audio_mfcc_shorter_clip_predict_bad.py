# Repro: a keyword-spotting CNN trained on 44 MFCC frames is asked to predict on a shorter clip of 39 frames.
# Source: https://github.com/musikalkemist/Deep-Learning-Audio-Application-From-Design-to-Deployment/issues/1
# Reported: ValueError: Error when checking input: expected conv2d_input to have shape (44, 13, 1) but got array with shape (39, 13, 1)
# Fix: pad (or trim) every clip to the 44 frames the model was trained on before predicting.
# keras: raises ValueError
# status: caught
# Family: audio-spectrogram
import numpy as np
import tensorflow.keras as keras

input_shape = (44, 13, 1)
model = keras.Sequential()
model.add(keras.layers.Conv2D(8, (3, 3), activation="relu", input_shape=input_shape))
model.add(keras.layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same"))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(16, activation="relu"))
model.add(keras.layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(np.random.rand(4, 44, 13, 1), np.array([0, 1, 2, 3]), epochs=1, verbose=0)

MFCCs = np.random.rand(39, 13)
MFCCs = MFCCs[np.newaxis, ..., np.newaxis]
predictions = model.predict(MFCCs, verbose=0)  # expect: SL209
