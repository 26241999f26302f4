"""Hostile input for every operation (see fuzz_requests.py): a fixed-seed run of model-shaped,
damaged requests from root, a user and two role sessions. The server must answer each with
XML and no 5xx, keep its memory bounded, and serve normally afterwards."""

from __future__ import annotations

import pytest

from fuzz_requests import Fuzzer
from warden_harness import ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, start_server

# Enough to reach every operation many times (about 20 requests per operation and seed) in a few
# seconds; a longer run is `python3 fuzz_requests.py` (module docs).
REQUESTS = 4000
# A dev server doing this work lives in well under 200 MiB; the bug this guards against
# took gigabytes in one request.
MAX_RSS_KIB = 512 * 1024


@pytest.fixture(scope="module")
def own_server():
    # Its own deployment: the run changes account-wide settings (password policy, alias,
    # STS preferences, outbound federation) that other tests read.
    server = start_server(private=True)
    setup = Fuzzer(server.url, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, 0)
    setup.add_callers()
    yield server, setup.callers
    server.stop()


@pytest.mark.parametrize("seed", [1, 2])
def test_hostile_requests_get_well_formed_answers(own_server, seed):
    server, callers = own_server
    fuzzer = Fuzzer(server.url, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, seed,
                    pid=server.proc.pid, max_rss_kib=MAX_RSS_KIB)
    fuzzer.callers = callers
    report = fuzzer.run(requests=REQUESTS)
    assert report.requests == REQUESTS or report.findings
    described = [f"{f.operation}: {f.problem} body={f.body[:300]!r}" for f in report.findings[:10]]
    assert not report.findings, "\n".join(described)
    # Still serving, and still deciding.
    iam = server.client()
    assert iam.get_user()["User"]["Arn"] == "arn:aws:iam::123456789012:root"
