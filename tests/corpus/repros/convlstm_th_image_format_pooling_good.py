# Fixed twin of convlstm_th_image_format_pooling_bad.py: the channels_last image format, so each frame is (rows, cols, 3).
# Source: https://github.com/farquasar1/ConvLSTM/issues/3
# keras: runs
# Family: convlstm
import numpy as np
import keras
from keras.layers import ConvLSTM2D, Input, MaxPooling2D, TimeDistributed
from keras.models import Model

keras.config.set_image_data_format("channels_last")

c = 4
input_img = Input((6, 8, 8, 3), name="input")
x = ConvLSTM2D(c, (3, 3), padding="same", return_sequences=True)(input_img)
c1 = ConvLSTM2D(c, (3, 3), padding="same", return_sequences=True)(x)
x = TimeDistributed(MaxPooling2D((2, 2), (2, 2)))(c1)
x = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
c2 = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
x = TimeDistributed(MaxPooling2D((2, 2), (2, 2)))(c2)
x = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
model = Model(input_img, x)
model.compile(optimizer="adadelta", loss="mse")
model.predict(np.random.rand(1, 6, 8, 8, 3), verbose=0)
