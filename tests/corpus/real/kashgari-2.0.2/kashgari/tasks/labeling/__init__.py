# encoding: utf-8

# author: BrikerMan
# contact: eliyar917@gmail.com
# blog: https://eliyar.biz

# file: __init__.py
# time: 4:30 下午

from .abc_model import ABCLabelingModel
from .bi_gru_model import BiGRU_Model
from .bi_gru_crf_model import BiGRU_CRF_Model
from .bi_lstm_model import BiLSTM_Model
from .bi_lstm_crf_model import BiLSTM_CRF_Model
from .cnn_lstm_model import CNN_LSTM_Model

ALL_MODELS = [
    BiGRU_Model,
    BiGRU_CRF_Model,
    BiLSTM_Model,
    BiLSTM_CRF_Model,
    CNN_LSTM_Model,
]

if __name__ == "__main__":
    pass
