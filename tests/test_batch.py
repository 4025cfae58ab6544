import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.batch import Fields, run_batch
from marsad.batch.documents import Meta, Position, SourceDoc
from marsad.batch.errors import BadOptionError, NoArticleTextError, RunMismatchError
from marsad.batch.process import article_text
from marsad.batch.readers import ReadOptions, iter_documents
from processes import endless_input, run_tag, tagged_processes, wait_until, wait_while_running

ROOT = Path(__file__).resolve().parents[1]

ARTICLE_GAO = (
    "قتل ثلاثة جنود ماليين وأصيب خمسة آخرون في هجوم شنه مسلحون على موقع للجيش قرب مدينة غاو "
    "شمالي مالي يوم الاثنين، بحسب ما أفاد مصدر أمني."
)
ARTICLE_MOPTI = (
    "أعلن الجيش المالي مقتل عشرة مسلحين في غارة جوية استهدفت تجمعا لهم في منطقة موبتي وسط البلاد أمس الأحد."
)
ARTICLE_ENGLISH = (
    "Three soldiers were killed and five wounded when gunmen attacked an army post near the town "
    "of Gao in northern Mali on Monday, a security source said."
)


def records(out_dir: Path) -> list[dict]:
    lines = []
    for shard in sorted(out_dir.glob("results-*.jsonl")):
        lines += [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
    return lines


def output_files(out_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out_dir.iterdir())}


def marsad(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli", *args], capture_output=True, cwd=ROOT, **kwargs
    )


def started_batch(path: Path, out: Path, *options: str, **popen) -> subprocess.Popen:
    """`marsad batch PATH --out OUT` in shards of ten on two workers, started and left running, its
    output discarded (the tests that kill a run)."""
    command = ["batch", str(path), "--out", str(out), "--shard-size", "10", "--workers", "2", *options]
    return subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", *command],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **popen,
    )


