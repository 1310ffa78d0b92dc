"""Property: any random corruption of a valid packet is refused and changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from metodkab.sync.municipal import content_checksum, import_packets
from metodkab.sync.school import export_packet
from tests.unit.test_sync_support import make_exchange


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """An office that registered the school, a valid unapplied delta, and the checksum."""
    from metodkab.domain.models import Staff
    from metodkab.storage import repo

    ex = make_exchange(tmp_path_factory.mktemp("prop") / "x", staff=6)
    school = ex.school_store()
    try:
        first = export_packet(school, ex.out)
        person = repo.find(school, Staff)[0]
        repo.update(school, person.model_copy(update={"notes": "изменено"}))
        valid = export_packet(school, ex.out).path.read_bytes()
    finally:
        school.close()
    muni = ex.muni_store()
    import_packets(muni, [first.path], trusted=True)
    yield ex, muni, valid, content_checksum(muni)
    muni.close()


def corruptions(size: int):
    position = st.integers(0, size - 1)
    return st.one_of(
        st.tuples(st.just("flip"), position, st.integers(1, 255)),
        st.tuples(st.just("truncate"), position, st.just(0)),
        st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=16)),
        st.tuples(st.just("delete"), position, st.integers(1, 64)),
        st.tuples(st.just("overwrite"), position, st.binary(min_size=1, max_size=64)),
        st.tuples(st.just("append"), st.just(0), st.binary(min_size=1, max_size=64)),
        st.tuples(st.just("swap"), position, position),
    )


def corrupt(data: bytes, how) -> bytes:
    kind, at, arg = how
    out = bytearray(data)
    if kind == "flip":
        out[at] ^= arg
    elif kind == "truncate":
        del out[at:]
    elif kind == "insert":
        out[at:at] = arg
    elif kind == "delete":
        del out[at:at + arg]
    elif kind == "overwrite":
        out[at:at + len(arg)] = arg
    elif kind == "append":
        out += arg
    elif kind == "swap":
        out[at], out[arg] = out[arg], out[at]
    return bytes(out)


@settings(max_examples=250, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_random_corruptions_are_refused_and_change_nothing(prepared, data):
    ex, muni, valid, checksum = prepared
    how = data.draw(corruptions(len(valid)))
    bad = corrupt(valid, how)
    assume(bad != valid)
    path = ex.out / "0412_2.mkp"
    path.write_bytes(bad)
    report = import_packets(muni, [path], trusted=True)
    [outcome] = report.outcomes
    assert outcome.outcome == "refused", (how, outcome)
    assert content_checksum(muni) == checksum
