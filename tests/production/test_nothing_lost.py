"""Nothing is lost when things fail: 2,000 submissions from 50 concurrent clients while the worker is killed
and Redis is restarted, on the production topology. Every response is stored once and processed once in effect.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from ..waiting import wait_for
from .respondent import Respondent

FEEL = "/s/eastmere-sab/feel-safer"
SUBMISSIONS = 2000
CLIENTS = 50
# Every tenth says something that must raise an alert; every seventh sends twice, as a retry would.
DISCLOSURE = "He takes my money and pushes me around when I say no."
ORDINARY = ("The social worker listened and kept me informed.", "I waited too long for a call back.",
            "Better street lighting would help.")


def answers(n: int) -> dict:
    text = DISCLOSURE if n % 10 == 0 else ORDINARY[n % len(ORDINARY)]
    return {"ascs_safety": "as_safe_as_want", "safer_than_before": "safer", "what_would_help": f"{text} ({n})"}


def test_two_thousand_submissions_survive_a_killed_worker_and_a_redis_restart(production):
    done: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()
    milestones = {SUBMISSIONS // 4: "kill the worker", SUBMISSIONS // 2: "restart Redis",
                  3 * SUBMISSIONS // 4: "kill the alerts worker"}
    reached = {name: threading.Event() for name in milestones.values()}

    def client(first: int) -> None:
        respondent = Respondent("127.0.0.1", production.port)
        for n in range(first, SUBMISSIONS, CLIENTS):
            try:
                token = respondent.complete(FEEL, answers(n), send_twice=n % 7 == 0)
            except Exception as error:  # noqa: BLE001 - every failure is reported at the end
                with lock:
                    failures.append(f"{n}: {error!r}")
                continue
            with lock:
                done.append(token)
                if len(done) in milestones:
                    reached[milestones[len(done)]].set()
            respondent.cookies.clear()  # the next respondent is a new person

    with ThreadPoolExecutor(CLIENTS) as pool:
        futures = [pool.submit(client, first) for first in range(CLIENTS)]
        reached["kill the worker"].wait(timeout=900)
        production.kill("worker")
        reached["restart Redis"].wait(timeout=900)
        production.restart_redis(down_seconds=5)  # submissions go on while Redis is down
        reached["kill the alerts worker"].wait(timeout=900)
        production.kill("alerts-worker")
        for future in futures:
            future.result()

    assert not failures, f"{len(failures)} submissions failed, for example {failures[:5]}"
    assert len(done) == len(set(done)) == SUBMISSIONS

    # Stored exactly once each, double sends included.
    assert production.count("select count(*) from response") == SUBMISSIONS
    assert production.count("select count(distinct draft_id) from response") == SUBMISSIONS
    texts = production.count("select count(*) from answer where code = 'TEXT' and text <> ''")
    assert texts == SUBMISSIONS

    # Processed exactly once in effect: every comment analysed once, every disclosure one alert and one email.
    wait_for(lambda: production.count("select count(*) from comment") == texts, 600,
             "every comment to be analysed (the sweep re-queues what the killed worker and Redis lost)", interval=2)
    assert production.count("select count(distinct answer_id) from comment") == texts
    disclosures = SUBMISSIONS // 10
    assert production.count("select count(*) from alert where response_id is not null") == disclosures
    assert production.count("select count(distinct response_id) from alert") == disclosures
    wait_for(lambda: production.count("select count(*) from alertnotice where sent_at is not null") == disclosures,
             600, "an email to the lead for every alert", interval=2)
    assert production.count("select count(*) from alertnotice") == disclosures, "one email per alert, never two"
    mail = production.state / "instance" / "mail"
    assert len(list(mail.iterdir())) == disclosures, "no email written twice"
