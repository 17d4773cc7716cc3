"""argmap preview without a browser: what the page holds, how the state follows saves, the
server's answers and event stream, and the command's start and Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from argmap.api import check_file
from argmap.pages.view import CSP
from argmap.preview.page import LIVE_CSP, live_page
from argmap.preview.server import start, stop
from argmap.preview.state import Preview, Shown
from tests.conftest import ctrl_c_stops, run

BROKEN = ("      - mutual-benefit-strategy\n", "      - mutual-benefit-strateg\n")


def save(path: Path, text: str) -> None:
    """Write as an editor saving by renaming a new file into place does."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_the_page_is_the_view_with_the_panel_and_a_policy_allowing_only_its_own_stream() -> None:
    view = b'<html><head><meta http-equiv="Content-Security-Policy" content="' + CSP.encode()
    view += b'"></head><body><main>map</main></body></html>'
    shown = Shown(3, 2, ("m.yaml:1:1: error: <script>alert(1)</script> [AM002]",), True, "T")
    page = live_page(view, shown).decode()
    assert f'content="{LIVE_CSP}"' in page and LIVE_CSP == CSP + "; connect-src 'self'"
    assert page.count("Content-Security-Policy") == 1
    assert "<li>m.yaml:1:1: error: &lt;script&gt;alert(1)&lt;/script&gt; [AM002]</li>" in page
    state = re.search(r'id="argmap-preview-state">(.*?)</script>', page)
    assert state is not None and "<" not in state.group(1)
    assert json.loads(state.group(1)) == {
        "version": 3, "drawing": 2, "errors": True,
        "diagnostics": ["m.yaml:1:1: error: <script>alert(1)</script> [AM002]"],
    }  # fmt: skip
    assert page.index("<main>map</main>") < page.index('id="argmap-preview"')
    assert " open" in page.split('id="argmap-preview"')[1].split(">")[0]


def test_a_page_before_any_drawing_shows_the_diagnostics_alone() -> None:
    shown = Shown(1, 0, ("m.yaml:2:8: error: YAML syntax error [AM002]",), True, "m.yaml")
    page = live_page(None, shown).decode()
    assert f'content="{LIVE_CSP}"' in page
    assert "No drawing yet" in page and "YAML syntax error" in page
    assert "<summary>The map has errors</summary>" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')  # all its words are argmap's


def test_the_state_keeps_the_last_good_drawing_while_the_map_has_errors(seed_copy: Path) -> None:
    preview = Preview(str(seed_copy))
    assert preview.refresh()
    first = preview.view
    assert first is not None and preview.shown == Shown(1, 1, (), False, preview.shown.title, "en")
    assert not preview.refresh()  # nothing changed
    good = seed_copy.read_text(encoding="utf-8")
    save(seed_copy, good.replace(*BROKEN))
    assert preview.refresh()
    expected = tuple(str(d) for d in check_file(seed_copy).diagnostics)
    assert expected and "[AM103]" in expected[0]
    assert preview.shown.diagnostics == expected and preview.shown.errors
    assert preview.view is first and preview.shown.drawing == 1
    save(seed_copy, good.replace("Energy is the most obvious", "Energy is plainly the"))
    assert preview.refresh()
    assert preview.shown.drawing == 2 and not preview.shown.errors
    assert preview.view is not None and b"Energy is plainly the" in preview.view


def test_with_draft_a_save_with_errors_is_drawn_as_a_draft(seed_copy: Path) -> None:
    # A debate coach mapping live on a projector: the page stayed "No drawing yet" while the
    # map had errors, most of the lesson.
    preview = Preview(str(seed_copy), draft=True)
    good = seed_copy.read_text(encoding="utf-8")
    save(seed_copy, good.replace(*BROKEN))
    assert preview.refresh()
    assert preview.shown.errors and "[AM103]" in preview.shown.diagnostics[0]
    assert preview.view is not None and preview.shown.drawing == 1
    assert b"DRAFT" in preview.view and b"draft-error" in preview.view
    save(seed_copy, good.replace("\n", "\n  ", 3))  # a file that gives no map: kept as it was
    assert preview.refresh()
    assert preview.shown.drawing == 1 and preview.shown.errors
    save(seed_copy, good)
    assert preview.refresh()
    assert preview.shown.drawing == 2 and not preview.shown.errors
    assert b"DRAFT" not in (preview.view or b"")


def test_a_save_of_the_source_text_redraws_too(seed_copy: Path) -> None:
    preview = Preview(str(seed_copy))
    preview.refresh()
    source = seed_copy.parent.parent / "seeds" / "europe-central-asia-partnership.txt"
    text = source.read_text(encoding="utf-8")
    save(source, text.replace("The most obvious area of mutual interest", "The clearest area"))
    assert preview.refresh()
    assert preview.shown.errors
    assert any("[AM110]" in line for line in preview.shown.diagnostics)


def test_what_the_drawing_has_to_say_is_a_note_in_the_panel_not_a_python_warning(
    tmp_path: Path,
) -> None:
    """Text the drawing's font lacks is a note, as ``argmap render`` prints it, not a Python
    warning with argmap's own source lines on the terminal (and an error under -W error)."""
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: \"A \U0001f600.\"\n"
                    "    implicit: true\n", encoding="utf-8")  # fmt: skip
    preview = Preview(str(path))
    assert preview.refresh() and preview.view is not None
    (note,) = preview.shown.diagnostics
    assert note.startswith(f"{path}: note: the drawing's font cannot draw \U0001f600")


