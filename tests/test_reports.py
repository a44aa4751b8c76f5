"""Reports: golden Markdown on fixed dates, escaping, the sandbox, user templates, a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SAMPLE_LOG = Path(__file__).parent / "data" / "progress-sample.yaml"
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"  # refresh on purpose: TTHC_UPDATE_GOLDEN=1 pytest


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}; run with TTHC_UPDATE_GOLDEN=1 once and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review, then refresh on purpose"


@pytest.fixture
def sample(data_dir: Path) -> Path:
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")
    return data_dir


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("brief-2021-06-05.md", ["brief", "--today", "2021-06-05"]),
        ("brief-2021-07-28-en.md", ["brief", "--today", "2021-07-28", "--lang", "en"]),
        ("report-2021-06-05.md", ["report", "--today", "2021-06-05"]),
    ],
)
def test_golden_with_sample_progress(run, sample: Path, name: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run(*args, "--data", str(sample))
    assert result.code == 0, result.stderr
    check_golden(name, result.stdout)


def test_golden_on_shipped_data(run) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--today", "2021-08-03")
    assert result.code == 0
    check_golden("report-shipped-2021-08-03.md", result.stdout)


def test_brief_content(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    out = run("brief", "--today", "2021-06-05", "--data", str(sample)).stdout
    # Items are named as the document numbers them; internal IDs stay in JSON and CSV. (The split items'
    # "(`tthc missing …`)" hints still carry IDs: a command has no place in the Chairman's brief either,
    # and goes with the accountability model's change; they are left out of this check until then.)
    named = re.sub(r" \(`tthc missing [^`]*`\)", "", out)
    assert "review:" not in named and "task:" not in named and "inspection:" not in named
    first = out.split("## 1.")[0]
    # 4, and the first quarter's reports (28 units', the Office's two): none is recorded in the sample
    assert "**Cần lưu ý:** 34 việc quá hạn" in first and "2 việc hoàn thành trong tuần" in first
    overdue = out.split("## 1.")[1].split("## 2.")[0]
    assert "| PL I – 2 (Sở Nội vụ) |" in overdue and "PL I – 1 " not in overdue and "Mục 1.1 " not in overdue
    done = out.split("## 4.")[1].split("## 5.")[0]
    assert "| Mục 1.1 |" in done and "| PL II – II.3 |" in done and "PL I – 1 " not in done  # 28/5: last week
    assert "Ban hành Quy chế \\| Bộ phận Một cửa" not in done  # notes are not in the table
    reporting = out.split(". Báo cáo định kỳ\n")[1]  # the regime's next cut-off and send-by days
    assert "| quý II/2021 | 15/03/2021 – **14/06/2021** |" in reporting
    assert "**16/06/2021** (giả định)" in reporting and "| 0/28 |" in reporting
    assert "— 1/17 đã xong" in out and "— 1/16 đã xong" in out


def test_brief_lists_only_owners_needing_attention_and_keeps_groups_apart(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    out = run("brief", "--today", "2021-07-28", "--data", str(sample)).stdout
    section = out.split("## 5.")[1].split("## 6.")[0]
    cells = [line.strip("| ").split(" | ") for line in section.splitlines() if line.startswith("| ")][1:]
    names = [c[0] for c in cells]
    assert "Sở Y tế" in names and "Trung tâm Phục vụ hành chính công" not in names  # owes nothing itself
    # Sở Công Thương did its review on 28/5: only its first two quarters' reports are late.
    assert next(c for c in cells if c[0] == "Sở Công Thương")[1:3] == ["2", "0"]
    assert all(int(c[1]) + int(c[2]) > 0 for c in cells)
    assert len(out.splitlines()) < 120  # a page or two


def test_owners_needing_attention_are_units_and_open_groups_apart(plan) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from tthc_cli.domain.status import statuses
    from tthc_cli.present.documents import owners_needing_attention

    day = date(2021, 12, 20)
    units, groups = owners_needing_attention(plan, statuses(plan, day), day)
    assert units and all(u.name in plan.registry.units and not u.group for u in units)
    # Work a group leads as a whole is the group's, apart: open-ended groups are marked so.
    assert groups and all(plan.registry.is_group(g.name) and g.group for g in groups)
    assert {g.definite for g in groups} == {not plan.registry.is_open(g.name) for g in groups}
    late = [u.overdue for u in units]
    assert late == sorted(late, reverse=True)


def test_brief_week_option(run) -> None:  # type: ignore[no-untyped-def]
    out = run("brief", "--week", "2021-07-28", "--today", "2021-07-28").stdout
    assert "Tuần 26/07/2021 – 01/08/2021" in out
    week = out.split("## 2.")[1].split("## 3.")[0]
    assert "PL I – 13 " not in week  # due Saturday 31/7, effectively Monday 2/8: next week
    assert "PL I – 13 " in out.split("## 3.")[1].split("## 4.")[0]


def test_markdown_cells_cannot_break_tables(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    plan = sample / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "Nhiệm vụ tham mưu ban hành Quy chế", "A | B\n\n      | c | d | <b>x</b> *y*"
        ),
        encoding="utf-8",
    )
    result = run("brief", "--today", "2021-06-05", "--data", str(sample))
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("| Mục 1.1 |"))
    header = next(lines[i - 1] for i in range(at, 0, -1) if lines[i].startswith("|---"))
    cells = re.compile(r"(?<!\\)\|")  # a pipe not escaped
    assert len(cells.findall(lines[at])) == len(cells.findall(header))  # as many cells as the header
    assert "A \\| B \\| c \\| d \\| &lt;b&gt;x&lt;/b&gt; \\*y\\*" in lines[at]


def test_html_escapes_everything_from_the_data(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    plan = data_dir / "plan.yaml"
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("Nhiệm vụ tham mưu ban hành Quy chế", evil), encoding="utf-8"
    )
    html = run("report", "-f", "html", "--today", "2021-06-05", "--data", str(data_dir)).stdout
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_html_is_self_contained(run) -> None:  # type: ignore[no-untyped-def]
    html = run("report", "-f", "html", "--today", "2021-06-05").stdout
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@page { size: A4" in html
    for needle in ("http://", "https://", "<script", "<link", "src="):
        assert needle not in html
    assert html.count('class="row"') == 30  # 14 tasks + 16 review rows on the timeline
    assert 'id="today"' in html


def test_english_labels(run) -> None:  # type: ignore[no-untyped-def]
    html = run("report", "-f", "html", "--lang", "en", "--today", "2021-06-05").stdout
    assert '<html lang="en">' in html and "Overdue items" in html and "Quá hạn" not in html


def test_user_templates_override_and_are_sandboxed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "brief.md.j2").write_text(
        "Tuần {{ brief.week_start | dmy }}: {{ brief.overdue | length }} quá hạn\n"
    )
    ok = run("brief", "--today", "2021-06-05", "--templates", str(tmp_path))
    assert ok.code == 0 and ok.stdout == "Tuần 31/05/2021: 9 quá hạn\n"  # 6, and 3 items' Q1 reports
    (tmp_path / "brief.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    bad = run("brief", "--today", "2021-06-05", "--templates", str(tmp_path))
    assert bad.code == 2 and "bị chặn vì không an toàn" in bad.stderr and "Traceback" not in bad.stderr
    (tmp_path / "brief.md.j2").write_text("{% for x in %}")
    broken = run("brief", "--today", "2021-06-05", "--templates", str(tmp_path))
    assert broken.code == 2 and "brief.md.j2:1" in broken.stderr


def test_output_file_is_written_whole_and_data_files_are_protected(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    target = data_dir / "out" / "report.html"
    missing = run("report", "-f", "html", "-o", str(target), "--data", str(data_dir))
    assert missing.code == 2 and "không có thư mục" in missing.stderr
    target.parent.mkdir()
    assert run("report", "-f", "html", "-o", str(target), "--data", str(data_dir)).code == 0
    assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")
    before = (data_dir / "plan.yaml").read_bytes()
    clobber = run("brief", "-o", str(data_dir / "plan.yaml"), "--data", str(data_dir))
    assert clobber.code == 2 and "tệp dữ liệu plan.yaml" in clobber.stderr
    assert (data_dir / "plan.yaml").read_bytes() == before
    folder = run("brief", "-o", str(data_dir), "--data", str(data_dir))
    assert folder.code == 2 and "hãy cho tên một tệp thông thường" in folder.stderr


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_report_in_a_real_browser(run, sample: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    browser = _chromium()
    if browser is None:
        if os.environ.get("TTHC_REQUIRE_BROWSER") == "1":
            pytest.fail("TTHC_REQUIRE_BROWSER=1 but no chromium on PATH (CI installs Debian's chromium)")
        pytest.skip("no chromium on PATH; CI installs it and sets TTHC_REQUIRE_BROWSER=1")
    page = tmp_path / "report.html"
    assert (
        run("report", "-f", "html", "-o", str(page), "--today", "2021-06-05", "--data", str(sample)).code == 0
    )
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        # Chromium writes its crash reports and dconf settings under the home folder: keep them here.
        env={
            **os.environ,
            "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
    ).stdout
    for section in ("counts", "timeline", "overdue", "tasks", "review", "inspection", "ongoing", "units"):
        assert f'<section id="{section}">' in dom
    assert "<svg" in dom and dom.count('class="row"') == 30 and 'id="today"' in dom
    assert (
        "Hoàn thành quá hạn" in dom
        and "Phụ lục II — Kiểm tra công tác kiểm soát thủ tục hành chính" in dom
        and "— 1/17 đã xong" in dom
    )


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        ([], "bao-cao.html", "<!DOCTYPE html>"),
        ([], "bao-cao.HTM", "<!DOCTYPE html>"),
        ([], "bao-cao.md", "# "),
        ([], "bao-cao.txt", "# "),
        (["-f", "html"], "bao-cao.html", "<!DOCTYPE html>"),
    ],
)
def test_report_format_follows_the_file_suffix(run, data_dir: Path, args, name, starts) -> None:  # type: ignore[no-untyped-def]
    target = data_dir / name
    result = run("report", *args, "-o", str(target), "--today", "2021-06-05", "--data", str(data_dir))
    assert result.code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_report_format_contradicting_the_suffix_is_refused(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    target = data_dir / "bao-cao.html"
    result = run("report", "-f", "md", "-o", str(target), "--data", str(data_dir))
    assert result.code == 2 and "--format md không khớp với -o" in result.stderr
    assert not target.exists()


def completed_in_brief(plan, *log: tuple[str, ...]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(ID, date) of what the brief of 04/06/2021 lists as completed, with `log` as the progress."""
    from datetime import date

    from tthc_cli.domain.plan import Entry
    from tthc_cli.domain.status import statuses
    from tthc_cli.present.documents import build_brief

    logged = plan.with_progress(Entry(i, date.fromisoformat(d), *rest) for i, d, *rest in log)
    now = date(2021, 6, 4)
    brief = build_brief(logged, statuses(logged, now), now, now)
    return [(c.status.item.id, c.entry.date.isoformat()) for c in brief.completed]


