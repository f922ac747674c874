# encoding: utf-8

# author: BrikerMan
# contact: eliyar917@gmail.com
# blog: https://eliyar.biz

# file: __init__.py
# time: 2:33 下午

from .att_gru_decoder import AttGRUDecoder  # type: ignore
from .gru_decoder import GRUDecoder  # type: ignore

if __name__ == "__main__":
    pass
