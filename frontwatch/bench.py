"""``frontwatch bench``: ingest throughput beside a plain spaCy pass over the same texts, in one run.

Each side runs in its own child process so that its peak memory is its own and neither warms the other's
caches. Both read the same JSONL corpus; the figures are rates and their ratio, since these machines are
noisy and only ratios measured side by side mean anything.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontwatch import config
from frontwatch.errors import FrontwatchError


def default_corpus() -> Path:
    """The development reports when present, else the bundled demo reports."""
    shared = config.SHARED_DATA_DIR / "corpora" / "ua2022.jsonl"
    if shared.exists():
        return shared
    return config.DEMO_REPORTS_DIR / "afghanistan-2021-08.jsonl"


def _limited_corpus(corpus: Path, limit: int | None, repeat: int, workdir: Path) -> Path:
    """The corpus cut to ``limit`` lines and repeated ``repeat`` times (each copy at its own URL)."""
    if limit is None and repeat == 1:
        return corpus
    lines = [ln for ln in corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if limit is not None:
        lines = lines[:limit]
    out = workdir / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in range(repeat):
            for ln in lines:
                if r:
                    row = json.loads(ln)
                    # A repeated copy must be new work, not a duplicate the store recognises.
                    row["text"] = f"{row.get('text') or ''}\n(copy {r})"
                    row["url"] = f"{row.get('url') or 'bench'}#copy{r}"
                    ln = json.dumps(row)
                f.write(ln + "\n")
    return out


def _texts(corpus: Path) -> list[str]:
    texts = []
    for ln in corpus.read_text(encoding="utf-8").splitlines():
        if ln.strip():
            try:
                row = json.loads(ln)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                texts.append(row["text"])
    return texts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_ours(corpus: Path) -> dict:
    from frontwatch.pipeline import ingest_sources

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = ingest_sources([str(corpus)], db_path=Path(tmp) / "bench.db")
        elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "reports": summary.reports, "events": summary.events,
            "skipped": summary.bad, "peak_mb": _peak_mb()}


def _worker_spacy(corpus: Path) -> dict:
    import spacy

    texts = _texts(corpus)
    started = time.perf_counter()
    nlp = spacy.load(config.SPACY_MODEL)  # every component: the plain full pipeline
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
    elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "reports": n, "pipe": nlp.pipe_names, "peak_mb": _peak_mb()}


def _run_worker(kind: str, corpus: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "frontwatch.bench", kind, str(corpus)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if proc.returncode != 0:
        raise FrontwatchError(f"bench worker {kind} failed: {proc.stderr.strip().splitlines()[-1:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_bench(corpus: Path | None = None, limit: int | None = None, repeat: int = 1, api: bool = False) -> dict:
    """Ingest end to end vs a plain full spaCy pass over the same texts; rates, ratio and peak memory."""
    corpus = Path(corpus) if corpus else default_corpus()
    if not corpus.exists():
        raise FrontwatchError(f"{corpus}: no such corpus")
    with tempfile.TemporaryDirectory() as tmp:
        used = _limited_corpus(corpus, limit, repeat, Path(tmp))
        chars = sum(len(t) for t in _texts(used))
        # Model loading counts on both sides: a user waits for it too.
        ours = _run_worker("ours", used)
        plain = _run_worker("spacy", used)
    result = {
        "corpus": str(corpus), "reports": plain["reports"], "chars": chars,
        "ingest_reports_per_s": round(ours["reports"] / ours["seconds"], 2),
        "ingest_chars_per_s": round(chars / ours["seconds"]),
        "spacy_full_reports_per_s": round(plain["reports"] / plain["seconds"], 2),
        "spacy_full_chars_per_s": round(chars / plain["seconds"]),
        "ratio": round(plain["seconds"] / ours["seconds"], 2),
        "ingest_peak_mb": round(ours["peak_mb"]), "spacy_full_peak_mb": round(plain["peak_mb"]),
        "ingest_events": ours["events"], "ingest_skipped": ours["skipped"],
    }
    if api:
        from frontwatch.web.load import api_load

        with tempfile.TemporaryDirectory() as tmp:
            from frontwatch.pipeline import ingest_sources

            db = Path(tmp) / "demo.db"
            ingest_sources([str(config.DEMO_REPORTS_DIR)], db_path=db)
            result["api"] = api_load(db)
    return result


if __name__ == "__main__":
    kind, path = sys.argv[1], Path(sys.argv[2])
    worker = {"ours": _worker_ours, "spacy": _worker_spacy}[kind]
    print(json.dumps(worker(path)))
