# Repro: LSTM-FCN on a new dataset: the Dense takes its classes from utils/constants.py (NB_CLASSES_LIST), the one-hot targets take theirs from the dataset's labels (utils/keras_utils.py)
# Source: https://github.com/titu1994/LSTM-FCN/issues/22
# Reported: ValueError: Error when checking target: expected dense_1 to have shape (60684,) but got array with shape (119278,)
# Fix: the new dataset's entry of NB_CLASSES_LIST is its number of classes (the maintainer's steps for a new dataset: https://github.com/titu1994/LSTM-FCN/issues/3)
# keras: raises ValueError
# status: missed: the targets' width is len(np.unique(y_train)) of labels that load_dataset_at rescales to (y - min) / (max - min) * (nb_classes - 1); seqlint counts the distinct values of a literal list only, so the one-hot targets have an unknown number of classes
# Family: across-files
from keras.layers import LSTM, Activation, BatchNormalization, Conv1D, Dense, Dropout
from keras.layers import GlobalAveragePooling1D, Input, Permute, concatenate
from keras.models import Model

from utils.constants import MAX_SEQUENCE_LENGTH_LIST, NB_CLASSES_LIST
from utils.keras_utils import train_model


def generate_lstmfcn(MAX_SEQUENCE_LENGTH, NB_CLASS, NUM_CELLS=8):
    ip = Input(shape=(1, MAX_SEQUENCE_LENGTH))

    x = LSTM(NUM_CELLS)(ip)
    x = Dropout(0.8)(x)

    y = Permute((2, 1))(ip)
    y = Conv1D(16, 8, padding="same", kernel_initializer="he_uniform")(y)
    y = BatchNormalization()(y)
    y = Activation("relu")(y)
    y = GlobalAveragePooling1D()(y)

    x = concatenate([x, y])
    out = Dense(NB_CLASS, activation="softmax")(x)
    model = Model(ip, out)
    return model


if __name__ == "__main__":
    did = 1  # the new dataset, added at the end of the lists of utils/constants.py
    MAX_SEQUENCE_LENGTH = MAX_SEQUENCE_LENGTH_LIST[did]
    NB_CLASS = NB_CLASSES_LIST[did]
    model = generate_lstmfcn(MAX_SEQUENCE_LENGTH, NB_CLASS, NUM_CELLS=8)
    train_model(model, did, "new_dataset", epochs=1, batch_size=4)
