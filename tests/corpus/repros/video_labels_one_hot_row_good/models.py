from keras.layers import LSTM, Dense, Dropout, Flatten
from keras.models import Sequential
from keras.optimizers import Adam


class ResearchModels:
    def __init__(self, nb_classes, model, seq_length, saved_model=None, features_length=16):
        self.seq_length = seq_length
        self.saved_model = saved_model
        self.nb_classes = nb_classes

        metrics = ["accuracy"]
        if model == "lstm":
            self.input_shape = (seq_length, features_length)
            self.model = self.lstm()

        optimizer = Adam(learning_rate=1e-5)
        self.model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=metrics)

    def lstm(self):
        model = Sequential()
        model.add(LSTM(32, return_sequences=True, input_shape=self.input_shape, dropout=0.5))
        model.add(Flatten())
        model.add(Dense(16, activation="relu"))
        model.add(Dropout(0.5))
        model.add(Dense(self.nb_classes, activation="softmax"))
        return model
