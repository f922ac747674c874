# Repro: a CNN frame encoder without global pooling wrapped in TimeDistributed(Lambda(...)): each frame stays a feature map, so the LSTM gets rank 5.
# Source: https://github.com/keras-team/keras/issues/9887
# Reported: ValueError: Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=5 (at encoded_vid = LSTM(256)(encoded_frame))
# Fix: end the frame encoder with global average pooling (include_top=False, pooling='avg'), so each frame is a vector.
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Conv2D, Dense, Input, Lambda, MaxPooling2D, TimeDistributed
from keras.models import Model, Sequential

# stands for MobileNet(weights=None, include_top=False, input_shape=(256, 256, 3)): no pooling on top
face_encoder = Sequential([Input(shape=(32, 32, 3)), Conv2D(8, (3, 3), activation="relu"), MaxPooling2D((2, 2))])
face_encoder.trainable = False

video = Input(shape=(None, 32, 32, 3), name="video_input")
encoded_frame = TimeDistributed(Lambda(lambda x: face_encoder(x)))(video)
encoded_vid = LSTM(16)(encoded_frame)  # expect: SL114
outputs = Dense(7, activation="relu")(encoded_vid)
model = Model(inputs=[video], outputs=outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(2, 3, 32, 32, 3), np.random.rand(2, 7), epochs=1, verbose=0)
