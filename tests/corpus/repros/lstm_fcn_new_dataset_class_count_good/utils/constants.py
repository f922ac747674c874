TRAIN_FILES = ["../data//Adiac_TRAIN", "../data//NewDataset_TRAIN"]  # 0, 1
TEST_FILES = ["../data//Adiac_TEST", "../data//NewDataset_TEST"]  # 0, 1
MAX_SEQUENCE_LENGTH_LIST = [176, 24]  # 0, 1
NB_CLASSES_LIST = [37, 5]  # 0, 1
