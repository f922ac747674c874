"""Programs whose data reaches Keras through the paths of issue 15 (tf.data with user
functions, generators, custom losses, values computed on the way), each as a bad version
(the line seqlint reports carries ``# expect: CODE``) and the fixed one.

``test_cases.py`` lints them; ``test_cases_keras.py`` runs them in real Keras: the bad
version raises what ``raises`` names, the good one trains.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    bad: str
    good: str
    raises: str  # a fragment of the message Keras (or numpy) raises on the bad version


def case(name: str, bad: str, good: str, raises: str) -> Case:
    return Case(name, textwrap.dedent(bad), textwrap.dedent(good), raises)


CHAR_RNN = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras

text_as_int = np.random.randint(0, 65, size=(2000,))
seq_length = 100
char_dataset = tf.data.Dataset.from_tensor_slices(text_as_int)
sequences = char_dataset.batch(seq_length + 1, drop_remainder=True)


def split_input_target(chunk):
    input_text = chunk[:-1]
    target_text = chunk[1:]
    return input_text, target_text


dataset = sequences.map(split_input_target)
dataset = dataset.shuffle(1000).batch(4, drop_remainder=True)

rnn = keras.layers.GRU


def loss(labels, logits):
    return keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)


model = keras.Sequential([
    keras.layers.Embedding(65, 16),
    rnn(32{options}),
    keras.layers.Dense(65),
])
model.compile(optimizer="adam", loss=loss)
model.fit(dataset, epochs=1, verbose=0){marker}
"""

CASES = [
    case(
        "char-rnn",
        CHAR_RNN.format(options="", marker="  # expect: SL201"),
        CHAR_RNN.format(options=", return_sequences=True", marker=""),
        "must have rank",
    ),
]

UNBATCHED_IDS = """\
import numpy as np
import tensorflow as tf
import keras

ids = np.random.randint(0, 50, size=(8, 20))
labels = np.random.randint(0, 2, size=(8, 1))
dataset = tf.data.Dataset.from_tensor_slices((ids, labels)){batch}
model = keras.Sequential([
    keras.layers.Embedding(50, 8),
    keras.layers.LSTM(4),{marker}
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(dataset, epochs=1, verbose=0)
"""

WINDOWS = """\
import numpy as np
import tensorflow as tf
import keras

series = np.sin(np.arange(200) / 10.0){features}
window = 11
dataset = tf.data.Dataset.from_tensor_slices(series)
dataset = dataset.window(window, shift=1, drop_remainder=True)
dataset = dataset.flat_map(lambda w: w.batch(window, drop_remainder=True))
dataset = dataset.map(lambda w: (w[:-1], w[-1])).batch(16).prefetch(1)
model = keras.Sequential([keras.layers.LSTM(8), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=1, verbose=0){marker}
"""

GENERATOR = """\
import numpy as np
import keras

X = np.random.rand(64, 12, 3)
y = keras.utils.to_categorical(np.random.randint(0, 5, size=(64,)), 5)


def batches(batch_size=16):
    while True:
        idx = np.random.randint(0, len(X), batch_size)
        yield X[idx], y[idx]


inputs = keras.Input(shape=(12, 3))
hidden = keras.layers.GRU(8)(inputs)
outputs = keras.layers.Dense(5, activation="softmax")(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="{loss}")
model.fit(batches(), steps_per_epoch=2, epochs=1, verbose=0){marker}
"""

PYDATASET = """\
import numpy as np
import keras


class Windows(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return len(self.x) // self.batch_size

    def __getitem__(self, idx):
        low = idx * self.batch_size
        return self.x[low:low + self.batch_size], self.y[low:low + self.batch_size]


X = np.random.rand(40, 10, 2)
Y = np.random.randint(0, 5, size=(40, 10, 1))
model = keras.Sequential([
    keras.Input(shape=(10, 2)),
    keras.layers.LSTM(6{options}),
    keras.layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(Windows(X, Y, 8), epochs=1, verbose=0){marker}
"""

CASES += [
    case(
        "unbatched-token-ids",
        UNBATCHED_IDS.format(batch="", marker="  # expect: SL101"),
        UNBATCHED_IDS.format(batch=".batch(4)", marker=""),
        "expected ndim=3, found ndim=2",
    ),
    case(
        "window-flat-map",
        WINDOWS.format(features="", marker="  # expect: SL209"),
        WINDOWS.format(features=".reshape(-1, 1)", marker=""),
        "expected ndim=3, found ndim=2",
    ),
    case(
        "generator",
        GENERATOR.format(loss="sparse_categorical_crossentropy", marker="  # expect: SL201"),
        GENERATOR.format(loss="categorical_crossentropy", marker=""),
        "must have rank",
    ),
    case(
        "pydataset",
        PYDATASET.format(options="", marker="  # expect: SL201"),
        PYDATASET.format(options=", return_sequences=True", marker=""),
        "must have rank",
    ),
]

