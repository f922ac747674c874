import numpy as np
from keras.utils import to_categorical

FEATURES = 16  # the CNN's pool features per frame (2048 in the report)


class DataSet:
    def __init__(self, seq_length=40, class_limit=None):
        self.seq_length = seq_length
        self.class_limit = class_limit
        self.data = self.get_data()
        self.classes = self.get_classes()

    @staticmethod
    def get_data():
        """The rows of data/data_file.csv: train_or_test, class, filename, nb frames."""
        return [
            ["train", "ApplyEyeMakeup", "v_ApplyEyeMakeup_g08_c01", "120"],
            ["train", "Archery", "v_Archery_g01_c01", "98"],
            ["train", "ApplyEyeMakeup", "v_ApplyEyeMakeup_g09_c01", "110"],
            ["train", "Archery", "v_Archery_g02_c01", "101"],
            ["test", "ApplyEyeMakeup", "v_ApplyEyeMakeup_g01_c01", "130"],
            ["test", "Archery", "v_Archery_g03_c01", "96"],
        ]

    def get_classes(self):
        classes = []
        for item in self.data:
            if item[1] not in classes:
                classes.append(item[1])
        classes = sorted(classes)
        if self.class_limit is not None:
            return classes[: self.class_limit]
        return classes

    def get_class_one_hot(self, class_str):
        label_encoded = self.classes.index(class_str)
        label_hot = to_categorical(label_encoded, len(self.classes))
        label_hot = label_hot[0]  # just get a single row
        return label_hot

    def split_train_test(self):
        train = []
        test = []
        for item in self.data:
            if item[0] == "train":
                train.append(item)
            else:
                test.append(item)
        return train, test

    def get_all_sequences_in_memory(self, train_test, data_type):
        train, test = self.split_train_test()
        data = train if train_test == "train" else test
        X, y = [], []
        for row in data:
            sequence = self.get_extracted_sequence(data_type, row)
            X.append(sequence)
            y.append(self.get_class_one_hot(row[1]))
        return np.array(X), np.array(y)

    def get_extracted_sequence(self, data_type, sample):
        """np.load of the sequence extract_features.py saved: (seq_length, FEATURES)."""
        return np.random.rand(self.seq_length, FEATURES)