def test_brief_lists_an_item_done_twice_once_with_its_first_date(plan) -> None:  # type: ignore[no-untyped-def]
    log = [
        ("review:1", "2021-05-31", "done"),
        ("review:1", "2021-06-02", "done", "gửi lại bản ký"),
        ("review:2", "2021-06-01", "done"),
    ]
    assert completed_in_brief(plan, *log) == [("review:1", "2021-05-31"), ("review:2", "2021-06-01")]


def test_brief_does_not_list_a_reopened_item_as_completed(plan) -> None:  # type: ignore[no-untyped-def]
    log = [
        ("review:1", "2021-05-31", "done"),
        ("review:1", "2021-06-01", "reopened"),
        ("review:2", "2021-06-01", "done"),
    ]
    assert completed_in_brief(plan, *log) == [("review:2", "2021-06-01")]


def test_one_process_renders_each_language_in_its_own_words(run) -> None:  # type: ignore[no-untyped-def]
    """Jinja folds {{ "overdue" | status_label }} into the compiled template: a template compiled
    in English must not be reused for a Vietnamese brief in the same process (nor the reverse)."""
    args = ("brief", "--today", "2021-06-05")
    first = run(*args)
    english = run("--lang", "en", *args)
    again = run(*args)
    assert "| Đơn vị | Quá hạn | Sắp đến hạn |" in first.stdout
    assert "| Unit | Overdue | Due soon |" in english.stdout
    assert again.stdout == first.stdout


