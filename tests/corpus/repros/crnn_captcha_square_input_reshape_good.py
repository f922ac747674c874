# Fixed twin of crnn_captcha_square_input_reshape_bad.py: the input is (img_width, img_height, 1), as the reshape expects.
# Source: https://github.com/keras-team/keras-io/issues/610
# keras: runs
# Family: cnn-lstm-video
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

img_width, img_height, n_chars = 16, 8, 10


def build_model():
    input_img = layers.Input(shape=(img_width, img_height, 1), name="image", dtype="float32")
    x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv1")(input_img)
    x = layers.MaxPooling2D((2, 2), name="pool1")(x)
    x = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv2")(x)
    x = layers.MaxPooling2D((2, 2), name="pool2")(x)
    new_shape = ((img_width // 4), (img_height // 4) * 64)
    x = layers.Reshape(target_shape=new_shape, name="reshape")(x)
    x = layers.Dense(64, activation="relu", name="dense1")(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Bidirectional(layers.LSTM(16, return_sequences=True, dropout=0.25))(x)
    x = layers.Dense(n_chars + 1, activation="softmax", name="dense2")(x)
    return keras.models.Model(inputs=input_img, outputs=x, name="ocr_model_v1")


model = build_model()
model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy")
model.predict(np.random.rand(2, img_width, img_height, 1), verbose=0)
