import numpy as np
from keras.optimizers import Adam
from keras.utils import to_categorical

from utils.generic_utils import load_dataset_at


def train_model(model, dataset_id, dataset_prefix, epochs=50, batch_size=128, learning_rate=1e-3):
    X_train, y_train, X_test, y_test, is_timeseries = load_dataset_at(dataset_id)

    y_train = to_categorical(y_train, len(np.unique(y_train)))
    y_test = to_categorical(y_test, len(np.unique(y_test)))

    optm = Adam(learning_rate=learning_rate)
    model.compile(optimizer=optm, loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(X_train, y_train, batch_size=batch_size, epochs=epochs, verbose=0, validation_data=(X_test, y_test))  # expect: SL202