TRAILING_ONE = """\
import numpy as np
import keras

X = np.random.rand(32, 10)
y = np.random.randint(0, 3, size=(32,{target}))
inputs = keras.Input(shape=(10, 1))
hidden = keras.layers.LSTM(4, return_sequences=True)(inputs)
outputs = keras.layers.Dense(3, activation="softmax")(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, verbose=0){marker}
"""

CASES += [
    case(
        "input-trailing-one",
        TRAILING_ONE.format(target="", marker="  # expect: SL201"),
        TRAILING_ONE.format(target=" 10", marker=""),
        "must have rank",
    ),
]

CLASS_COUNT = """\
import numpy as np
import keras
from sklearn.preprocessing import LabelEncoder

labels = ["rock", "jazz", "pop", "jazz", "rock", "blues", "pop", "rock"]
encoder = LabelEncoder()
y = keras.utils.to_categorical(encoder.fit_transform(labels))
X = np.random.rand(len(labels), 6, 2)
model = keras.Sequential([
    keras.Input(shape=(6, 2)),
    keras.layers.LSTM(4),
    keras.layers.Dense({units}, activation="softmax"),{marker}
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, y, epochs=1, verbose=0)
"""

CASES += [
    case(
        "label-encoder-classes",
        CLASS_COUNT.format(units=3, marker="  # expect: SL202"),
        CLASS_COUNT.format(units="len(encoder.classes_)", marker=""),
        "shape",
    ),
]

WINDOWS_RESHAPE = """\
import numpy as np
import keras

prices = np.random.rand(300, 1)
X, y = [], []
for i in range(60, 300):
    X.append(prices[i - 60:i, 0])
    y.append(prices[i, 0])
X, y = np.array(X), np.array(y)
X = np.reshape(X, (X.shape[0], X.shape[1], {features})){marker}
model = keras.Sequential([
    keras.Input(shape=(60, {features})),
    keras.layers.LSTM(8),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
"""

SERIES_RESHAPE = """\
import numpy as np
import keras

series = np.random.rand(240, 2)
X = series.reshape(({samples}, 12, 2)){marker}
y = np.random.rand(20, 1)
model = keras.Sequential([keras.Input(shape=(12, 2)), keras.layers.GRU(4), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
"""

SEQUENCE_AS_STATE = """\
import numpy as np
import keras
from keras import layers

encoder_inputs = keras.Input(shape=(12, 8))
encoder_outputs, state_h, state_c = layers.LSTM(
    16, return_sequences=True, return_state=True
)(encoder_inputs)
decoder_inputs = keras.Input(shape=(9, 8))
decoder = layers.LSTM(16, return_sequences=True)
decoder_outputs = decoder(decoder_inputs, initial_state=[{first}, state_c]){marker}
outputs = layers.Dense(8, activation="softmax")(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(
    [np.random.rand(4, 12, 8), np.random.rand(4, 9, 8)], np.random.rand(4, 9, 8), verbose=0
)
"""

CASES += [
    case(
        "windows-reshape-features",
        WINDOWS_RESHAPE.format(features=5, marker="  # expect: SL240"),
        WINDOWS_RESHAPE.format(features=1, marker=""),
        "cannot reshape array of size 14400 into shape",
    ),
    case(
        "series-reshape-samples",
        SERIES_RESHAPE.format(samples=240, marker="  # expect: SL240"),
        SERIES_RESHAPE.format(samples=20, marker=""),
        "cannot reshape array of size 480 into shape",
    ),
    case(
        "sequence-as-initial-state",
        SEQUENCE_AS_STATE.format(first="encoder_outputs", marker="  # expect: SL107"),
        SEQUENCE_AS_STATE.format(first="state_h", marker=""),
        "Dimensions must be equal",
    ),
]

FORECAST_INVERSE = """\
import numpy as np
import keras
from keras import layers
from sklearn.preprocessing import MinMaxScaler

frame = np.random.rand(150, 4)
scaler = MinMaxScaler(feature_range=(0, 1))
scaled = scaler.fit_transform(frame)
target_scaler = MinMaxScaler().fit(frame[:, :1])
X = np.array([scaled[i:i + 20] for i in range(120)])
y = scaled[20:140, 0]
inputs = keras.Input(shape=(20, 4))
outputs = layers.Dense(1)(layers.GRU(8)(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
predicted = model.predict(X[-10:], verbose=0)
predicted = {scaler}.inverse_transform(predicted){marker}
"""

