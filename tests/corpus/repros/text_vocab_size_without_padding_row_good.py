# Fixed twin of text_vocab_size_without_padding_row_bad.py: VOCAB_SIZE = vocab_size + 1 (row 0 for padding).
# Source: https://github.com/NLP-kr/tensorflow-ml-nlp/issues/26
# keras: runs
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

VOCAB_SIZE = prepro_configs["vocab_size"] + 1
model = tf.keras.Sequential()
model.add(tf.keras.layers.Embedding(VOCAB_SIZE, 8))
model.add(tf.keras.layers.LSTM(8))
model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_input, train_label, batch_size=2, epochs=1, verbose=0)
