"""The Ray engine against a real local Ray cluster, started once for the session."""

import json
import logging
import os
import signal

import pytest

from marsad.batch import run_batch
from processes import endless_input, run_tag, tagged_processes, wait_until, wait_while_running
from test_batch import (
    ARTICLE_ENGLISH,
    ARTICLE_GAO,
    committed_shards,
    generated_jsonl,
    output_files,
    page,
    started_batch,
)

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'marsad[ray]')")


@pytest.fixture(scope="session")
def ray_cluster(tmp_path_factory):
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    import ray.data

    ray.data.DataContext.get_current().enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
        object_store_memory=256 * 1024**2,
        _temp_dir=str(tmp_path_factory.mktemp("ray")),
    )
    yield
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "gao.txt").write_text(ARTICLE_GAO, encoding="utf-8")
    (folder / "gao.html").write_text(page(ARTICLE_GAO), encoding="utf-8")
    (folder / "english.txt").write_text(ARTICLE_ENGLISH, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "empty.txt").write_bytes(b"")
    return [
        str(generated_jsonl(tmp_path / "a.jsonl", 40)),
        str(folder),
        str(generated_jsonl(tmp_path / "b.jsonl", 7)),
    ]


def test_batch_ray_engine_gives_the_local_engine_output(ray_cluster, inputs, tmp_path):
    local = run_batch(inputs, tmp_path / "local", workers=2, shard_size=8, progress=False)
    on_ray = run_batch(inputs, tmp_path / "ray", engine="ray", workers=2, shard_size=8, progress=False)
    assert (on_ray.ok, on_ray.skipped, on_ray.failed) == (local.ok, local.skipped, local.failed) == (49, 1, 2)
    assert output_files(tmp_path / "ray") == output_files(tmp_path / "local")


@pytest.mark.parametrize("committed, next_position", [(3, [0, 24]), (5, [1, 0])])
def test_batch_ray_engine_resumes_a_local_run(ray_cluster, inputs, tmp_path, committed, next_position):
    run_batch(inputs, tmp_path / "whole", workers=2, shard_size=8, progress=False)
    out = tmp_path / "resumed"
    run_batch(inputs, out, workers=2, shard_size=8, progress=False)
    state = json.loads((out / "manifest.json").read_text())
    state.update(complete=False, next=next_position, shards=state["shards"][:committed])
    (out / "manifest.json").write_text(json.dumps(state))
    for late in sorted(out.glob("results-*.jsonl"))[committed:]:
        late.unlink()
    run_batch(inputs, out, engine="ray", workers=2, shard_size=8, progress=False)
    assert output_files(out) == output_files(tmp_path / "whole")


def test_batch_ray_run_leaves_no_process_when_sigkilled(tmp_path):
    tag, env = run_tag()
    articles = generated_jsonl(tmp_path / "articles.jsonl", 300).read_bytes().splitlines(keepends=True)
    path, out = tmp_path / "in.jsonl", tmp_path / "out"
    manifest = out / "manifest.json"
    # Fed through a pipe that stays open: the run is still at work when it is killed, however loaded
    # the machine (its read task waits for the rest of the input, the articles of its last block).
    with endless_input(path, articles):
        process = started_batch(path, out, "--engine", "ray", env=env)
        wait_while_running(process, lambda: committed_shards(manifest) >= 1, 300, "the first shard")
        os.kill(process.pid, signal.SIGKILL)  # the run only, as the OOM killer or `kill -9 PID` would
        process.wait()
        # The local cluster the run started shares its fate: the raylet and its actors end at once;
        # Ray's two node agents end on their own once they see the raylet gone (up to a minute or two).
        wait_until(lambda: not tagged_processes(tag), 300, "every process of the killed Ray run to end")
