# Repro: a seq2seq summariser's own multi-head Attention computes its scores with K.batch_dot(qw, kw, [3, 3]) on (batch, heads, steps, size) tensors; since Keras 2.3 batch_dot keeps every non-batch axis of both operands, so the scores come out rank 5 and the (0, 3, 2, 1) permutation after them fails.
# Source: https://github.com/bojone/seq2seq/issues/17
# Reported: ValueError: Dimension must be 5 but is 4 for '{{node attention_11/transpose_4}} = Transpose[T=DT_FLOAT, Tperm=DT_INT32](attention_11/truediv, attention_11/transpose_4/perm)' with input shapes: [?,8,?,... at a = K.permute_dimensions(a, (0, 3, 2, 1)) in xy = Attention(8, 16)([y, x, x, x_mask]) (tf 2.6, keras 2.6). The repository's OurLayer.reuse is replaced here by calling the Dense sublayers directly.
# Fix (the repository's commit 56ce13f): the head products as einsums, a = tf.einsum('ijkl,ijml->ijkm', qw, kw) and o = tf.einsum('ijkl,ijlm->ijkm', a, vw).
# keras: raises ValueError
# status: caught
# Family: transformer-mha
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import LSTM, Concatenate, Dense, Embedding, Input, Lambda, Layer
from tensorflow.keras.models import Model


class Attention(Layer):
    """多头注意力机制
    """
    def __init__(self, heads, size_per_head, key_size=None, **kwargs):
        super(Attention, self).__init__(**kwargs)
        self.heads = heads
        self.size_per_head = size_per_head
        self.out_dim = heads * size_per_head
        self.key_size = key_size if key_size else size_per_head
        self.q_dense = Dense(self.key_size * self.heads, use_bias=False)
        self.k_dense = Dense(self.key_size * self.heads, use_bias=False)
        self.v_dense = Dense(self.out_dim, use_bias=False)

    def mask(self, x, mask, mode='mul'):
        if mask is None:
            return x
        else:
            for _ in range(K.ndim(x) - K.ndim(mask)):
                mask = K.expand_dims(mask, K.ndim(mask))
            if mode == 'mul':
                return x * mask
            else:
                return x - (1 - mask) * 1e10

    def call(self, inputs):
        q, k, v = inputs[:3]
        v_mask = inputs[3] if len(inputs) > 3 else None
        qw = self.q_dense(q)
        kw = self.k_dense(k)
        vw = self.v_dense(v)
        qw = K.reshape(qw, (-1, K.shape(qw)[1], self.heads, self.key_size))
        kw = K.reshape(kw, (-1, K.shape(kw)[1], self.heads, self.key_size))
        vw = K.reshape(vw, (-1, K.shape(vw)[1], self.heads, self.size_per_head))
        qw = K.permute_dimensions(qw, (0, 2, 1, 3))
        kw = K.permute_dimensions(kw, (0, 2, 1, 3))
        vw = K.permute_dimensions(vw, (0, 2, 1, 3))
        # Attention
        a = K.batch_dot(qw, kw, [3, 3]) / self.key_size**0.5
        a = K.permute_dimensions(a, (0, 3, 2, 1))  # expect: SL111
        a = self.mask(a, v_mask, 'add')
        a = K.permute_dimensions(a, (0, 3, 2, 1))
        a = K.softmax(a)
        o = K.batch_dot(a, vw, [3, 2])
        o = K.permute_dimensions(o, (0, 2, 1, 3))
        o = K.reshape(o, (-1, K.shape(o)[1], self.out_dim))
        return o

    def compute_output_shape(self, input_shape):
        return (input_shape[0][0], input_shape[0][1], self.out_dim)


num_chars, char_size, z_dim = 30, 16, 32
x_in = Input(shape=(None,))
y_in = Input(shape=(None,))
x_mask = Lambda(lambda x: K.cast(K.greater(K.expand_dims(x, 2), 0), 'float32'))(x_in)
embedding = Embedding(num_chars, char_size)
x = embedding(x_in)
y = embedding(y_in)
x = LSTM(z_dim, return_sequences=True)(x)  # encoder
y = LSTM(z_dim, return_sequences=True)(y)  # decoder
xy = Attention(8, 16)([y, x, x, x_mask])
xy = Concatenate()([y, xy])
xy = Dense(num_chars, activation='softmax')(xy)
model = Model([x_in, y_in], xy)
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit([np.random.randint(1, num_chars, size=(4, 9)), np.random.randint(1, num_chars, size=(4, 5))],
          np.random.randint(0, num_chars, size=(4, 5)), epochs=1, verbose=0)
