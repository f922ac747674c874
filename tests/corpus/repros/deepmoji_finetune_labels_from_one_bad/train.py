# Repro: DeepMoji's finetuning example on a 5-class dataset labelled 1..5: deepmoji/model_def.py builds Dense(nb_classes=5), deepmoji/finetuning.py one-hot encodes the labels with to_categorical(y), which counts max + 1 = 6 classes
# Source: https://github.com/bfelbo/DeepMoji/issues/36
# Reported: ValueError: Error when checking target: expected softmax to have shape (None, 5) but got array with shape (116, 6)
# Fix: labels from 0 to nb_classes - 1 (the dataset's 1..5 shifted down by one), so to_categorical gives 5 columns
# keras: raises ValueError
# status: caught
# Family: across-files
from deepmoji.finetuning import finetune, load_benchmark
from deepmoji.model_def import deepmoji_transfer

DATASET_PATH = "../data/my_dataset/raw.pickle"
nb_classes = 5

data = load_benchmark(DATASET_PATH)

model = deepmoji_transfer(nb_classes, data["maxlen"])
model.summary()
model, acc = finetune(model, data["texts"], data["labels"], nb_classes, data["batch_size"], method="chain-thaw")
print("Acc: {}".format(acc))
