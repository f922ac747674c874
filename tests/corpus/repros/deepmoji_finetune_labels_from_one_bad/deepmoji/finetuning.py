import numpy as np
from keras.optimizers import Adam
from keras.utils import to_categorical


def load_benchmark(path, vocab=None, extend_with=0):
    """The dataset pickled at path, tokenized and split into training, validation and testing."""
    maxlen = 10
    texts = np.random.randint(1, 50, size=(15, maxlen))  # SentenceTokenizer(vocab, maxlen)
    labels = np.array([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5])  # x['label'] for x in data['info']
    return {
        "texts": [texts[:9], texts[9:12], texts[12:]],
        "labels": [labels[:9], labels[9:12], labels[12:]],
        "added": 0,
        "batch_size": 4,
        "maxlen": maxlen,
    }


def finetune(model, texts, labels, nb_classes, batch_size, method, metric="acc", nb_epochs=1, verbose=0):
    (X_train, y_train) = (texts[0], labels[0])
    (X_val, y_val) = (texts[1], labels[1])
    (X_test, y_test) = (texts[2], labels[2])

    loss = "binary_crossentropy" if nb_classes <= 2 else "categorical_crossentropy"
    result = chain_thaw(
        model,
        nb_classes=nb_classes,
        train=(X_train, y_train),
        val=(X_val, y_val),
        test=(X_test, y_test),
        batch_size=batch_size,
        loss=loss,
        nb_epochs=nb_epochs,
        verbose=verbose,
    )
    return model, result


def chain_thaw(model, nb_classes, train, val, test, batch_size, loss, nb_epochs, verbose=0):
    X_train, y_train = train
    X_val, y_val = val
    X_test, y_test = test

    if nb_classes > 2:
        y_train = to_categorical(y_train)
        y_val = to_categorical(y_val)
        y_test = to_categorical(y_test)

    # train_by_chain_thaw: the softmax layer first, then each layer, then all of them
    model.compile(loss=loss, optimizer=Adam(clipnorm=1, learning_rate=0.0001), metrics=["accuracy"])
    model.fit(X_train, y_train, batch_size=batch_size, epochs=nb_epochs, validation_data=(X_val, y_val), verbose=verbose)
    return model.evaluate(X_test, y_test, batch_size=batch_size, verbose=verbose)[1]
