"""A full disk during ingest and export: one line and a failure, and the store stays whole and readable.

The disk is a small tmpfs mounted for the test: by root directly, and by any other user in a user and mount
namespace of its own (`unshare --user --map-root-user --mount`, where the user is root of nothing but the
namespace), which runs these tests again in a pytest of their own. Skipped only where neither is allowed."""
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.news_fixtures import rally_text

pytestmark = pytest.mark.slow


def svodka(*args):
    return subprocess.run([sys.executable, "-m", "svodka.cli.main", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_without_root_the_full_disk_tests_run_in_a_namespace_of_their_own():
    if os.geteuid() == 0:
        pytest.skip("root mounts the small disk directly: the tests below run as they are")
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "--user", "--map-root-user", "--mount", "true"],
                                         capture_output=True).returncode != 0:
        pytest.skip("no user namespaces here (unshare is missing or not allowed)")
    run = subprocess.run([unshare, "--user", "--map-root-user", "--mount", sys.executable, "-m", "pytest", "-q",
                          "-p", "no:cacheprovider", "-k", "full_disk_during", __file__],
                         capture_output=True, text=True, timeout=900, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout[-3000:] + run.stderr[-2000:]


def documents(path: Path, count: int, first: int = 0) -> Path:
    lines = [{"id": f"d{n}", "text": rally_text(n) + " " + uuid.uuid4().hex * 40, "published": "2024-11-06",
              "url": f"https://example.org/{n}"} for n in range(first, first + count)]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def fill(disk: Path, leave: int) -> None:
    """Take all but `leave` bytes of the disk."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_a_full_disk_during_ingest_is_one_line_and_the_store_stays_whole(small_disk, tmp_path):
    db = str(small_disk / "s.db")
    assert svodka("ingest", str(documents(tmp_path / "first.jsonl", 5)), "--db", db).returncode == 0
    fill(small_disk, leave=64 * 1024)
    run = svodka("ingest", str(documents(tmp_path / "more.jsonl", 400, first=5)), "--db", db)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert any("full" in line or "space" in line for line in run.stderr.splitlines()), run.stderr
    (small_disk / "filler").unlink()
    check = svodka("check", "--db", db)
    assert check.returncode == 0, check.stdout + check.stderr
    events = svodka("events", "--db", db)
    assert events.returncode == 0


def test_a_full_disk_during_export_leaves_no_part_file_and_the_old_export_intact(small_disk, tmp_path):
    db = str(tmp_path / "s.db")  # the store is elsewhere: only the export's disk is full
    assert svodka("ingest", str(documents(tmp_path / "docs.jsonl", 40)), "--db", db).returncode == 0
    target = small_disk / "events.jsonl"
    target.write_text("an earlier export\n", encoding="utf-8")
    fill(small_disk, leave=2 * 1024)
    run = svodka("export", "--db", db, "--format", "jsonl", "-o", str(target))
    assert run.returncode != 0 and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "an earlier export\n"
    assert not list(small_disk.glob("*.part"))