TEST_COLUMNS = """\
import numpy as np
import keras
from sklearn.preprocessing import StandardScaler

train = np.random.rand(80, 2)
test = np.random.rand(20, 2)
scaler = StandardScaler()
train_scaled = scaler.fit_transform(train)
test_scaled = scaler.transform({test}){marker}
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_scaled, np.random.rand(80, 1), epochs=1, verbose=0)
"""

CASES += [
    case(
        "scaler-inverse-prediction",
        FORECAST_INVERSE.format(scaler="scaler", marker="  # expect: SL241"),
        FORECAST_INVERSE.format(scaler="target_scaler", marker=""),
        "non-broadcastable output operand",
    ),
    case(
        "scaler-test-columns",
        TEST_COLUMNS.format(
            test="np.column_stack([test, np.ones(20)])", marker="  # expect: SL241"
        ),
        TEST_COLUMNS.format(test="test", marker=""),
        "X has 3 features, but StandardScaler is expecting 2 features",
    ),
]

LIST_OF_NUMBERS = """\
import numpy as np
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit({x}, {y}, epochs=1, verbose=0){marker}
"""

LAYER_AS_DATA = """\
import numpy as np
import keras

encoder = keras.Sequential([keras.Input(shape=(8, 2)), keras.layers.LSTM(4)])
head = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
X = np.random.rand(6, 8, 2)
codes = head.predict({data}, verbose=0){marker}
"""

NAMED_INPUTS = """\
import numpy as np
import keras
from keras import layers

words = keras.Input(shape=(10,), name="words")
lengths = keras.Input(shape=(1,), name="lengths")
hidden = layers.LSTM(4)(layers.Embedding(30, 8)(words))
outputs = layers.Dense(1)(layers.Concatenate()([hidden, lengths]))
model = keras.Model([words, lengths], outputs)
model.compile(optimizer="adam", loss="mse")
data = {{"{key}": np.random.randint(0, 30, (5, 10)), "lengths": np.random.rand(5, 1)}}
model.fit(data, np.random.rand(5, 1), epochs=1, verbose=0){marker}
"""

ON_BATCH = """\
import numpy as np
import keras

model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
scores = model.predict_on_batch({x}){marker}
"""

CASES += [
    case(
        "fit-lists-of-numbers",
        LIST_OF_NUMBERS.format(
            x="[[0.1, 0.2, 0.3], [0.5, 0.1, 0.9]]", y="[0, 1]", marker="  # expect: SL242"
        ),
        LIST_OF_NUMBERS.format(
            x="np.array([[0.1, 0.2, 0.3], [0.5, 0.1, 0.9]])", y="np.array([0, 1])", marker=""
        ),
        "Unrecognized data type",
    ),
    case(
        "predict-given-a-model",
        LAYER_AS_DATA.format(data="encoder", marker="  # expect: SL242"),
        LAYER_AS_DATA.format(data="encoder.predict(X, verbose=0)", marker=""),
        "Unrecognized data type",
    ),
    case(
        "dict-keys-miss-an-input",
        NAMED_INPUTS.format(key="tokens", marker="  # expect: SL242"),
        NAMED_INPUTS.format(key="words", marker=""),
        'Missing data for input "words"',
    ),
    case(
        "predict-on-batch-strings",
        ON_BATCH.format(x='["good", "bad"]', marker="  # expect: SL242"),
        ON_BATCH.format(x="np.random.rand(2, 3)", marker=""),
        "Only input tensors may be passed",
    ),
]

CSV_COLUMNS = """\
import io

import numpy as np
import pandas as pd
import keras

rows = "\\n".join(f"{{i}},{{i * 0.5}},{{i % 7}},{{i % 2}}" for i in range(60))
df = pd.read_csv(io.StringIO("open,close,volume,label\\n" + rows))
values = df[{columns}].values
X = np.array([values[i:i + 5] for i in range(50)])
y = df["label"].values[5:55]
model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    keras.layers.LSTM(8),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, verbose=0){marker}
"""

FRAME_ILOC = """\
import numpy as np
import pandas as pd
import keras

df = pd.DataFrame({{
    "temperature": np.random.rand(40),
    "humidity": np.random.rand(40),
    "wind": np.random.rand(40),
    "rain": np.random.rand(40),
}})
X = df.{select}.to_numpy()
y = df.iloc[:, -1].values
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(8), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0){marker}
"""

