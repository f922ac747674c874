# Fixed twin of lambda_mean_output_shape_function_bad.py: the output_shape function returns the shape the mean leaves, (input_shape[0], input_shape[2]).
# Source: https://github.com/keras-team/keras/issues/3299
# keras: runs
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
    return (input_shape[0], input_shape[2])


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