def test_a_deadline_on_a_day_is_drawn_as_a_point_and_a_stretch_as_a_bar(plan) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from tthc_cli.domain.deadline_values import DeadlineKind
    from tthc_cli.domain.status import statuses
    from tthc_cli.present.documents import build_timeline

    day = date(2021, 6, 5)
    rows = {r.id: r for r in build_timeline(plan, statuses(plan, day), day).rows}
    # 1.1 "Xong trước tháng 6 năm 2021", a review row "Trước ngày 30/6/2021": a day each.
    assert rows["task:1.1"].milestone and rows["review:6"].milestone
    # Item 6 "Từ tháng 4 đến tháng 11 năm 2021": a stretch; 1.2 "Thường xuyên": no single day.
    assert not rows["task:6"].milestone and not rows["task:1.2"].milestone and rows["task:1.2"].ongoing
    # Every kind answers the question by name (deadline_values.DeadlineKind.is_milestone).
    assert {k for k in DeadlineKind if k.is_milestone} == {DeadlineKind.BY_DATE, DeadlineKind.BEFORE_MONTH}


def _md_headings(text: str) -> list[tuple[str, str]]:
    return [(n, title.replace("\\", "")) for n, title in re.findall(r"^## (\d+)\. (.+)$", text, re.M)]


