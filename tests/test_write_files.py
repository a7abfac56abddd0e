"""publish/documents.write_files: generated files written, or linked from the earlier site when unchanged."""

import os

from generator.model import BinaryFile, OutputFile
from generator.publish.documents import write_files


def _earlier(tmp_path, path: str, data: bytes):
    old = tmp_path / "site" / path
    old.parent.mkdir(parents=True)
    old.write_bytes(data)
    return old


def test_a_file_the_earlier_site_holds_byte_for_byte_is_linked_not_written(tmp_path):
    old = _earlier(tmp_path, "search/heads/1.bin", b"\x1f\x8b same")
    write_files((BinaryFile("search/heads/1.bin", b"\x1f\x8b same"),), tmp_path / "new", earlier=tmp_path / "site")
    new = tmp_path / "new/search/heads/1.bin"
    assert new.read_bytes() == b"\x1f\x8b same" and os.path.samefile(new, old)


def test_a_changed_file_is_written_and_the_earlier_one_left_as_it_was(tmp_path):
    old = _earlier(tmp_path, "index.md", "旧文".encode())
    write_files((OutputFile("index.md", "新文"),), tmp_path / "new", earlier=tmp_path / "site")
    assert (tmp_path / "new/index.md").read_text(encoding="utf-8") == "新文"
    assert old.read_text(encoding="utf-8") == "旧文" and not os.path.samefile(old, tmp_path / "new/index.md")


def test_a_link_in_the_earlier_site_is_never_followed(tmp_path):
    target = _earlier(tmp_path, "elsewhere/file.bin", b"same")
    (tmp_path / "site/search").mkdir()
    (tmp_path / "site/search/file.bin").symlink_to(target)
    write_files((BinaryFile("search/file.bin", b"same"),), tmp_path / "new", earlier=tmp_path / "site")
    assert not os.path.samefile(tmp_path / "new/search/file.bin", target)


def test_without_an_earlier_site_every_file_is_written(tmp_path):
    write_files((OutputFile("a/b.md", "文"), BinaryFile("c.bin", b"\x00")), tmp_path / "new")
    assert (tmp_path / "new/a/b.md").read_text(encoding="utf-8") == "文" and (tmp_path / "new/c.bin").read_bytes() == b"\x00"
