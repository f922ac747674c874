# Repro: a Lambda that averages a sequence over its steps gets an output_shape function that keeps a step axis, and builds the shape with tuple(a, b, c).
# Source: https://github.com/keras-team/keras/issues/3299
# Reported: "The first version returns the right output shape but dense layer gives an error" (Lambda(Kmean, output_shape=...) with Kmean = K.mean(x, axis=1) and an output_shape function returning tuple(input_shape[0], 1, input_shape[2]); the report passes it as Ksum_output_shape, a name it does not show)
# Fix (the thread's: "K.mean reduces a dimension, not add one"): the output shape of the mean over axis 1 is (input_shape[0], input_shape[2]).
# keras: raises TypeError
# status: caught
# Family: lambda-ops
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Activation, Dense, Input, Lambda
from tensorflow.keras.models import Model

dim_data = 105
len_data = 21
num_data = 7
num_classes = 12

X = np.random.random((num_data, len_data, dim_data))
Y = np.eye(num_classes)[np.random.randint(0, num_classes, size=num_data)]


# version 1
def Kmean(x):
    return K.mean(x,axis=1)


def Kmean_output_shape(input_shape):
    return tuple(input_shape[0],1,input_shape[2])  # expect: SL119


input_data = Input(shape=(len_data, dim_data))
x = input_data
x = Lambda(Kmean,output_shape=Kmean_output_shape)(x)
x = Dense(num_classes)(x)
x = Activation('softmax')(x)
pred = x

model = Model(inputs=input_data, outputs=pred)
model.summary()
model.compile(loss='categorical_crossentropy', optimizer='adam')
model.fit(X, Y, epochs=1, verbose=0)
