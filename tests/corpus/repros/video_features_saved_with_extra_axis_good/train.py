# Repro: train.py loads the extracted CNN features with data.py and trains models.py's LSTM on them; each frame's features were saved as (1, 2048), so the sequences are (40, 1, 2048) for an LSTM declared on (40, 2048)
# Source: https://github.com/harvitronix/five-video-classification-methods/issues/120
# Reported: ValueError: Error when checking input: expected lstm_1_input to have 3 dimensions, but got array with shape (32, 40, 1, 2048)
# Fix: data.py drops the axis of 1 of each frame's features: sequences of (seq_length, features)
# keras: runs
# status: caught
# Family: across-files
from data import DataSet
from models import ResearchModels


def train(data_type, seq_length, model, saved_model=None, class_limit=None, batch_size=32, nb_epoch=100):
    data = DataSet(seq_length=seq_length, class_limit=class_limit)
    X, y = data.get_all_sequences_in_memory("train", data_type)
    X_test, y_test = data.get_all_sequences_in_memory("test", data_type)

    rm = ResearchModels(len(data.classes), model, seq_length, saved_model)
    rm.model.fit(X, y, batch_size=batch_size, validation_data=(X_test, y_test), verbose=0, epochs=nb_epoch)


def main():
    model = "lstm"
    saved_model = None
    class_limit = None
    seq_length = 4
    batch_size = 2
    nb_epoch = 1
    train("features", seq_length, model, saved_model=saved_model, class_limit=class_limit, batch_size=batch_size, nb_epoch=nb_epoch)


if __name__ == "__main__":
    main()
