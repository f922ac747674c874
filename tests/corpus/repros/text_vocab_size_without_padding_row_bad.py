# Repro: Korean review classifier: VOCAB_SIZE is the preprocessing config's vocab_size (len(word_index)), but word ids start at 1, so the largest id has no Embedding row.
# Source: https://github.com/NLP-kr/tensorflow-ml-nlp/issues/26
# Reported: InvalidArgumentError: indices[5,3] = 43511 is not in [0, 43511) [[node sequential_2/x/embedding_lookup]]
# Fix (agreed by the maintainers): VOCAB_SIZE = prepro_configs['vocab_size'] + 1, one more row for the padding id 0.
# keras: raises InvalidArgumentError
# status: caught
# Family: text-pipeline
import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.sequence import pad_sequences

texts = ["영화 정말 좋다", "지루한 영화", "배우 연기 좋다", "정말 지루한 연기"]
word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
prepro_configs = {"vocab": word_index, "vocab_size": len(word_index)}
train_input = pad_sequences([[word_index[w] for w in t.split()] for t in texts], maxlen=4, padding="post")
train_label = np.array([1, 0, 1, 0])

VOCAB_SIZE = prepro_configs["vocab_size"]
model = tf.keras.Sequential()
model.add(tf.keras.layers.Embedding(VOCAB_SIZE, 8))  # expect: SL210
model.add(tf.keras.layers.LSTM(8))
model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_input, train_label, batch_size=2, epochs=1, verbose=0)
