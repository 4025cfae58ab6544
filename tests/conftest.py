"""Fixtures that more than one test module asks for: pytest finds them here, so no test module imports
another's fixtures."""

import pytest

import support


@pytest.fixture(scope="module")
def many_server(tmp_path_factory):
    """`marsad serve` over a store of more events than GET /events gives in one page (API and web tests)."""
    pytest.importorskip("marsad.store", reason="the event store (marsad.store) is not installed yet")
    from marsad.api.local_server import served

    url = f"sqlite:///{tmp_path_factory.mktemp('many') / 'events.db'}"
    support.store_of_many_events(url, support.ARTICLE_GAO, "2024-03-13", support.MANY)
    with served("--db", url) as base:
        yield base
