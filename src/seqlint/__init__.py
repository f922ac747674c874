"""seqlint: static shape checking for Keras sequence models."""

__version__ = "0.1.0"
