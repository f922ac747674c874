"""SL216 cudnn-layer: CuDNNLSTM / CuDNNGRU."""

from tests.helpers import lint


def findings(source: str) -> list:
    return [(d.line, d.column, d.message, d.hint) for d in lint(source) if d.code == "SL216"]


def test_import_and_attribute_are_reported_once_each():
    source = """
    import tensorflow as tf
    from keras.layers import Dense, CuDNNGRU
    encoder = CuDNNGRU(8)
    decoder = tf.keras.layers.CuDNNLSTM(8, return_sequences=True)
    """
    found = findings(source)
    assert [(line, col) for line, col, _, _ in found] == [(3, 33), (5, 11)]
    assert "this import raises ImportError" in found[0][2]
    assert found[0][3].startswith("use GRU instead of CuDNNGRU")
    assert "reaching it raises AttributeError" in found[1][2]
    assert found[1][3].startswith("use LSTM instead of CuDNNLSTM")


def test_an_import_guarded_by_its_exception_is_a_fallback():
    source = """
    try:
        from keras.layers import CuDNNLSTM as RNN
    except ImportError:
        from keras.layers import LSTM as RNN
    """
    assert findings(source) == []


def test_a_handler_that_does_not_catch_import_error_guards_nothing():
    source = """
    try:
        from keras.layers import CuDNNLSTM
    except ModuleNotFoundError:
        CuDNNLSTM = None
    """
    assert [line for line, *_ in findings(source)] == [3]


def test_a_local_class_of_that_name_is_not_keras():
    source = """
    class CuDNNLSTM:
        pass

    layer = CuDNNLSTM()
    """
    assert findings(source) == []
