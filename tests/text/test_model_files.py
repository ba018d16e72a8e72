import numpy as np

from voicecapture.text import ThemeModel

TEXTS = ["I waited weeks for a call", "nobody phoned me back", "the visit was late", "they never came on time",
         "the staff were kind", "she was lovely and caring", "everyone was polite", "a friendly worker",
         "nobody explained anything", "the letter was confusing", "they kept me updated", "I was told the outcome"]
LABELS = [("Waiting",)] * 4 + [("Kindness",)] * 4 + [("Information",), ("Information",), ("Information",),
                                                      ("Information", "Waiting")]
UNSEEN = ["Czekałam tygodniami na telefon.", "The worker was kind and kept me updated.", "", "Zzz"]


def test_saved_model_predicts_exactly_as_before(tmp_path):
    model = ThemeModel.fit(TEXTS, LABELS)
    model.save(tmp_path / "model")
    loaded = ThemeModel.load(tmp_path / "model")
    assert loaded.labels == model.labels and loaded.max_themes == model.max_themes == 3
    assert np.array_equal(loaded.probabilities(UNSEEN), model.probabilities(UNSEEN))
    assert loaded.predict(UNSEEN) == model.predict(UNSEEN)


def test_model_files_hold_no_pickles(tmp_path):
    ThemeModel.fit(TEXTS, LABELS).save(tmp_path / "model")
    with np.load(tmp_path / "model" / "arrays.npz", allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)
