"""The message catalogues: every message people read has a Vietnamese translation, the compiled .mo
that ships is the .po's, and the language is chosen by --lang, then $TTHC_LANG, then Vietnamese."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tthc_cli import i18n

from .conftest import DATA, ROOT

PO = Path(i18n.LOCALE_DIR) / "vi" / "LC_MESSAGES" / "tthc.po"


def _extracted() -> dict[tuple[str | None, str], str | tuple[str, ...]]:
    """Every message the code and templates mark, as `scripts/catalogue.sh` extracts them, by
    (context, msgid)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
    for folder in ("src", "templates"):  # the two inputs scripts/catalogue.sh gives pybabel
        for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / folder), method_map, options_map
        ):
            found[(context, _key(message))] = message
    return found


def _catalogue():  # type: ignore[no-untyped-def]
    with open(PO, "rb") as handle:
        return read_po(handle)


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_every_message_has_a_vietnamese_translation() -> None:
    catalogue = _catalogue()
    missing = []
    for context, key in _extracted():
        entry = catalogue.get(key, context=context)
        strings = [] if entry is None else [entry.string] if isinstance(entry.string, str) else entry.string
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(key)
    assert not missing, (
        "messages without a Vietnamese translation (run scripts/catalogue.sh, then translate them in "
        f"{PO.relative_to(ROOT)}):\n" + "\n".join(missing)
    )


def test_the_catalogue_holds_only_messages_the_code_uses() -> None:
    stale = {(m.context, _key(m.id)) for m in _catalogue() if m.id} - set(_extracted())
    assert not stale, f"translations of messages no longer in the code (run scripts/catalogue.sh): {stale}"


def test_translations_keep_every_placeholder() -> None:
    field = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]")
    wrong = []
    for entry in _catalogue():
        if not entry.id:
            continue
        ids = [entry.id] if isinstance(entry.id, str) else list(entry.id)
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        wanted = set(field.findall(ids[-1])) | set(field.findall(ids[0]))
        for text in strings:
            if set(field.findall(text)) != wanted and set(field.findall(text)) != set(field.findall(ids[0])):
                wrong.append((ids[0], text))
    assert not wrong


def test_the_shipped_mo_is_the_compiled_po() -> None:
    """The .mo is committed (so a wheel needs no build step); it must say what the .po says."""
    with open(i18n.catalogue_path("vi"), "rb") as handle:
        compiled = GNUTranslations(handle)
    for entry in _catalogue():
        if not entry.id or entry.fuzzy:
            continue
        if entry.context:
            assert compiled.pgettext(entry.context, entry.id) == entry.string, f"stale tthc.mo: {entry.id!r}"
        elif isinstance(entry.id, str):
            assert compiled.gettext(entry.id) == entry.string, f"stale tthc.mo: {entry.id!r}"
        else:
            assert compiled.ngettext(entry.id[0], entry.id[1], 1) == entry.string[0], entry.id
    assert compiled.info()["language"] == "vi"


def test_english_is_the_identity_and_vietnamese_the_default() -> None:
    message = "{given}: unknown language; choose one of: {choices}"
    assert i18n.language() == "vi"
    assert i18n._(message) == "{given}: không có ngôn ngữ này; chọn một trong: {choices}"
    with i18n.using("en"):
        assert i18n._(message) == message
    assert i18n.language() == "vi"


@pytest.fixture
def program(tthc):  # type: ignore[no-untyped-def]
    """The whole program (in this process), on the shipped data, in the language asked for."""

    def call(*args: str, lang: str | None = None):  # type: ignore[no-untyped-def]
        env = {"TTHC_LANG": lang, "TTHC_TODAY": None, "NO_COLOR": None, "TTHC_DATA": str(DATA)}
        return tthc(*args, env=env)

    return call


def test_an_unknown_language_is_one_vietnamese_line(program) -> None:  # type: ignore[no-untyped-def]
    result = program("list", "--lang", "fr")
    assert result.code == 2
    assert result.stderr == "tthc: --lang fr: không có ngôn ngữ này; chọn một trong: vi, en\n"
    assert program("list", lang="fr").stderr.startswith("tthc: TTHC_LANG=fr: không có ngôn ngữ này")


