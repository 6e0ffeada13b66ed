"""The index's log of recent changes (coach/store/indexlog.py): a new client costs a
line, not the whole index; every reader sees the same clients; a torn, stale or bad log
never hides a client nor keeps one that was forgotten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.store import Workspace, indexlog


def _ws(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def _names(folder: Path) -> list[str]:
    return [c.name for c in Workspace.open(folder).list_clients()]


def _log(folder: Path) -> Path:
    return folder / "index.json.log"


def test_new_clients_are_lines_in_the_log_and_every_reader_lists_them(tmp_path: Path) -> None:
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    index = (folder / "index.json").read_bytes()
    ws.create_client("Beta")
    ws.create_client("Gamma")
    assert (folder / "index.json").read_bytes() == index      # not written again
    lines = _log(folder).read_text(encoding="utf-8").splitlines()
    assert [next(iter(json.loads(line)["put"].values()))["name"] for line in lines] == [
        "Beta", "Gamma"]
    assert _log(folder).stat().st_mode & 0o777 == 0o600
    assert _names(folder) == ["Alpha", "Beta", "Gamma"]
    assert ws.find_client("gamma") is not None


def test_an_assessment_saved_updates_the_list_through_the_log(tmp_path: Path) -> None:
    from tests.tui_driver import persona, plan_for

    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Seed")
    cid = ws.create_client("Atelier Lune")
    answers = persona("freelance_designer")
    ws.finish_assessment(cid, answers, dict(plan_for(answers, "en")))
    again = Workspace.open(folder).client(cid)
    assert again.assessments == 1 and again.focus == ws.client(cid).focus is not None


def test_every_so_often_the_whole_index_is_written_and_the_log_starts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexlog, "MAX_LINES", 3)
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    for n in range(9):
        ws.create_client(f"Client {n}")
        log = _log(folder)
        assert not log.exists() or len(log.read_text().splitlines()) <= 3
    on_disk = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert len(on_disk["clients"]) >= 6          # the log's lines went into the file
    assert _names(folder) == [f"Client {n}" for n in range(9)]


def test_a_torn_last_line_is_ignored_then_cut_off(tmp_path: Path) -> None:
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    ws.create_client("Beta")
    with _log(folder).open("ab") as fh:       # a kill in the middle of an append
        fh.write(b'{"base":"x","put":{"9":{"id":"c-')
    assert _names(folder) == ["Alpha", "Beta"]
    Workspace.open(folder).create_client("Gamma")
    lines = _log(folder).read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(line) for line in lines[:-1])
    assert _names(folder) == ["Alpha", "Beta", "Gamma"]


def test_a_stale_log_is_never_applied_and_is_removed(tmp_path: Path) -> None:
    """Left by a kill between a whole write and the log's removal (or beside an index
    restored from a backup): its lines extend another index."""
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    gone = ws.create_client("Forgotten")
    ws.create_client("Kept")
    stale = _log(folder).read_bytes()
    ws.forget_client(gone)
    assert not _log(folder).exists()
    _log(folder).write_bytes(stale)
    assert _names(folder) == ["Kept"]
    assert not _log(folder).exists()


def test_a_bad_line_stops_the_reading_and_the_clients_are_found_again(tmp_path: Path) -> None:
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    ws.create_client("Beta")
    ws.create_client("Gamma")
    lines = _log(folder).read_text(encoding="utf-8").splitlines()
    _log(folder).write_text("not json\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    again = Workspace.open(folder)
    # The clients the log no longer names are adopted from their own files.
    assert sorted(c.name for c in again.list_clients()) == ["Alpha", "Beta", "Gamma"]
    again.create_client("Delta")
    assert not _log(folder).exists() or b"not json" not in _log(folder).read_bytes()
    assert _names(folder) == ["Alpha", "Beta", "Delta", "Gamma"]


def test_forget_and_rename_write_the_whole_index_so_no_old_name_stays(tmp_path: Path) -> None:
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    secret = ws.create_client("Secret Name")
    renamed = ws.create_client("Old Name")
    ws.rename_client(renamed, "New Name")
    assert not _log(folder).exists()
    ws.create_client("Later")
    ws.forget_client(secret)
    assert not _log(folder).exists()
    for path in folder.rglob("*"):
        if path.is_file() and "index.json" in path.name and ".bak" not in path.name:
            text = path.read_bytes()
            assert b"Secret Name" not in text and b"Old Name" not in text, path
    assert _names(folder) == ["Alpha", "Later", "New Name"]


def test_another_process_sees_each_change_of_the_log(tmp_path: Path) -> None:
    folder = _ws(tmp_path)
    mine, theirs = Workspace.open(folder), Workspace.open(folder)
    mine.create_client("Alpha")
    theirs.create_client("Beta")
    mine.create_client("Gamma")
    theirs.create_client("Delta")
    assert [c.name for c in mine.list_clients()] == ["Alpha", "Beta", "Delta", "Gamma"]
    assert [c.name for c in theirs.list_clients()] == ["Alpha", "Beta", "Delta", "Gamma"]


def test_an_index_written_again_by_an_older_coach_makes_the_log_stale(tmp_path: Path) -> None:
    """An older coach reads index.json only, adopts the log's clients from their files
    and writes the index again, keeping its token but not its size: a line of the log
    (a summary since changed) is never applied over the newer index."""
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    beta = ws.create_client("Beta")
    index = folder / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["clients"]["2"] = {"id": beta, "name": "Beta", "key": "beta", "assessments": 4}
    index.write_text(json.dumps(data), encoding="utf-8")
    log = _log(folder)
    again = Workspace.open(folder)
    # Neither the log's line nor the hand-made 4: Beta's summary comes from its file.
    assert again.client(beta).assessments == 0
    assert not log.exists()


def _finish(ws: Workspace, client_id: str) -> None:
    from tests.tui_driver import persona, plan_for

    answers = persona("freelance_designer")
    ws.finish_assessment(client_id, answers, dict(plan_for(answers, "en")))


def test_a_reader_behind_a_writer_never_removes_the_writers_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader read index.json just before the writer wrote it again and started a new
    log: the log is not stale, whatever the reader's old copy says."""
    folder = _ws(tmp_path)
    writer = Workspace.open(folder)
    carol = writer.create_client("Carol")
    _finish(writer, carol)
    reader = Workspace.open(folder)
    assert reader.client(carol).assessments == 1
    real = indexlog.LoggedIndex._stat_log
    fired: list[int] = []

    def writer_runs_between(self: indexlog.LoggedIndex):  # after index.json, before its log
        if self is reader._index and not fired:
            fired.append(1)
            writer.set_setting("k", 1)           # the whole index again, a new token
            _finish(writer, carol)               # then one line in a new log
        return real(self)

    monkeypatch.setattr(indexlog.LoggedIndex, "_stat_log", writer_runs_between)
    reader.list_clients()
    monkeypatch.setattr(indexlog.LoggedIndex, "_stat_log", real)
    assert fired and _log(folder).exists()
    assert Workspace.open(folder).client(carol).assessments == 2
    assert reader.client(carol).assessments == 2


