# Fixed twin of audio_mfcc_shorter_clip_predict_bad.py: the short clip is zero-padded to 44 frames.
# Source: https://github.com/musikalkemist/Deep-Learning-Audio-Application-From-Design-to-Deployment/issues/1
# keras: runs
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
MFCCs = np.pad(MFCCs, ((0, 44 - MFCCs.shape[0]), (0, 0)))
MFCCs = MFCCs[np.newaxis, ..., np.newaxis]
predictions = model.predict(MFCCs, verbose=0)
