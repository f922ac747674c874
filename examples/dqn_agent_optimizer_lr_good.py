"""Keras 3 DQN-style agent: the optimizer takes learning_rate=."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.optimizers import Adam


class Agent:
    def __init__(self, steps, features, actions, learning_rate=0.001):
        self.learning_rate = learning_rate
        self.model = self._build_model(steps, features, actions)

    def _build_model(self, steps, features, actions):
        model = keras.Sequential([
            keras.Input(shape=(steps, features)),
            layers.LSTM(24),
            layers.Dense(actions, activation="linear"),
        ])
        model.compile(loss="mse", optimizer=Adam(learning_rate=self.learning_rate))
        return model

    def replay(self, states, targets):
        self.model.fit(states, targets, epochs=1, verbose=0)


agent = Agent(steps=8, features=4, actions=2)
agent.replay(np.random.rand(32, 8, 4), np.random.rand(32, 2))
