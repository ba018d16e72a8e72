"""Free-text analysis: time and memory to analyse 10,000 comments, and theme accuracy on unseen organisations.

Analysing a comment means detecting its language, de-identifying it, and tagging its themes and sentiment
(voicecapture.text.analyse). The comments are synthetic: one to three sentences in the same language, drawn
from the examples in surveys/themes.yaml, with names, phone numbers and postcodes mixed in, in about the
language mix of a city council's feedback (70% English). Two runs:

- distinct: 10,000 different comments, so every one must be embedded;
- repeated: as real feedback repeats itself, a third are short stock answers ("Nothing", "Very good")
  and the rest come from a pool of 3,000 comments.

Each run starts with an empty embedding cache and builds the tagger (themes and sentiment) first, timed apart.
Besides wall-clock time the script prints the CPU time the process used (user + system), which other work
on a shared machine does not inflate. Peak memory is the maximum resident set size (resource.getrusage).

If /work/shared/data/patient-feedback-themes.csv (or the file given with --data) exists, the script also
trains on one NHS trust and tests on the other, both ways, printing the theme model beside a TF-IDF + linear
SVM baseline on the same split.

    .venv/bin/python bench/themes.py                 # both runs, then the held-out trusts
    .venv/bin/python bench/themes.py --comments 2000 --skip-heldout

Goal: 10,000 comments analysed in under 2 minutes on the 2-core machine.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voicecapture.text import analyse, embeddings, load_taxonomy, taxonomy_model  # noqa: E402
from voicecapture.text.evaluation import Baseline, group_splits, scores  # noqa: E402
from voicecapture.text.labelled_csv import read_labelled_csv  # noqa: E402
from voicecapture.text.themes import ThemeModel  # noqa: E402

GOAL_SECONDS = 120
LANGUAGE_MIX = {"en": 70, "ur": 6, "pl": 6, "pa": 3, "gu": 3, "bn": 3, "ro": 3, "ar": 2, "so": 2, "pt": 2}
STOCK_ANSWERS = ["Nothing", "Nothing.", "No", "N/A", "Very good", "Very helpful", "Nothing to improve",
                 "All good", "Thank you", "Nic", "کچھ نہیں", "Excellent", "No comment", "Not sure"]
EXTRAS = ["My worker Sarah was great.", "Call me on 07700 900123.", "I live at LE1 6ZZ.", "My son Jamal is safer.",
          "Mrs Patel came to see me.", "email jo@example.com", "Thanks to Tomasz and Aisha.", "", "", "", "", ""]
DEFAULT_DATA = Path("/work/shared/data/patient-feedback-themes.csv")


def example_sentences() -> dict[str, list[str]]:
    """Every example sentence in the taxonomy file, by language."""
    by_language: dict[str, list[str]] = {language: [] for language in LANGUAGE_MIX}
    taxonomy = yaml.safe_load((ROOT / "surveys" / "themes.yaml").read_text(encoding="utf-8"))
    groups = [theme["examples"] for theme in taxonomy["themes"]] + list(taxonomy["sentiment"].values())
    for examples in groups:
        for language, texts in examples.items():
            by_language[language] += texts
    return by_language


def synthetic_comments(count: int, rng: random.Random) -> list[str]:
    """`count` different comments: one to three sentences in one language, sometimes with personal details."""
    sentences = example_sentences()
    languages, weights = zip(*LANGUAGE_MIX.items())
    comments: set[str] = set()
    while len(comments) < count:
        language = rng.choices(languages, weights)[0]
        parts = rng.sample(sentences[language], rng.choice([1, 1, 2, 2, 3]))
        if language == "en":
            parts.append(rng.choice(EXTRAS))
        comments.add(" ".join(part for part in parts if part))
    return sorted(comments, key=lambda _: rng.random())


def repeated_comments(count: int, rng: random.Random) -> list[str]:
    pool = synthetic_comments(3000, rng)
    return [rng.choice(STOCK_ANSWERS) if rng.random() < 1 / 3 else rng.choice(pool) for _ in range(count)]


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_run(name: str, comments: list[str]) -> None:
    embeddings._cache.clear()
    started = time.perf_counter()
    model = taxonomy_model(load_taxonomy(ROOT / "surveys" / "themes.yaml"))
    built = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), cpu_seconds()
    results = analyse(comments, model)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    distinct = len(set(comments))
    words = sum(len(c.split()) for c in comments) / len(comments)
    verdict = "PASS" if seconds < GOAL_SECONDS else "FAIL"
    print(f"{name:9} {len(results):7d} {distinct:9d} {words:6.1f} {built:9.1f} {seconds:9.1f} {cpu:7.0f} "
          f"{len(comments) / seconds:10.0f} {peak_memory_mb():9.0f}  {verdict}")


def held_out_trusts(path: Path) -> None:
    data = read_labelled_csv(path, "feedback", "label", "organization")
    print(f"\nHeld-out organisation ({path.name}, {len(data.texts)} comments, "
          f"{data.skipped_no_text} without text skipped)")
    print(f"{'test on':10} {'train n':>8} {'test n':>7} {'model acc':>10} {'model F1':>9} "
          f"{'SVM acc':>8} {'SVM F1':>7} {'seconds':>8}")
    for name, train_rows, test_rows in group_splits(data.groups):
        started = time.perf_counter()
        texts, label_sets = [data.texts[i] for i in train_rows], [data.label_sets[i] for i in train_rows]
        test_texts, truth = [data.texts[i] for i in test_rows], [data.label_sets[i] for i in test_rows]
        ours = scores(truth, ThemeModel.fit(texts, label_sets).predict(test_texts))
        baseline = scores(truth, Baseline().fit(texts, label_sets).predict(test_texts))
        print(f"{name:10} {len(texts):8d} {len(test_texts):7d} {ours.accuracy:10.3f} {ours.macro_f1:9.3f} "
              f"{baseline.accuracy:8.3f} {baseline.macro_f1:7.3f} {time.perf_counter() - started:8.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip-heldout", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"{'run':9} {'comments':>7} {'distinct':>9} {'words':>6} {'models s':>9} {'analyse s':>9} {'CPU s':>7} "
          f"{'comments/s':>10} {'peak MB':>9}  goal < {GOAL_SECONDS} s")
    timed_run("distinct", synthetic_comments(args.comments, rng))
    timed_run("repeated", repeated_comments(args.comments, rng))
    if not args.skip_heldout and args.data.is_file():
        held_out_trusts(args.data)


if __name__ == "__main__":
    main()
