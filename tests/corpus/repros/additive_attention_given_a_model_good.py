# Fixed twin of additive_attention_given_a_model_bad.py: the attention gets the question model's output tensor.
# Source: https://github.com/tensorflow/tensorflow/issues/35007
# keras: runs
# Family: custom-attention
import numpy as np
from tensorflow.keras.layers import AdditiveAttention, AveragePooling1D, Conv1D, Embedding, Input
from tensorflow.keras.models import Model


def get_question_model(embedding):
    question_input = Input(shape=(None,), name="question_input")
    question_embedding = embedding(question_input)
    cnn_1d = Conv1D(128, 4, padding="same", activation="relu", strides=1)(question_embedding)
    cnn_1d = AveragePooling1D(pool_size=3)(cnn_1d)
    model = Model(question_input, cnn_1d)
    return model


def get_sentence_model(embedding, question_model):
    sentence_input = Input(shape=(None,), name="sentence_input")
    question_input = Input(shape=(None,), name="question")
    sentence_embedding = embedding(sentence_input)
    cnn_1d = Conv1D(128, 4, padding="same", activation="relu", strides=1)(sentence_embedding)
    cnn_1d = AveragePooling1D(pool_size=3)(cnn_1d)

    sentence_attention = AdditiveAttention()([cnn_1d, question_model(question_input)])
    model = Model([sentence_input, question_input], sentence_attention)
    return model


embedding = Embedding(100, 16)
question_model = get_question_model(embedding)
sentence_model = get_sentence_model(embedding, question_model)
sentence_model.predict([np.random.randint(1, 100, size=(2, 12)), np.random.randint(1, 100, size=(2, 9))], verbose=0)