def generated_jsonl(path: Path, count: int) -> Path:
    """`count` distinct articles built from the test's own sentences (numbers and days vary)."""
    days = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
    with open(path, "w", encoding="utf-8") as stream:
        for n in range(count):
            text = (
                f"قتل {n % 17 + 2} جنود في هجوم على حاجز للجيش قرب مدينة غاو يوم {days[n % 5]}. "
                + ARTICLE_MOPTI
                + " "
                + ARTICLE_GAO
            ) * 3
            stream.write(
                json.dumps(
                    {"id": f"doc-{n:04d}", "text": text, "published": "2024-03-0" + str(n % 9 + 1)},
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "01-gao.txt").write_text(ARTICLE_GAO, encoding="utf-8")
    (folder / "02-mopti.txt").write_text(ARTICLE_MOPTI, encoding="utf-8")
    (folder / "03-empty.txt").write_bytes(b"")
    (folder / "04-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "05-cp1256.txt").write_bytes(ARTICLE_GAO.encode("cp1256"))
    (folder / "06-english.txt").write_text(ARTICLE_ENGLISH, encoding="utf-8")
    with open(folder / "07-huge.txt", "wb") as stream:
        stream.truncate(30 * 1024 * 1024)
        stream.seek(0)
        stream.write(ARTICLE_GAO.encode("utf-8"))
    (folder / "08-photo.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def test_batch_mixed_folder_records_every_bad_file_and_exits_1(mixed_folder, tmp_path):
    run = marsad("batch", str(mixed_folder), "--out", str(tmp_path / "out"), "--workers", "2")
    assert run.returncode == 1, run.stderr
    assert "2 ok, 2 skipped, 4 failed" in run.stderr.decode()
    by_name = {Path(r["source"]).name: r for r in records(tmp_path / "out")}
    assert [r["status"] for r in by_name.values()] == [
        "ok",
        "ok",
        "error",
        "error",
        "error",
        "skipped",
        "error",
        "skipped",
    ]
    assert by_name["01-gao.txt"]["extraction"]["events"]
    assert by_name["01-gao.txt"]["extraction"]["document"]["id"] == str(mixed_folder / "01-gao.txt")
    reasons = {name: (r["reason"] or "")[:4] for name, r in by_name.items()}
    assert reasons["03-empty.txt"] == "E201"
    assert reasons["04-binary.txt"] == "E004"
    assert reasons["05-cp1256.txt"] == "E002"
    assert reasons["07-huge.txt"] == "E003"
    assert by_name["06-english.txt"]["reason"] == "language en"
    assert by_name["08-photo.jpg"]["reason"].startswith("not an article file")


def test_batch_all_good_exits_0_and_writes_the_manifest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gao.txt").write_text(ARTICLE_GAO, encoding="utf-8")
    run = marsad("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["complete"] and manifest["totals"] == {"ok": 1, "skipped": 0, "error": 0}


@pytest.mark.parametrize(
    "text, expected",
    [
        (ARTICLE_GAO, "ok"),
        (ARTICLE_ENGLISH, "language en"),
        (
            "Trois soldats ont été tués lundi dans une attaque contre un poste de l'armée près de Gao, "
            "selon une source sécuritaire.",
            "language fr",
        ),
        (
            "سه سرباز در حمله افراد مسلح به یک پایگاه ارتش در نزدیکی شهر گائو روز دوشنبه کشته شدند.",
            "language fa",
        ),
    ],
)
def test_batch_language_routes_non_arabic_to_skipped(tmp_path, text, expected):
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    run_batch([str(tmp_path / "in.jsonl")], tmp_path / "out", workers=1, progress=False)
    [record] = records(tmp_path / "out")
    assert (record["reason"] or record["status"]) == expected


def test_batch_jsonl_field_names_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {"uid": "a1", "body": ARTICLE_GAO, "date": "2024-03-04T08:00:00Z", "title": "غاو"},
            ensure_ascii=False,
        ),
        "",
        "{not json",
        json.dumps({"uid": "a2", "text": ARTICLE_MOPTI}, ensure_ascii=False),
        json.dumps({"uid": "a3", "body": ARTICLE_MOPTI, "date": "yesterday"}, ensure_ascii=False),
        json.dumps({"body": ARTICLE_MOPTI * 40}, ensure_ascii=False),
    ]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    summary = run_batch(
        [str(path)],
        tmp_path / "out",
        workers=1,
        fields=Fields("body", "date", "uid"),
        max_bytes=4000,
        progress=False,
    )
    got = records(tmp_path / "out")
    assert [r["source"].rsplit(":", 1)[1] for r in got] == ["1", "3", "4", "5", "6"]
    assert [r["status"] for r in got] == ["ok", "error", "error", "error", "error"]
    assert got[0]["document_id"] == "a1" and got[0]["meta"]["title"] == "غاو"
    assert got[0]["extraction"]["document"]["published"] == "2024-03-04"
    assert [r["reason"][:4] for r in got[1:]] == ["E206", "E206", "E001", "E003"]
    assert (summary.ok, summary.failed) == (1, 4)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الأنباء</title>
<item><title>هجوم قرب غاو</title><link>https://example.org/gao</link><guid>gao-1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>{gao}</p>]]></description></item>
<item><title>Gao attack</title><link>https://example.org/en</link>
<description>{english}</description></item>
</channel></rss>"""


def test_batch_reads_an_rss_file_without_the_network(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS.format(gao=ARTICLE_GAO, english=ARTICLE_ENGLISH), encoding="utf-8")
    run_batch([str(feed)], tmp_path / "out", workers=1, progress=False)
    first, second = records(tmp_path / "out")
    assert first["document_id"] == "gao-1" and first["status"] == "ok"
    assert first["meta"] == {
        "title": "هجوم قرب غاو",
        "url": "https://example.org/gao",
        "outlet": "وكالة الأنباء",
        "published": "2024-03-04",
    }
    assert first["extraction"]["events"]
    assert (second["document_id"], second["reason"]) == ("https://example.org/en", "language en")


def page(body: str) -> str:
    return (
        f"<html><head><title>خبر</title><meta property='og:site_name' content='صحيفة الساحل'>"
        f"<meta name='date' content='2024-03-04'></head><body><nav>الرئيسية</nav>"
        f"<article><h1>هجوم قرب غاو</h1>"
        f"<p>{body}</p><p>{ARTICLE_MOPTI}</p></article></body></html>"
    )


def test_batch_reads_the_html_responses_of_a_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body in [
            ("https://example.org/a", "text/html; charset=utf-8", page(ARTICLE_GAO)),
            ("https://example.org/logo", "image/png", "PNG"),
            ("https://example.org/b", "text/html", "<html><body></body></html>"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
                )
            )
    run_batch([str(path)], tmp_path / "out", workers=1, progress=False)
    first, second = records(tmp_path / "out")
    assert first["document_id"] == "https://example.org/a" and first["status"] == "ok"
    assert first["meta"]["outlet"] == "صحيفة الساحل" and first["meta"]["published"] == "2024-03-04"
    assert first["extraction"]["document"]["published"] == "2024-03-04"
    assert second["reason"].startswith("E202")


def test_batch_html_file_goes_through_trafilatura(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gao.html").write_text(page(ARTICLE_GAO), encoding="utf-8")
    run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1, progress=False)
    [record] = records(tmp_path / "out")
    assert record["status"] == "ok" and record["meta"]["title"] == "هجوم قرب غاو"
    assert "الرئيسية" not in json.dumps(record["extraction"], ensure_ascii=False)


def test_batch_readers_resume_from_a_position_without_reading_what_is_done(tmp_path):
    path = generated_jsonl(tmp_path / "in.jsonl", 10)
    options = ReadOptions()
    everything = list(iter_documents([str(path), str(path)], options))
    resumed = list(iter_documents([str(path), str(path)], options, Position(0, 7)))
    assert resumed == everything[7:]
    assert [(d.unit, d.ordinal) for d in everything[9:12]] == [(0, 9), (1, 0), (1, 1)]


def test_batch_parquet_shards_hold_the_same_records(tmp_path):
    import pyarrow.parquet as pq

    path = generated_jsonl(tmp_path / "in.jsonl", 25)
    run_batch([str(path)], tmp_path / "jsonl", workers=2, shard_size=10, progress=False)
    run_batch(
        [str(path)], tmp_path / "parquet", workers=2, shard_size=10, output_format="parquet", progress=False
    )
    shards = sorted((tmp_path / "parquet").glob("results-*.parquet"))
    assert [s.name for s in shards] == [
        "results-00000.parquet",
        "results-00001.parquet",
        "results-00002.parquet",
    ]
    rows = [row for shard in shards for row in pq.read_table(shard).to_pylist()]
    expected = records(tmp_path / "jsonl")
    assert [json.loads(r["extraction"]) for r in rows] == [r["extraction"] for r in expected]
    assert [r["document_id"] for r in rows] == [r["document_id"] for r in expected]


def test_batch_refuses_to_resume_with_other_options(tmp_path):
    path = generated_jsonl(tmp_path / "in.jsonl", 3)
    run_batch([str(path)], tmp_path / "out", workers=1, progress=False)
    with pytest.raises(RunMismatchError):
        run_batch([str(path)], tmp_path / "out", workers=1, shard_size=2, progress=False)


def test_batch_rerun_of_a_complete_run_changes_nothing(tmp_path):
    path = generated_jsonl(tmp_path / "in.jsonl", 12)
    first = run_batch([str(path)], tmp_path / "out", workers=2, shard_size=5, progress=False)
    before = output_files(tmp_path / "out")
    second = run_batch([str(path)], tmp_path / "out", workers=2, shard_size=5, progress=False)
    assert first == second and output_files(tmp_path / "out") == before
    assert (first.documents, first.shards) == (12, 3)


def test_batch_resume_after_a_crash_between_shard_and_checkpoint(tmp_path):
    """The worst moment: a shard is on disk, a temp file is half-written, the manifest is behind."""
    path = generated_jsonl(tmp_path / "in.jsonl", 23)
    run_batch([str(path)], tmp_path / "whole", workers=2, shard_size=5, progress=False)
    partial = tmp_path / "partial"
    run_batch([str(path)], partial, workers=2, shard_size=5, progress=False)
    manifest = json.loads((partial / "manifest.json").read_text())
    manifest.update(complete=False, next=[0, 10], shards=manifest["shards"][:2])
    (partial / "manifest.json").write_text(json.dumps(manifest))
    (partial / "results-00003.jsonl").unlink()
    (partial / ".results-00003.jsonl.tmp").write_text('{"half')
    run_batch([str(path)], partial, workers=2, shard_size=5, progress=False)
    assert output_files(partial) == output_files(tmp_path / "whole")


def committed_shards(manifest: Path) -> int:
    """How many shards a run's manifest names (written atomically: it is whole or absent)."""
    return len(json.loads(manifest.read_text())["shards"]) if manifest.exists() else 0


def test_batch_sigkill_mid_run_then_resume_gives_the_uninterrupted_output(tmp_path):
    articles = generated_jsonl(tmp_path / "articles.jsonl", 300)
    path = tmp_path / "in.jsonl"  # the same input name for each run: it is in the manifest
    command = [sys.executable, "-m", "marsad.cli", "batch", str(path), "--shard-size", "10", "--workers", "2"]
    shutil.copy(articles, path)
    whole = subprocess.run(command + ["--out", str(tmp_path / "whole")], capture_output=True, cwd=ROOT)
    assert whole.returncode == 0, whole.stderr
    path.unlink()
    killed = tmp_path / "killed"
    manifest = killed / "manifest.json"
    # Fed through a pipe that stays open: the run cannot finish before the kill, however loaded the machine.
    with endless_input(path, articles.read_bytes().splitlines(keepends=True)):
        process = started_batch(path, killed, start_new_session=True)
        wait_while_running(process, lambda: committed_shards(manifest) >= 5, 300, "five shards committed")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    state = json.loads(manifest.read_text())
    assert not state["complete"] and 5 <= len(state["shards"]) < 30
    shutil.copy(articles, path)
    resumed = subprocess.run(command + ["--out", str(killed)], capture_output=True, cwd=ROOT)
    assert resumed.returncode == 0, resumed.stderr
    assert "300 documents: 300 ok" in resumed.stderr.decode()
    assert output_files(killed) == output_files(tmp_path / "whole")


def test_batch_workers_end_when_the_run_is_sigkilled(tmp_path):
    tag, env = run_tag()
    articles = generated_jsonl(tmp_path / "articles.jsonl", 300).read_bytes().splitlines(keepends=True)
    path, out = tmp_path / "in.jsonl", tmp_path / "out"
    with endless_input(path, articles):
        process = started_batch(path, out, env=env)
        wait_while_running(
            process,
            lambda: (out / "manifest.json").exists() and len(tagged_processes(tag)) >= 3,
            300,
            "the run to start its workers",
        )
        os.kill(process.pid, signal.SIGKILL)  # the run only, as the OOM killer or `kill -9 PID` would
        process.wait()
        wait_until(lambda: not tagged_processes(tag), 30, "the killed run's workers to exit")


def test_batch_missing_input_is_a_one_line_error(tmp_path):
    run = marsad("batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert run.returncode == 1
    assert run.stderr.decode().strip().startswith("error: E205")


def test_batch_db_sink_writes_the_good_documents_once(tmp_path):
    store_module = pytest.importorskip("marsad.store", reason="marsad.store is not importable yet")
    url = f"sqlite:///{tmp_path / 'events.sqlite'}"
    path = generated_jsonl(tmp_path / "in.jsonl", 6)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "english", "text": ARTICLE_ENGLISH}) + "\n")
    summary = run_batch([str(path)], tmp_path / "out", workers=1, shard_size=4, db=url, progress=False)
    assert (summary.ok, summary.skipped) == (6, 1)
    manifest = tmp_path / "out" / "manifest.json"
    state = json.loads(manifest.read_text())
    state.update(complete=False, next=[0, 4], shards=state["shards"][:1])
    manifest.write_text(json.dumps(state))
    run_batch([str(path)], tmp_path / "out", workers=1, shard_size=4, db=url, progress=False)
    with store_module.open_store(url) as store:
        assert store.document("doc-0005") is not None and store.document("english") is None
        events = store.count_events()
    with store_module.open_store(f"sqlite:///{tmp_path / 'once.sqlite'}") as once:
        run_batch(
            [str(path)],
            tmp_path / "once",
            workers=1,
            shard_size=4,
            progress=False,
            db=f"sqlite:///{tmp_path / 'once.sqlite'}",
        )
        assert once.count_events() == events


