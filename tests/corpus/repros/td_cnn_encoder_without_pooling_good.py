# Fixed twin of td_cnn_encoder_without_pooling_bad.py: the frame encoder ends with global average pooling.
# Source: https://github.com/keras-team/keras/issues/9887
# keras: runs
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Conv2D, Dense, GlobalAveragePooling2D, Input, Lambda, MaxPooling2D, TimeDistributed
from keras.models import Model, Sequential

# stands for MobileNet(weights=None, include_top=False, pooling="avg", input_shape=(256, 256, 3))
face_encoder = Sequential(
    [Input(shape=(32, 32, 3)), Conv2D(8, (3, 3), activation="relu"), MaxPooling2D((2, 2)), GlobalAveragePooling2D()]
)
face_encoder.trainable = False

video = Input(shape=(None, 32, 32, 3), name="video_input")
encoded_frame = TimeDistributed(Lambda(lambda x: face_encoder(x)))(video)
encoded_vid = LSTM(16)(encoded_frame)
outputs = Dense(7, activation="relu")(encoded_vid)
model = Model(inputs=[video], outputs=outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(2, 3, 32, 32, 3), np.random.rand(2, 7), epochs=1, verbose=0)
