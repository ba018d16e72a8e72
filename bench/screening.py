"""Safeguarding screening: how fast a text is screened, and how well screening does in a language it has no
training examples for.

1. Speed. An answer is screened inside the web request that saves it, so the time per text matters more
   than throughput. Prints the median and 95th percentile time to screen one text (patterns and classifier),
   patterns alone, and batch throughput, over the texts of tests/alerts/evaluation.tsv, after the classifier
   is trained (training time printed apart; a deployment trains once, `voicecapture alerts check`).
2. Held-out languages. For each language, the classifier is trained on surveys/screening/examples.tsv
   without that language's examples, and that language's evaluation texts are screened by the classifier
   alone and by patterns + classifier. This estimates what happens with phrasings and languages the
   examples never saw (the held-back set will hold some).

    .venv/bin/python bench/screening.py
"""
from __future__ import annotations

import dataclasses
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from voicecapture.alerts.classifier import DisclosureClassifier  # noqa: E402
from voicecapture.alerts.evaluation import evaluate, read_tsv  # noqa: E402
from voicecapture.alerts.rules import load_rules  # noqa: E402
from voicecapture.alerts.screen import screen_texts  # noqa: E402

EVALUATION = ROOT / "tests" / "alerts" / "evaluation.tsv"


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def speed(rules, items) -> DisclosureClassifier:
    started = time.perf_counter()
    classifier = DisclosureClassifier.train(rules.examples)
    print(f"classifier trained on {len(rules.examples)} examples in {time.perf_counter() - started:.1f} s")
    texts = [item.text for item in items]
    screen_texts(texts[:5], rules, classifier)  # the embedding model loads on first use
    from voicecapture.text import embeddings
    embeddings._cache.clear()  # each text embedded afresh, as a new answer would be
    one, patterns_only = [], []
    for text in texts:
        started = time.perf_counter()
        screen_texts([text], rules, classifier)
        one.append(time.perf_counter() - started)
        started = time.perf_counter()
        screen_texts([text], rules, None)
        patterns_only.append(time.perf_counter() - started)
    embeddings._cache.clear()
    started = time.perf_counter()
    screen_texts(texts, rules, classifier)
    batch = time.perf_counter() - started
    print(f"one text, patterns and classifier: median {statistics.median(one) * 1000:.1f} ms, "
          f"95th percentile {_percentile(one, 0.95) * 1000:.1f} ms")
    print(f"one text, patterns alone:          median {statistics.median(patterns_only) * 1000:.2f} ms "
          f"({len(rules.patterns)} patterns, {len(rules.safe)} safe phrases)")
    print(f"batch of {len(texts)}: {len(texts) / batch:.0f} texts a second")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return classifier


def held_out_languages(rules, items) -> None:
    print("\nlanguage  texts | classifier alone (trained without it) | patterns + that classifier")
    print("                 |   recall  precision                  |   recall  precision")
    for language in sorted({item.language for item in items}):
        subset = [item for item in items if item.language == language]
        training = [example for example in rules.examples if example.language != language]
        classifier = DisclosureClassifier.train(training)
        alone = evaluate(subset, dataclasses.replace(rules, patterns=(), safe=()), classifier)
        both = evaluate(subset, rules, classifier)
        print(f"{language:<8}  {len(subset):>5} |   {alone.recall:6.3f}  {alone.precision:9.3f}"
              f"                  |   {both.recall:6.3f}  {both.precision:9.3f}")


def main() -> None:
    rules = load_rules(ROOT / "surveys")
    items = read_tsv(EVALUATION)
    speed(rules, items)
    held_out_languages(rules, items)


if __name__ == "__main__":
    main()
