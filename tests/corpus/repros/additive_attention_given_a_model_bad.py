# Repro: AdditiveAttention()([cnn_1d, question_model]) is given the question Model object instead of its output tensor.
# Source: https://github.com/tensorflow/tensorflow/issues/35007
# Reported: Attention/AdditiveAttention Issue (the sentence model fails when the attention layer is called on [cnn_1d, question_model])
# Fix: call the question model on a question input and attend over its output; the sentence model takes both inputs.
# keras: raises ValueError
# status: caught
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
    sentence_embedding = embedding(sentence_input)
    cnn_1d = Conv1D(128, 4, padding="same", activation="relu", strides=1)(sentence_embedding)
    cnn_1d = AveragePooling1D(pool_size=3)(cnn_1d)

    sentence_attention = AdditiveAttention()([cnn_1d, question_model])  # expect: SL116
    model = Model(sentence_input, sentence_attention)
    return model


embedding = Embedding(100, 16)
question_model = get_question_model(embedding)
sentence_model = get_sentence_model(embedding, question_model)
sentence_model.predict(np.random.randint(1, 100, size=(2, 12)), verbose=0)
