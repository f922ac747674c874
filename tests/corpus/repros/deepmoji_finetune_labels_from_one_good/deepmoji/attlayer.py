from keras import initializers, ops
from keras.layers import InputSpec, Layer


class AttentionWeightedAverage(Layer):
    """Computes a weighted average of the different channels across timesteps."""

    def __init__(self, return_attention=False, **kwargs):
        self.init = initializers.get("uniform")
        self.supports_masking = True
        self.return_attention = return_attention
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.input_spec = [InputSpec(ndim=3)]
        assert len(input_shape) == 3
        self.W = self.add_weight(shape=(input_shape[2], 1), name="{}_W".format(self.name), initializer=self.init)
        super().build(input_shape)

    def call(self, x, mask=None):
        logits = ops.matmul(x, self.W)
        x_shape = ops.shape(x)
        logits = ops.reshape(logits, (x_shape[0], x_shape[1]))
        ai = ops.exp(logits - ops.max(logits, axis=-1, keepdims=True))
        if mask is not None:
            ai = ai * ops.cast(mask, "float32")
        att_weights = ai / (ops.sum(ai, axis=1, keepdims=True) + 1e-7)
        weighted_input = x * ops.expand_dims(att_weights, -1)
        result = ops.sum(weighted_input, axis=1)
        if self.return_attention:
            return [result, att_weights]
        return result

    def compute_output_shape(self, input_shape):
        output_len = input_shape[2]
        if self.return_attention:
            return [(input_shape[0], output_len), (input_shape[0], input_shape[1])]
        return (input_shape[0], output_len)

    def compute_mask(self, input, input_mask=None):
        if isinstance(input_mask, list):
            return [None] * len(input_mask)
        return None
