# Repro: train.py trains models.py's LSTM on data.py's targets, whose get_class_one_hot keeps one row of the one-hot (label_hot[0], from when to_categorical returned (1, classes)): one number per sample for a Dense(nb_classes) softmax
# Source: https://github.com/harvitronix/five-video-classification-methods/issues/46
# Reported: The dimension of output of lstm dense2 is not the same as y (dense_2 (None, 101) in the model summary, then a ValueError in train.py)
# Fix: get_class_one_hot returns the whole one-hot vector (the maintainer's commit 952ab7c, "Fix one-hot bug when encoding y")
# keras: raises ValueError
# status: missed: to_categorical of one label (classes.index(class_str), an int whose value seqlint does not know) is not modelled, so get_class_one_hot's one-hot, its row label_hot[0] and the targets np.array(y) stack of them are unknown
# Family: across-files
from data import DataSet
from models import ResearchModels


def train(data_type, seq_length, model, saved_model=None, class_limit=None, batch_size=32, nb_epoch=100):
    data = DataSet(seq_length=seq_length, class_limit=class_limit)
    X, y = data.get_all_sequences_in_memory("train", data_type)
    X_test, y_test = data.get_all_sequences_in_memory("test", data_type)

    rm = ResearchModels(len(data.classes), model, seq_length, saved_model)
    rm.model.fit(X, y, batch_size=batch_size, validation_data=(X_test, y_test), verbose=0, epochs=nb_epoch)  # expect: SL201


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