@pytest.mark.parametrize("how", ["older coach", "restored backup", "bad line"])
def test_changes_in_a_log_that_is_not_applied_are_recomputed_from_the_files(
        tmp_path: Path, how: str) -> None:
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    carol = ws.create_client("Carol")
    ws.set_setting("k", 1)                      # index.json names Carol, the log is new
    for _n in range(3):
        _finish(ws, carol)                      # three lines: 1, 2, then 3 assessments
    index = folder / "index.json"
    if how == "older coach":                    # reads index.json only, writes it again
        data = json.loads(index.read_text(encoding="utf-8"))
        data["settings"]["1"]["values"]["older"] = True
        index.write_text(json.dumps(data), encoding="utf-8")
    elif how == "restored backup":
        index.write_bytes(b"{ damaged")
    else:
        lines = _log(folder).read_bytes().split(b"\n")
        _log(folder).write_bytes(lines[0] + b"\n\x00garbage\n" + b"\n".join(lines[1:]))
    again = Workspace.open(folder)
    assert again.client(carol).assessments == 3
    assert Workspace.open(folder).client(carol).assessments == 3


def test_a_line_that_moves_a_client_or_a_doc_is_not_applied(tmp_path: Path) -> None:
    """A doc never changes client and a client never gets a second doc: such a line (a
    hand edit, a copy from elsewhere) is bad, and the files say who is who."""
    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    alice = ws.create_client("Alice")
    ws.create_client("Bob")
    ws.set_setting("k", 1)
    _finish(ws, alice)
    line = json.loads(_log(folder).read_text(encoding="utf-8").splitlines()[0])
    [(doc_id, entry)] = line["put"].items()
    twin = {**line, "put": {str(int(doc_id) + 5): entry}}               # Alice twice
    other = {**line, "put": {doc_id: {**entry, "id": "c-" + "9" * 32, "name": "Mallory"}}}
    for bad in (twin, other):
        _log(folder).write_text(json.dumps(line) + "\n" + json.dumps(bad) + "\n",
                                encoding="utf-8")
        names = {c.name: c for c in Workspace.open(folder).list_clients()}
        assert sorted(names) == ["Alice", "Bob"] and names["Alice"].id == alice


def test_a_log_that_cannot_be_written_makes_the_change_a_whole_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    ws.create_client("Beta")
    real_open = os.open

    def refused(path, flags, *args, **kw):   # chmod 400 on the log (tests run as root)
        if str(path).endswith("index.json.log") and flags & os.O_WRONLY:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refused)
    ws.create_client("Gamma")
    monkeypatch.setattr(os, "open", real_open)
    assert not _log(folder).exists()
    on_disk = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert sorted(e["name"] for e in on_disk["clients"].values()) == ["Alpha", "Beta", "Gamma"]


def test_a_doc_id_of_unicode_digits_is_refused_not_a_traceback(tmp_path: Path) -> None:
    from coach.store import StoreError

    folder = _ws(tmp_path)
    ws = Workspace.open(folder)
    ws.create_client("Alpha")
    ws.set_setting("k", 1)
    ws.create_client("Beta")
    line = json.loads(_log(folder).read_text(encoding="utf-8"))
    [(_doc, entry)] = line["put"].items()
    _log(folder).write_text(json.dumps({**line, "put": {"²": entry}}) + "\n", encoding="utf-8")
    assert _names(folder) == ["Alpha", "Beta"]          # Beta adopted from its file
    index = folder / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["clients"]["²"] = data["clients"].pop(next(iter(data["clients"])))
    index.write_text(json.dumps(data), encoding="utf-8")
    try:
        names = _names(folder)
    except StoreError as exc:                            # said, never a traceback
        assert "index.json" in str(exc)
    else:
        assert "Alpha" in names
