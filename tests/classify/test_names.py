"""Name masking: places and groups the training text never wrote in lower case become one placeholder."""

from __future__ import annotations

import numpy as np

from frontwatch.classify.features import NAME_MASK, Featuriser, common_words, mask_names
from frontwatch.classify.model import SubEventModel

TRAINING = ["Militants attacked a police post near the market and the police returned fire.",
            "Police dispersed protesters who had blocked the highway near the market."]
SOMALIA = "Al Shabaab militants attacked a police post in Afgooye, Shabelle."
MALI = "Katiba Macina militants attacked a police post in Niono, Segou."


def test_names_never_written_in_lower_case_are_masked_and_event_words_kept() -> None:
    known = frozenset(common_words(TRAINING, min_count=1))
    masked = mask_names(SOMALIA, known)
    assert "Afgooye" not in masked and "Shabaab" not in masked
    assert masked.startswith(f"{NAME_MASK} {NAME_MASK} militants attacked a police post in {NAME_MASK}")
    # "Police" at the start of a sentence is a word training saw in lower case: it stays.
    assert mask_names("Police arrested Mohamed Abdi in Baidoa.", known).startswith("Police arrested")


def test_the_same_event_in_two_countries_gives_the_same_features() -> None:
    known = common_words(TRAINING, min_count=1)
    vocab = ["attacked", "militants", "police", NAME_MASK, "shabaab", "afgooye"]
    idf = np.ones(len(vocab), dtype=np.float32)
    masked = Featuriser(vocab, idf, ["att"], np.ones(1, dtype=np.float32), {}, known_words=known)
    plain = Featuriser(vocab, idf, ["att"], np.ones(1, dtype=np.float32), {})
    assert (masked.transform([SOMALIA]) != masked.transform([MALI])).nnz == 0
    assert (plain.transform([SOMALIA]) != plain.transform([MALI])).nnz > 0


def test_a_saved_model_keeps_its_known_words(tmp_path) -> None:
    known = common_words(TRAINING, min_count=1)
    featuriser = Featuriser(["attacked", NAME_MASK], np.ones(2, dtype=np.float32), ["att"],
                            np.ones(1, dtype=np.float32), {"attack": ["attacked"]}, known_words=known)
    classes = ["Attack", "none"]
    model = SubEventModel(featuriser, classes, np.ones((featuriser.n_features, 2), dtype=np.float32),
                          np.zeros(2, dtype=np.float32))
    model.save(tmp_path)
    loaded = SubEventModel.load(tmp_path)
    assert loaded.featuriser.known_words == known
    assert np.allclose(loaded.scores([MALI]), model.scores([MALI]))
