from keras.layers import LSTM, Activation, Bidirectional, Dense, Embedding, Input, concatenate
from keras.models import Model

from deepmoji.attlayer import AttentionWeightedAverage

NB_TOKENS = 50


def deepmoji_transfer(nb_classes, maxlen, weight_path=None, extend_embedding=0):
    """The DeepMoji model for finetuning on a dataset of nb_classes classes."""
    model = deepmoji_architecture(nb_classes=nb_classes, nb_tokens=NB_TOKENS + extend_embedding, maxlen=maxlen)
    return model


def deepmoji_architecture(nb_classes, nb_tokens, maxlen, feature_output=False, return_attention=False):
    model_input = Input(shape=(maxlen,), dtype="int32")
    embed = Embedding(input_dim=nb_tokens, output_dim=16, mask_zero=True, name="embedding")
    x = embed(model_input)
    x = Activation("tanh")(x)

    lstm_0_output = Bidirectional(LSTM(8, return_sequences=True), name="bi_lstm_0")(x)
    lstm_1_output = Bidirectional(LSTM(8, return_sequences=True), name="bi_lstm_1")(lstm_0_output)
    x = concatenate([lstm_1_output, lstm_0_output, x])

    x = AttentionWeightedAverage(name="attlayer", return_attention=return_attention)(x)

    if nb_classes > 2:
        outputs = [Dense(nb_classes, activation="softmax", name="softmax")(x)]
    else:
        outputs = [Dense(1, activation="sigmoid", name="softmax")(x)]
    return Model(inputs=[model_input], outputs=outputs, name="DeepMoji")