def _html_headings(text: str) -> list[tuple[str, str]]:
    import html

    return [(n, html.unescape(title)) for n, title in re.findall(r"<h2>(\d+)\. (.+?)</h2>", text)]


@pytest.mark.parametrize("plan", ["shipped", "an-lac-2022", "son-ha-2023"])
def test_the_markdown_and_html_reports_number_the_same_sections_alike(run, sample: Path, plan: str) -> None:  # type: ignore[no-untyped-def]
    """'See section 6' means one section in either file: both are numbered from Report.sections, one
    after the other, and say the same thing under each number."""
    folder = sample if plan == "shipped" else Path(__file__).parent / "fixtures" / plan
    at = (
        "--today",
        {"shipped": "2021-06-05", "an-lac-2022": "2022-06-01", "son-ha-2023": "2023-07-03"}[plan],
    )
    md = _md_headings(run("report", *at, "--data", str(folder)).stdout)
    html = _html_headings(run("report", "-f", "html", *at, "--data", str(folder)).stdout)
    assert md == html
    assert [int(n) for n, _title in md] == list(range(1, len(md) + 1))


def test_every_document_names_a_share_by_its_unit_and_its_period_in_words(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    """The report's list of shares not done says "Sở Y tế quý I/2021" as the brief and `show` do,
    never the period's code (2021-Q1)."""
    at = ("--today", "2021-06-05", "--data", str(sample))
    md = run("report", *at).stdout
    html = run("report", "-f", "html", *at).stdout
    brief = run("brief", *at).stdout
    shown = run("show", "IV.2", *at).stdout
    for text in (md, html, brief, shown):
        assert not re.search(r"\b20\d\d-(Q\d|H\d|9M|M\d\d)\b", text)
        assert "Sở Y tế quý I/2021" in text
    assert "quý I/2021 (Quá hạn)" in md.split(". Việc giao riêng từng đơn vị, từng kỳ")[1]


@pytest.mark.parametrize("plan", ["shipped", "an-lac-2022", "son-ha-2023"])
def test_the_report_lists_every_ongoing_obligation_it_counts(run, sample: Path, plan: str) -> None:  # type: ignore[no-untyped-def]
    """The first section's "Thường xuyên" count and the section listing ongoing work are one set
    (IV.3, a duty, was counted and never listed)."""
    folder = sample if plan == "shipped" else Path(__file__).parent / "fixtures" / plan
    day = {"shipped": "2021-06-05", "an-lac-2022": "2022-06-01", "son-ha-2023": "2023-07-03"}[plan]
    md = run("report", "--today", day, "--data", str(folder)).stdout
    counted = int(re.search(r"^\| Thường xuyên \| (\d+) \|$", md, re.M)[1])  # type: ignore[index]
    listed = md.split(". Việc thường xuyên (")[1].split("\n## ")[0]
    assert listed.startswith(f"{counted})")
    assert listed.count("\n- ") == counted
    if plan == "shipped":
        assert "- Mục IV.3 — " in listed


def test_an_item_with_rows_and_reports_has_one_count_saying_which_parts(run, sample: Path) -> None:  # type: ignore[no-untyped-def]
    """3.2 has 16 rows of Phụ lục I and 5 periodic reports: the report (its task table and its list of
    split items, Markdown and HTML), the brief and `show` give the one count, each kind of part
    named (it was 0/21 in one place and 0/5 in another); and no days late stand beside its due date
    of none ("Thường xuyên năm 2021")."""
    at = ("--today", "2021-06-05", "--data", str(sample))
    count = "1/16 dòng phụ lục đã xong (4 quá hạn); 0/5 kỳ đã xong (1 quá hạn)"
    md = run("report", *at).stdout
    tasks = md.split(". Nhiệm vụ (Mục II)")[1].split("\n## ")[0]
    splits = md.split(". Việc giao riêng từng đơn vị, từng kỳ")[1].split("\n## ")[0]
    row = next(line for line in tasks.splitlines() if line.startswith("| Mục 3.2 |"))
    assert row.endswith(f"| — | Quá hạn — {count} |")
    split_row = next(line for line in splits.splitlines() if line.startswith("| Mục 3.2 |"))
    assert f"| {count} | Quá hạn |" in split_row
    html = run("report", "-f", "html", *at).stdout
    assert html.count(count) == 2
    brief = run("brief", *at).stdout
    assert f"**Mục 3.2** Tổ chức theo dõi, đôn đốc công bố, công khai thủ tục hành chính: {count};" in brief
    shown = run("show", "3.2", *at).stdout
    assert f"Tình trạng tại ngày 05/06/2021: Quá hạn — {count}\n" in shown and "Hạn:       —\n" in shown
    assert "trễ" not in shown
    assert "Chi tiết:  16 dòng phụ lục: PL I – 1 (Sở Công Thương);" in shown
    assert "\n           5 kỳ: quý I/2021; quý II/2021; quý III/2021; quý IV/2021; năm 2021\n" in shown


def test_a_template_asking_for_a_section_the_report_lacks_is_told_which_it_has(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = '## {{ report.number("overdue") }}.\n## {{ report.number("nope") }}.\n'
    (tmp_path / "report.md.j2").write_text(template)
    result = run("report", "--today", "2021-06-05", "--templates", str(tmp_path))
    assert result.code == 2 and "report.md.j2:2" in result.stderr
    assert "văn bản không có phần 'nope'; các phần của văn bản: counts, overdue, tasks" in result.stderr


def test_work_done_without_a_due_date_is_named_so_wherever_it_is_counted(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The column of work done where there is no due date must not read as "all done": Sở Y tế's
    IV.2 plan (no due date) and its review (on time) are counted in two columns, each saying which."""
    (data_dir / "progress.yaml").write_text(
        "entries:\n"
        "  - {id: duty:IV.2, unit: Sở Y tế, date: 2021-06-01, status: done}\n"
        "  - {id: review:6, date: 2021-06-02, status: done}\n",
        encoding="utf-8",
    )
    at = ("--today", "2021-06-05", "--data", str(data_dir))
    md = run("report", *at).stdout
    assert "| Hoàn thành (không có hạn) | 1 |" in md and "| Hoàn thành đúng hạn | 1 |" in md
    head = next(line for line in md.splitlines() if line.startswith("| Đơn vị | Phải làm |"))
    assert "| Hoàn thành đúng hạn | Hoàn thành quá hạn | Hoàn thành (không có hạn) |" in head
    assert "Đã hoàn thành" not in md
    shown = run("show", "duty:IV.2/so-y-te", *at).stdout
    assert "Tình trạng tại ngày 05/06/2021: Hoàn thành (không có hạn) — hoàn thành 01/06/2021" in shown
    english = run("report", "--lang", "en", *at).stdout
    assert "| Done, no due date | 1 |" in english
