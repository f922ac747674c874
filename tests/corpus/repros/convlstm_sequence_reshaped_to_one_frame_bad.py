# Repro: the per-frame output of a ConvLSTM2D stack (return_sequences=True) is reshaped to a single (28, 28, 256) feature map for a 2D CNN: the frames do not fit in one map.
# Source: https://github.com/GuangmingZhu/ContinuousGR/issues/1
# Reported: ValueError: Cannot reshape a tensor with 25690112 elements to shape [8,28,28,256] (1605632 elements) for 'clstm_reshape/Reshape' with input shapes: [8,16,28,28,256]
# Fix: run the 2D CNN on every frame with TimeDistributed instead of reshaping the clip into one map, then pool over time and space.
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
import keras
from keras.layers import AveragePooling3D, Conv2D, ConvLSTM2D, Dense, Flatten, Input, Reshape
from keras.models import Model

seq_len = 4
res3d_featmap = Input((seq_len, 8, 8, 16))
clstm2d_1 = ConvLSTM2D(8, (3, 3), strides=(1, 1), padding="same", return_sequences=True, name="gatedclstm2d_1")(res3d_featmap)
clstm2d_2 = ConvLSTM2D(8, (3, 3), strides=(1, 1), padding="same", return_sequences=True, name="gatedclstm2d_2")(clstm2d_1)
featmap_2d = Reshape((8, 8, 8), name="clstm_reshape")(clstm2d_2)  # expect: SL106
features = Conv2D(16, (3, 3), strides=(2, 2), padding="same", activation="relu")(featmap_2d)  # stands for mobilenet(featmap_2d)
features = Reshape((seq_len, 4, 4, 16), name="feature_reshape")(features)
gpooling = AveragePooling3D(pool_size=(seq_len, 4, 4), strides=(seq_len, 4, 4), padding="valid")(features)
out = Dense(5, activation="softmax")(Flatten()(gpooling))
model = Model(res3d_featmap, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(2, seq_len, 8, 8, 16), np.array([0, 3]), epochs=1, verbose=0)