FRAME_SCALER = """\
import numpy as np
import pandas as pd
import keras
from sklearn.preprocessing import StandardScaler

df = pd.DataFrame(np.random.rand(80, 3), columns=["open", "close", "volume"])
scaler = StandardScaler()
values = scaler.fit_transform(df[{columns}])
X = np.array([values[i:i + 5] for i in range(70)])
model = keras.Sequential([
    keras.Input(shape=(5, {width})),
    keras.layers.LSTM(4),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, values[5:75, :1], epochs=1, verbose=0)
forecast = scaler.inverse_transform(model.predict(X, verbose=0)){marker}
"""

CASES += [
    case(
        "csv-columns-into-model",
        CSV_COLUMNS.format(columns='["open", "close"]', marker="  # expect: SL209"),
        CSV_COLUMNS.format(columns='["open", "close", "volume"]', marker=""),
        "Dimensions must be equal, but are 2 and 3",
    ),
    case(
        "frame-iloc-columns",
        FRAME_ILOC.format(select="iloc[:, :]", marker="  # expect: SL209"),
        FRAME_ILOC.format(select="drop(columns=['rain'])", marker=""),
        "expected axis -1 of input shape to have value 3",
    ),
    case(
        "frame-scaler-inverse",
        FRAME_SCALER.format(columns='["open", "close"]', width=2, marker="  # expect: SL241"),
        FRAME_SCALER.format(columns='["close"]', width=1, marker=""),
        "non-broadcastable output operand",
    ),
]

# fit(..., validation_data=...) evaluates the model on that data after each epoch: a tuple of
# arrays, a dataset, a PyDataset; its own shapes are checked where they differ from the
# training data's.
VALIDATION = """\
import numpy as np
import tensorflow as tf
import keras

X = np.random.rand(16, 10, 2)
Y = np.random.randint(0, 3, size=(16,))
X_val = np.random.rand(8, 10, {features})
Y_val = np.random.randint(0, 3, size=(8,)){targets}


class Windows(keras.utils.PyDataset):
    def __init__(self, x, y, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y = x, y

    def __len__(self):
        return 2

    def __getitem__(self, idx):
        return self.x[idx * 4:(idx + 1) * 4], self.y[idx * 4:(idx + 1) * 4]


validation = {validation}
model = keras.Sequential([
    keras.Input(shape=(10, 2)),
    keras.layers.LSTM(4),
    keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, Y, epochs=1, batch_size=4, validation_data=validation, verbose=0){marker}
"""

UNBATCHED_VALIDATION_IDS = """\
import numpy as np
import tensorflow as tf
import keras

ids = np.random.randint(0, 50, size=(8, 20))
labels = np.random.randint(0, 2, size=(8, 1))
train = tf.data.Dataset.from_tensor_slices((ids, labels)).batch(4)
validation = tf.data.Dataset.from_tensor_slices((ids[:4], labels[:4])){batch}
model = keras.Sequential([
    keras.Input(shape=(20,)),
    keras.layers.Embedding(50, 8),
    keras.layers.LSTM(4),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train, validation_data=validation, epochs=1, verbose=0){marker}
"""

CASES += [
    case(
        "validation-arrays-other-features",
        VALIDATION.format(
            features=3, targets="", validation="(X_val, Y_val)", marker="  # expect: SL209"
        ),
        VALIDATION.format(features=2, targets="", validation="(X_val, Y_val)", marker=""),
        "Dimensions must be equal, but are 3 and 2",
    ),
    case(
        "validation-one-hot-targets",
        VALIDATION.format(
            features=2,
            targets="\nY_val = keras.utils.to_categorical(Y_val, 3)",
            validation="(X_val, Y_val)",
            marker="  # expect: SL201",
        ),
        VALIDATION.format(features=2, targets="", validation="(X_val, Y_val)", marker=""),
        "must have rank",
    ),
    case(
        "validation-pydataset-other-features",
        VALIDATION.format(
            features=3,
            targets="",
            validation="Windows(X_val, Y_val)",
            marker="  # expect: SL209",
        ),
        VALIDATION.format(features=2, targets="", validation="Windows(X_val, Y_val)", marker=""),
        "Dimensions must be equal, but are 3 and 2",
    ),
    case(
        "validation-dataset-unbatched",
        UNBATCHED_VALIDATION_IDS.format(batch="", marker="  # expect: SL209"),
        UNBATCHED_VALIDATION_IDS.format(batch=".batch(4)", marker=""),
        "Expected shape \\(None, 20\\), but input has incompatible shape \\(20,\\)",
    ),
]
