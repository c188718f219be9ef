"""Blind test sets written for frontwatch by authors who never saw its code (``evaluation/blind/``).

Sets in our own words (no third-party text), kept beside the code so that ``make eval`` measures them with or
without ``../shared``:

- ``af2021.jsonl`` + ``af2021_gold.csv``: 84 Afghanistan reports of July-September 2021 in many outlets' styles,
  with the control timeline they support (34 changes at 32 towns), scored like the Ukraine set;
- ``sy2024.jsonl`` + ``sy2024_gold.csv`` (round 6): 69 Syria reports of 27 November - 15 December 2024, a war of
  several armed groups (HTS, the SNA, the SDF, southern and Druze factions), 25 changes at 24 towns;
- ``mm2023.jsonl`` + ``mm2023_gold.csv`` (round 6): 68 Myanmar reports of October 2023 - January 2024
  (Operation 1027: the MNDAA, TNLA, Arakan Army, PDFs), 16 changes at 16 towns, many of them small;
- ``acled_news*.jsonl``: five sets of 400 news items each (67-79 countries: leads, single sentences, headlines,
  live-blog entries, relayed statements, translated local press), labelled with ACLED sub-event types (or
  null), each by an author blind to the classifier and to the sets before. The first three were development
  sets (their errors were read), then training text (``scripts/train_classifier.py --news``): their figures are
  training figures. The fourth and fifth are the classifier's tests: never trained on; the fourth was scored
  before and after sets 1-3 joined the training text, the fifth once, with the shipped model (model/README.md).

See ``blind/README.md`` for how they were written, the traps they hold and how often each was looked at.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from frontwatch.evaluation import Figure
from frontwatch.evaluation import control

BLIND = Path(__file__).resolve().parent / "blind"
COMMAND = ".venv/bin/python -m frontwatch.evaluation blind"


# (corpus, gold, its evaluation name, who holds every town before its first gold row)
CONTROL_SETS = (
    ("af2021.jsonl", "af2021_gold.csv", "control: af2021 (blind)", "Afghan government"),
    ("sy2024.jsonl", "sy2024_gold.csv", "control: sy2024 (blind)", "Syrian government"),
    ("mm2023.jsonl", "mm2023_gold.csv", "control: mm2023 (blind)", "Myanmar military"),
    ("sd2023.jsonl", "sd2023_gold.csv", "control: sd2023 (blind)", "Sudanese army"),
    ("et2021.jsonl", "et2021_gold.csv", "control: et2021 (blind)", "Ethiopian government"),
    ("cd2022.jsonl", "cd2022_gold.csv", "control: cd2022 (blind)", "Congolese army"),
    ("ka2020.jsonl", "ka2020_gold.csv", "control: ka2020 (blind)", "Armenian forces"),
    ("ua2024.jsonl", "ua2024_gold.csv", "control: ua2024 (blind)", "Ukraine"),
    ("ml2012.jsonl", "ml2012_gold.csv", "control: ml2012 (blind)", "Malian government"),
    ("ly2019.jsonl", "ly2019_gold.csv", "control: ly2019 (blind)", "Libyan government"),
    ("iq2014.jsonl", "iq2014_gold.csv", "control: iq2014 (blind)", "Iraqi government"),
    ("ye2014.jsonl", "ye2014_gold.csv", "control: ye2014 (blind)", "Yemeni government"),
    ("ng2014.jsonl", "ng2014_gold.csv", "control: ng2014 (blind)", "Nigerian government"),
    ("mz2020.jsonl", "mz2020_gold.csv", "control: mz2020 (blind)", "Mozambican government"),
    ("sy2015.jsonl", "sy2015_gold.csv", "control: sy2015 (blind)", "Syrian government"),
    ("ua2014.jsonl", "ua2014_gold.csv", "control: ua2014 (blind)", "Ukraine"),
    ("tg2020.jsonl", "tg2020_gold.csv", "control: tg2020 (blind)", "Tigrayan forces"),
    ("mm2024.jsonl", "mm2024_gold.csv", "control: mm2024 (blind)", "Myanmar military"),
    ("af2015.jsonl", "af2015_gold.csv", "control: af2015 (blind)", "Afghan government"),
    ("ss2013.jsonl", "ss2013_gold.csv", "control: ss2013 (blind)", "South Sudanese government"),
    ("ly2011.jsonl", "ly2011_gold.csv", "control: ly2011 (blind)", "Libyan government"),
    ("lk2008.jsonl", "lk2008_gold.csv", "control: lk2008 (blind)", "LTTE"),
    ("so2011.jsonl", "so2011_gold.csv", "control: so2011 (blind)", "al-Shabaab"),
    ("cf2012.jsonl", "cf2012_gold.csv", "control: cf2012 (blind)", "Central African government"),
    ("ye2021.jsonl", "ye2021_gold.csv", "control: ye2021 (blind)", "Yemeni government"),
    ("ch1999.jsonl", "ch1999_gold.csv", "control: ch1999 (blind)", "Chechen rebels"),
    ("ml2023.jsonl", "ml2023_gold.csv", "control: ml2023 (blind)", "Malian government"),
)
# (snippets, their evaluation name, what the set is to the classifier now)
NEWS_SETS = (
    ("acled_news8.jsonl", "ACLED sub-event types: blind news 8 (test)",
     "written in round 8 (111 countries); never trained on; 0.890 when first scored (model of round 6), errors never "
     "read"),
    ("acled_news7.jsonl", "ACLED sub-event types: blind news 7 (test)",
     "written last; never trained on; 0.902 when first scored (model of round 6), errors never read"),
    ("acled_news6.jsonl", "ACLED sub-event types: blind news 6 (development)",
     "never trained on; 0.842 when first scored (model of round 6); its errors were read"),
    ("acled_news5.jsonl", "ACLED sub-event types: blind news 5 (test)",
     "never trained on; 0.880 when first scored (model of round 6), errors never read"),
    ("acled_news4.jsonl", "ACLED sub-event types: blind news 4 (test)",
     "never trained on; 0.788 when first scored, before sets 1-3 joined the training text"),
    ("acled_news3.jsonl", "ACLED sub-event types: blind news 3 (training text)", "0.840 when first scored; trained on since"),
    ("acled_news2.jsonl", "ACLED sub-event types: blind news 2 (training text)", "0.854 when first scored; trained on since"),
    ("acled_news.jsonl", "ACLED sub-event types: blind news 1 (training text)", "0.799 when first scored; trained on since"),
)


def run(shared: Path) -> list[Figure]:
    figures = [f for corpus, gold, name, first in CONTROL_SETS
               for f in control.run_corpus(BLIND / corpus, BLIND / gold, name=name, initial_holder=first,
                                           command=COMMAND)]
    return figures + [f for snippets, name, note in NEWS_SETS for f in _acled(BLIND / snippets, name, note)]


def read_snippets(path: Path = BLIND / "acled_news.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _acled(path: Path, name: str, note: str) -> list[Figure]:
    from sklearn.metrics import f1_score

    from frontwatch.classify import classify_texts
    from frontwatch.classify.model import NO_EVENT
    from frontwatch.evaluation.acled import events_weighted_f1

    rows = read_snippets(path)
    started = time.perf_counter()
    predicted = classify_texts([r["text"] for r in rows])
    elapsed = time.perf_counter() - started
    gold = [r["label"] or NO_EVENT for r in rows]
    guess = [p or NO_EVENT for p in predicted]
    countries = len({r["country"] for r in rows})
    figures = [
        Figure(name, f"weighted F1 (n={len(rows)}, {countries} countries)", f1_score(gold, guess, average="weighted"),
               # a set the model was trained on measures nothing against the goal
               anchor="goal: >= 0.85 on other sources; CASE 2021 best 0.839" if "(test)" in name else "",
               command=COMMAND, note=f"null (no event) is a class; {note}"),
        Figure(name, "weighted F1 on the event snippets", events_weighted_f1(gold, guess), command=COMMAND),
        Figure(name, "no-event recall",
               sum(g == p == NO_EVENT for g, p in zip(gold, guess)) / max(1, gold.count(NO_EVENT)), command=COMMAND),
    ]
    figures.append(Figure(name, "snippets per second", len(rows) / elapsed if elapsed else 0.0, command=COMMAND))
    return figures