def test_a_missing_map_is_said_and_waited_for(tmp_path: Path) -> None:
    preview = Preview(str(tmp_path / "later.yaml"))
    preview.refresh()
    assert preview.shown.diagnostics == (f"argmap: {tmp_path / 'later.yaml'}: no such file",)
    page = live_page(*preview.snapshot()).decode()
    assert "No drawing yet" in page


@contextmanager
def _stream(port: int, path: str, host: str | None = None) -> Iterator[http.client.HTTPResponse]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}"})
        with connection.getresponse() as response:
            yield response
    finally:
        connection.close()


def _get(port: int, path: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    with _stream(port, path, host) as response:
        return response.status, dict(response.getheaders()), response.read()


def test_the_server_answers_on_loopback_to_its_own_name_only(seed_copy: Path) -> None:
    preview = Preview(str(seed_copy))
    preview.refresh()
    server = start(preview)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        status, headers, body = _get(port, "/")
        assert status == 200 and headers["Cache-Control"] == "no-store"
        assert b'id="argmap-preview"' in body
        assert _get(port, "/", f"localhost:{port}")[0] == 200
        assert _get(port, "/", f"attacker.example:{port}")[0] == 421
        assert _get(port, "/elsewhere")[0] == 404
    finally:
        stop(server)


def test_a_request_the_page_would_never_send_is_refused_quietly(
    seed_copy: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Any web page the user has open can send requests to the preview's port (it cannot read
    the answers): a version that is no number is a 400, not a traceback on the terminal."""
    preview = Preview(str(seed_copy))
    preview.refresh()
    server = start(preview)
    try:
        port = server.server_address[1]
        for version in ("%1b%5d0%3bpwned%07", "x", "1e3", "99999999999999999999999999999"):
            status, _, body = _get(port, f"/events?version={version}")
            assert status == 400 and b"pwned" not in body, version
        with _stream(port, "/events?version=-1") as response:  # still serving
            assert response.status == 200
    finally:
        stop(server)
    assert "Traceback" not in capfd.readouterr().err


def test_the_event_stream_says_each_change(seed_copy: Path) -> None:
    preview = Preview(str(seed_copy))
    preview.refresh()
    server = start(preview)
    try:
        with _stream(server.server_address[1], "/events?version=1") as stream:
            _follow(stream, seed_copy, preview)
    finally:
        stop(server)


def _follow(stream: http.client.HTTPResponse, seed_copy: Path, preview: Preview) -> None:
    assert stream.getheader("Content-Type") == "text/event-stream; charset=utf-8"
    assert stream.readline() == b"retry: 250\n" and stream.readline() == b"\n"
    save(seed_copy, seed_copy.read_text(encoding="utf-8").replace(*BROKEN))
    preview.refresh()
    line = stream.readline()
    assert line.startswith(b"data: ")
    data = json.loads(line[6:])
    assert (data["version"], data["drawing"], data["errors"]) == (2, 1, True)
    assert "[AM103]" in data["diagnostics"][0]


def test_preview_help_has_an_example() -> None:
    result = run("preview", "--help")
    assert result.exit_code == 0
    assert "Example:\n    argmap preview maps/europe-central-asia.yaml --open" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_stops_the_preview_with_status_130(seed_copy: Path) -> None:
    command = [sys.executable, "-m", "argmap", "preview", str(seed_copy)]
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_stops
    ) as process:
        assert process.stderr is not None
        try:
            first = process.stderr.readline()
            match = re.fullmatch(r"argmap: previewing .* at http://127\.0\.0\.1:(\d+)/ "
                                 r"\(Ctrl-C stops\)\n", first)  # fmt: skip
            assert match, first
            assert _get(int(match.group(1)), "/")[0] == 200
            time.sleep(0.2)
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=10) == 130
            assert process.stderr.read().endswith("argmap: stopped the preview\n")
        finally:
            process.kill()


def test_a_port_in_use_is_a_usage_error(seed_copy: Path) -> None:
    preview = Preview(str(seed_copy))
    server = start(preview)
    try:
        result = run("preview", str(seed_copy), "--port", str(server.server_address[1]))
        assert result.exit_code == 2
        assert result.stderr.startswith(
            f"argmap: error: cannot listen on 127.0.0.1:{server.server_address[1]}: "
        )
    finally:
        stop(server)


def test_the_event_stream_is_refused_to_pages_of_other_origins(seed_copy: Path) -> None:
    """A web page open in the user's browser can ask for the stream (the browser names its
    origin): it could hold streams open without end, a thread each. The preview's own page,
    at either of its names, and tools that are no browser (no Origin) get it."""
    preview = Preview(str(seed_copy))
    preview.refresh()
    server = start(preview)
    try:
        port = server.server_address[1]

        def status(origin: str | None) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            headers = {"Host": f"127.0.0.1:{port}"} | ({"Origin": origin} if origin else {})
            try:
                connection.request("GET", "/events?version=-1", headers=headers)
                with connection.getresponse() as response:
                    return response.status
            finally:
                connection.close()

        for origin in ("https://attacker.example", "null", f"http://127.0.0.1:{port + 1}",
                       f"http://attacker.example:{port}"):  # fmt: skip
            assert status(origin) == 403, origin
        for origin in (None, f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
            assert status(origin) == 200, origin
    finally:
        stop(server)
