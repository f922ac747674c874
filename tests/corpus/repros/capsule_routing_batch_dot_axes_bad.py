# Repro: the Keras Capsule layer (bojone/Capsule, used by capsnet-nlp on a BiGRU over IMDB words) routes with K.batch_dot(o, u_hat_vecs, [2, 3]); since Keras 2.3 batch_dot requires the two axes to have one size, and axis 2 of o (10 capsules) is not axis 3 of u_hat_vecs (16 dims).
# Source: https://github.com/stefan-it/capsnet-nlp/issues/5
# Reported: ValueError: Cannot do batch_dot on inputs with shapes (None, 10, 10, 16) and (None, 10, None, 16) with axes=[2, 3]. x.shape[2] != y.shape[3] (10 != 16). (TensorFlow 2.2)
# Fix (the Capsule repository's commit 432b9c7): the routing products as einsums, o = tf.einsum('bin,binj->bij', c, u_hat_vecs) and b = tf.einsum('bij,binj->bin', o, u_hat_vecs).
# keras: raises ValueError
# status: caught
# Family: lambda-ops
import numpy as np
from tensorflow.keras import activations
from tensorflow.keras import backend as K
from tensorflow.keras.layers import GRU, Bidirectional, Dense, Embedding, Flatten, Input, Layer
from tensorflow.keras.models import Model


def squash(x, axis=-1):
    s_squared_norm = K.sum(K.square(x), axis, keepdims=True) + K.epsilon()
    scale = K.sqrt(s_squared_norm)/ (0.5 + s_squared_norm)
    return scale * x


#define our own softmax function instead of K.softmax
def softmax(x, axis=-1):
    ex = K.exp(x - K.max(x, axis=axis, keepdims=True))
    return ex/K.sum(ex, axis=axis, keepdims=True)


#A Capsule Implement with Pure Keras
class Capsule(Layer):
    def __init__(self, num_capsule, dim_capsule, routings=3, share_weights=True, activation='squash', **kwargs):
        super(Capsule, self).__init__(**kwargs)
        self.num_capsule = num_capsule
        self.dim_capsule = dim_capsule
        self.routings = routings
        self.share_weights = share_weights
        if activation == 'squash':
            self.activation = squash
        else:
            self.activation = activations.get(activation)

    def build(self, input_shape):
        super(Capsule, self).build(input_shape)
        input_dim_capsule = input_shape[-1]
        self.W = self.add_weight(name='capsule_kernel',
                                 shape=(1, input_dim_capsule,
                                        self.num_capsule * self.dim_capsule),
                                 initializer='glorot_uniform',
                                 trainable=True)

    def call(self, u_vecs):
        u_hat_vecs = K.conv1d(u_vecs, self.W)

        batch_size = K.shape(u_vecs)[0]
        input_num_capsule = K.shape(u_vecs)[1]
        u_hat_vecs = K.reshape(u_hat_vecs, (batch_size, input_num_capsule,
                                            self.num_capsule, self.dim_capsule))
        u_hat_vecs = K.permute_dimensions(u_hat_vecs, (0, 2, 1, 3))
        #final u_hat_vecs.shape = [None, num_capsule, input_num_capsule, dim_capsule]

        b = K.zeros_like(u_hat_vecs[:,:,:,0]) #shape = [None, num_capsule, input_num_capsule]
        for i in range(self.routings):
            c = softmax(b, 1)
            o = K.batch_dot(c, u_hat_vecs, [2, 2])
            if i < self.routings - 1:
                o = K.l2_normalize(o, -1)
                b = K.batch_dot(o, u_hat_vecs, [2, 3])  # expect: SL111

        return self.activation(o)

    def compute_output_shape(self, input_shape):
        return (None, self.num_capsule, self.dim_capsule)


gru_len = 8
Routings = 3
Num_capsule = 10
Dim_capsule = 16
max_features = 100
maxlen = 12
embed_size = 16

input1 = Input(shape=(maxlen,))
embed_layer = Embedding(max_features, embed_size)(input1)
x = Bidirectional(GRU(gru_len, return_sequences=True))(embed_layer)
capsule = Capsule(num_capsule=Num_capsule, dim_capsule=Dim_capsule, routings=Routings, share_weights=True)(x)
capsule = Flatten()(capsule)
output = Dense(1, activation='sigmoid')(capsule)
model = Model(inputs=input1, outputs=output)
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(np.random.randint(1, max_features, size=(4, maxlen)), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