def _process(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """tthc in a process of its own: the help texts are made in the language chosen at start-up."""
    env = {k: v for k, v in os.environ.items() if k not in ("TTHC_LANG", "TTHC_TODAY", "NO_COLOR")}
    env["TTHC_DATA"] = str(DATA)
    if lang is not None:
        env["TTHC_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "tthc_cli", *args], capture_output=True, text=True, env=env, check=False
    )


def test_help_is_vietnamese_by_default_and_english_on_request() -> None:
    vi = _process("--help").stdout
    assert "Ngôn ngữ hiển thị" in vi and vi.startswith("Cách dùng: ")
    for english in (
        "Usage",
        "Options",
        "Commands",
        "Install completion",
        "Show completion",
        "Show this message",
    ):
        assert english not in vi, english
    en = _process("--help", "--lang", "en").stdout
    assert "Language of everything tthc prints" in en and "Ngôn ngữ hiển thị" not in en
    assert "Language of everything tthc prints" in _process("--help", lang="en").stdout


def test_validate_speaks_vietnamese_to_staff(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The fix-a-validation-error path of issue #13: every sentence the office reads is Vietnamese."""
    plan = data_dir / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead:", "leed:", 1), encoding="utf-8")
    progress = data_dir / "progress.yaml"
    progress.write_text(
        progress.read_text(encoding="utf-8") + "  - {id: '1.1', date: 2021-13-02, status: finished}\n",
        encoding="utf-8",
    )
    result = run("validate", "--data", str(data_dir))
    assert result.code == 1
    assert "không có trường 'leed'; có phải là 'lead'?" in result.stdout
    assert "thiếu trường bắt buộc 'lead'; hãy thêm vào" in result.stdout
    assert "'2021-13-02' không phải ngày có thật: không có tháng 13" in result.stdout
    assert (
        "'finished' không được phép ở đây; hãy viết một trong: started, done, reopened, note" in result.stdout
    )
    assert result.stderr.startswith("CÓ LỖI: ")
    for english in ("unknown field", "is missing", "not a real date", "not allowed", " or ", "FAILED"):
        assert english not in result.stdout + result.stderr, english


# Modules whose messages are still English literals: translating one removes it from this list, and a
# message written as a bare literal in any other module fails the test below.
NOT_YET_TRANSLATED: set[str] = set()
_SHOWN_BY = {
    "fail",
    "note",
    "Problem",
    "UserError",
    "DataDirError",
    "TemplateFailure",
    "FileKindError",
    "AppendError",
    "ValueError",
}


def _bare_messages(path: Path) -> list[int]:
    """Lines where a message for people is a plain literal instead of going through _()."""
    import ast

    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in _SHOWN_BY:
            continue
        for arg in node.args:
            parts = arg.values if isinstance(arg, ast.JoinedStr) else [arg]
            text = " ".join(
                p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)
            )
            if re.search(r"[A-Za-z]{3,} [A-Za-z]{2,}", text):
                lines.append(node.lineno)
    return lines


def test_messages_go_through_the_catalogue() -> None:
    found = {
        path.name: lines
        for path in sorted((ROOT / "src" / "tthc_cli").rglob("*.py"))
        if path.name not in NOT_YET_TRANSLATED and (lines := _bare_messages(path))
    }
    assert not found, f"messages not wrapped in _(): {found}"


def test_unit_types_and_group_kinds_are_in_the_readers_language(run) -> None:  # type: ignore[no-untyped-def]
    en = run("--lang", "en", "units", "--format", "md")
    vi = run("units", "--format", "md")
    assert "| Sở Y tế | Department |" in en.stdout and "| Sở Y tế | Sở |" in vi.stdout
    assert "group not fully listed" in en.stdout and "nhóm không liệt kê đủ" in vi.stdout
