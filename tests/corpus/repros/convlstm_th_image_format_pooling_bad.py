# Repro: a ConvLSTM2D segmentation net run with the channels_first image format on (frames, rows, cols, 3) clips: the 3 colour values become the columns, and the second 2x2 pooling finds 1 column.
# Source: https://github.com/farquasar1/ConvLSTM/issues/3
# Reported: ValueError: Negative dimension size caused by subtracting 2 from 1 for 'time_distributed_2/MaxPool' (op: 'MaxPool') with input shapes: [?,20,1,24]
# Fix (the reporter's): use the channels_last image format for (frames, rows, cols, channels) clips.
# keras: raises ValueError
# status: caught
# Family: convlstm
import keras
from keras.layers import ConvLSTM2D, Input, MaxPooling2D, TimeDistributed
from keras.models import Model

keras.config.set_image_data_format("channels_first")

c = 4
input_img = Input((6, 8, 8, 3), name="input")
x = ConvLSTM2D(c, (3, 3), padding="same", return_sequences=True)(input_img)
c1 = ConvLSTM2D(c, (3, 3), padding="same", return_sequences=True)(x)
x = TimeDistributed(MaxPooling2D((2, 2), (2, 2)))(c1)
x = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
c2 = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
x = TimeDistributed(MaxPooling2D((2, 2), (2, 2)))(c2)  # expect: SL108
x = ConvLSTM2D(2 * c, (3, 3), padding="same", return_sequences=True)(x)
model = Model(input_img, x)