def test_batch_progress_bar_renders_to_stderr(tmp_path, capsys):
    path = generated_jsonl(tmp_path / "in.jsonl", 5)
    summary = run_batch([str(path)], tmp_path / "out", workers=1, progress=True)
    assert summary.ok == 5
    assert "docs/s" in capsys.readouterr().err


def test_batch_sidecar_json_gives_the_article_metadata_and_is_no_document(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "gao.txt").write_text(ARTICLE_GAO, encoding="utf-8")
    (folder / "gao.json").write_text(
        json.dumps(
            {
                "publication_date": "2024-03-04T09:30:00Z",
                "outlet": "صحيفة الساحل",
                "url": "https://example.org/gao",
                "title": "هجوم قرب غاو",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (folder / "mopti.html").write_text(page(ARTICLE_GAO), encoding="utf-8")
    (folder / "mopti.json").write_text(
        json.dumps({"published": "2024-03-10", "outlet": "وكالة موبتي"}, ensure_ascii=False), encoding="utf-8"
    )
    (folder / "orphan.json").write_text("{}", encoding="utf-8")
    run = run_batch([str(folder)], tmp_path / "out", workers=1, progress=False)
    by_name = {Path(r["source"]).name: r for r in records(tmp_path / "out")}
    assert list(by_name) == ["gao.txt", "mopti.html", "orphan.json"]
    assert by_name["gao.txt"]["meta"] == {
        "title": "هجوم قرب غاو",
        "url": "https://example.org/gao",
        "outlet": "صحيفة الساحل",
        "published": "2024-03-04",
    }
    assert by_name["gao.txt"]["extraction"]["document"]["published"] == "2024-03-04"
    # the sidecar wins over what the page says of itself; the page fills the rest
    assert by_name["mopti.html"]["meta"]["outlet"] == "وكالة موبتي"
    assert by_name["mopti.html"]["meta"]["published"] == "2024-03-10"
    assert by_name["mopti.html"]["meta"]["title"] == "هجوم قرب غاو"
    assert by_name["orphan.json"]["status"] == "skipped"
    assert (run.ok, run.skipped, run.failed) == (2, 1, 0)


@pytest.mark.parametrize("sidecar", ["not json", "[1, 2]", '{"publication_date": null}'])
def test_batch_unreadable_sidecar_is_no_metadata_not_a_failure(tmp_path, sidecar):
    (tmp_path / "gao.txt").write_text(ARTICLE_GAO, encoding="utf-8")
    (tmp_path / "gao.json").write_text(sidecar, encoding="utf-8")
    [doc] = iter_documents([str(tmp_path)], ReadOptions())
    assert doc.failure is None and doc.meta == Meta() and doc.text == ARTICLE_GAO


@pytest.mark.parametrize(
    "stdin, expected",
    [
        (ARTICLE_GAO, [("stdin", "text", False)]),
        (
            "\n"
            + json.dumps({"id": "w1", "text": ARTICLE_GAO}, ensure_ascii=False)
            + "\n\n"
            + json.dumps({"text": ARTICLE_MOPTI}, ensure_ascii=False)
            + "\n",
            [("w1", "text", True), ("stdin:4", "text", False)],
        ),
        (page(ARTICLE_GAO), [("stdin", "html", False)]),
    ],
)
def test_batch_readers_take_stdin_as_jsonl_or_one_article(monkeypatch, stdin, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    docs = list(iter_documents(["-"], ReadOptions()))
    assert [(d.document_id, d.kind, d.given_id) for d in docs] == expected
    assert all(d.failure is None and d.text for d in docs)


def test_batch_readers_refuse_stdin_over_the_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((ARTICLE_GAO * 20).encode("utf-8"))))
    [doc] = iter_documents(["-"], ReadOptions(max_bytes=1000))
    assert doc.failure.startswith("E003")


def test_batch_run_refuses_stdin_it_could_not_resume(tmp_path):
    with pytest.raises(BadOptionError, match="stdin"):
        run_batch(["-"], tmp_path / "out", workers=1, progress=False)


def test_batch_readers_turn_a_missing_input_into_an_error_record(tmp_path):
    [doc] = iter_documents([str(tmp_path / "nope.txt")], ReadOptions())
    assert doc.failure.startswith("E205")


@pytest.mark.parametrize("html, text", [("", ""), ("  \n", "  \n"), ("<!-- فارغ -->", None)])
def test_batch_article_text_of_pages_without_elements(html, text):
    doc = SourceDoc(0, 0, "p.html", "p.html", text=html, kind="html")
    if text is None:
        with pytest.raises(NoArticleTextError):
            article_text(doc)
    else:
        assert article_text(doc) == (text, Meta())
