# Fixed twin of convlstm_sequence_reshaped_to_one_frame_bad.py: the 2D CNN runs on every ConvLSTM2D frame through TimeDistributed.
# Source: https://github.com/GuangmingZhu/ContinuousGR/issues/1
# keras: runs
# Family: convlstm
import numpy as np
import keras
from keras.layers import AveragePooling3D, Conv2D, ConvLSTM2D, Dense, Flatten, Input, TimeDistributed
from keras.models import Model

seq_len = 4
res3d_featmap = Input((seq_len, 8, 8, 16))
clstm2d_1 = ConvLSTM2D(8, (3, 3), strides=(1, 1), padding="same", return_sequences=True, name="gatedclstm2d_1")(res3d_featmap)
clstm2d_2 = ConvLSTM2D(8, (3, 3), strides=(1, 1), padding="same", return_sequences=True, name="gatedclstm2d_2")(clstm2d_1)
features = TimeDistributed(Conv2D(16, (3, 3), strides=(2, 2), padding="same", activation="relu"))(clstm2d_2)
gpooling = AveragePooling3D(pool_size=(seq_len, 4, 4), strides=(seq_len, 4, 4), padding="valid")(features)
out = Dense(5, activation="softmax")(Flatten()(gpooling))
model = Model(res3d_featmap, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(2, seq_len, 8, 8, 16), np.array([0, 3]), epochs=1, verbose=0)
