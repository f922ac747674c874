# Repro: captcha OCR (CRNN): the image input is declared (img_width, img_width, 1), so the reshape to (img_width // 4, (img_height // 4) * 64) no longer fits.
# Source: https://github.com/keras-team/keras-io/issues/610
# Reported: ValueError: total size of new array must be unchanged, input_shape = [50, 50, 64], output_shape = [50, 768]
# Fix: declare the input as (img_width, img_height, 1), the shape the reshape was computed for.
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

img_width, img_height, n_chars = 16, 8, 10


def build_model():
    input_img = layers.Input(shape=(img_width, img_width, 1), name="image", dtype="float32")
    x = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv1")(input_img)
    x = layers.MaxPooling2D((2, 2), name="pool1")(x)
    x = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv2")(x)
    x = layers.MaxPooling2D((2, 2), name="pool2")(x)
    new_shape = ((img_width // 4), (img_height // 4) * 64)
    x = layers.Reshape(target_shape=new_shape, name="reshape")(x)  # expect: SL106
    x = layers.Dense(64, activation="relu", name="dense1")(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Bidirectional(layers.LSTM(16, return_sequences=True, dropout=0.25))(x)
    x = layers.Dense(n_chars + 1, activation="softmax", name="dense2")(x)
    return keras.models.Model(inputs=input_img, outputs=x, name="ocr_model_v1")


model = build_model()
model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy")
model.predict(np.random.rand(2, img_width, img_height, 1), verbose=0)
