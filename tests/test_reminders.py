"""Reminders by e-mail without floods: one short message per unit with something of its own overdue or
due soon, none for a unit with nothing to say, delivered over SMTP with the password from the
environment only, and a failure to deliver one message losing none of the others."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tthc_cli.domain.accountability import figures_of
from tthc_cli.domain.queries import items_upcoming
from tthc_cli.domain.status import statuses
from tthc_cli.present.reminders import MAX_LINES, build_reminders

from .conftest import ROOT, Run

SAMPLE_LOG = ROOT / "tests" / "data" / "progress-sample.yaml"
DAY = "2021-09-20"
ADDRESSES = {
    "Sở Y tế": "vanthu.syt@haiduong.gov.vn",
    "Sở Nội vụ": "vanthu.snv@haiduong.gov.vn",
    "Sở Tư pháp": "vanthu.stp@haiduong.gov.vn",
    "Trung tâm Phục vụ hành chính công": "ttpvhcc@haiduong.gov.vn",
}
REFUSED = "vanthu.stp@haiduong.gov.vn"


@pytest.fixture
def plan_dir(data_dir: Path) -> Path:
    """The shipped plan with the sample log, four units given an address. Without its reporting regime:
    the figures below are worked out on the plan's own items (the regime's periodic reports are
    reminded like any other obligation: tests/test_reporting_regime.py)."""
    shutil.copy(SAMPLE_LOG, data_dir / "progress.yaml")
    (data_dir / "reporting.yaml").unlink()
    units = data_dir / "units.yaml"
    text = units.read_text(encoding="utf-8")
    for unit, address in ADDRESSES.items():
        first = f"  - name: {unit}\n    type: "
        assert first in text, unit
        head, tail = text.split(first, 1)
        kind, rest = tail.split("\n", 1)
        text = f"{head}{first}{kind}\n    email: {address}\n{rest}"
    units.write_text(text, encoding="utf-8")
    return data_dir


def read_eml(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def text_of(message: EmailMessage) -> str:
    """The body as text, its lines ended as Python writes them (the message ends them with CRLF)."""
    content: str = message.get_content()
    return content.replace("\r\n", "\n")


def written(folder: Path) -> dict[str, EmailMessage]:
    return {p.name: read_eml(p) for p in sorted(folder.iterdir())}


def test_every_unit_with_work_of_its_own_late_or_due_gets_one_message(plan_dir: Path, tthc: Any) -> None:
    out = plan_dir / "nhac-viec"
    result: Run = tthc("remind", "-o", str(out), "--today", DAY, "--data", str(plan_dir))
    assert result.code == 0, result.stderr
    messages = written(out)
    # Worked out apart: the units whose own figures show something overdue, and the leads of what
    # falls due in the fortnight (task 9, Văn phòng UBND tỉnh's own).
    plan = _plan(plan_dir)
    today = date.fromisoformat(DAY)
    sts = statuses(plan, today)
    late = [u for u in plan.registry.units if figures_of(plan, u, sts, today).overdue]
    soon = items_upcoming(plan, today, 14, is_done=lambda item, _day: sts[item.id].done)
    due = [u for item in soon for u in item.lead if u in plan.registry.units]
    assert due == ["Văn phòng UBND tỉnh"] and "Văn phòng UBND tỉnh" not in late
    subjects = [m["Subject"] for m in messages.values()]
    assert len(messages) == len(late) + len(due) == 29
    units = [re.sub(r"^Nhắc việc: (.*) – \d+ việc quá hạn, .*$", r"\1", s) for s in subjects]
    assert sorted(units) == sorted(late + due)
    for name, message in messages.items():  # every header decodes to the text it was made of
        raw = (out / name).read_bytes()
        assert raw.isascii() and all(len(line) <= 78 for line in raw.split(b"\r\n")), name
        assert message["Subject"].endswith(" việc đến hạn trong 14 ngày tới (Kế hoạch 2021 – Hải Dương)")
        assert " việc quá hạn, " in message["Subject"]
    assert "Trung tâm Phục vụ hành chính công" not in " ".join(subjects)  # nothing to say: no message
    names = list(messages)
    assert names[0] == "01-so-noi-vu.eml"  # 112 days late (PL I – 2), the most urgent first
    assert names[-2].endswith("-ubnd-huyen-tu-ky.eml")  # 5 days late, last in the registry's order
    assert names[-1] == "29-van-phong-ubnd-tinh.eml"  # nothing late, task 9 due in ten days
    assert all(m["Auto-Submitted"] == "auto-generated" and m["X-Unsent"] == "1" for m in messages.values())


def _plan(plan_dir: Path) -> Any:
    """The plan of `plan_dir` as the command reads it (without the shipped reporting regime)."""
    from tthc_cli.data.dataset import assemble
    from tthc_cli.data.files import read_data_folder

    files, labels = read_data_folder(str(plan_dir))
    loaded = assemble(files, labels)
    assert loaded.plan is not None
    return loaded.plan


def test_a_reminder_names_items_as_the_document_does_with_dates_and_what_to_send(
    plan_dir: Path, tthc: Any
) -> None:
    out = plan_dir / "out"
    assert tthc("remind", "-o", str(out), "--today", DAY, "--data", str(plan_dir), "--forms").code == 0
    health = next(m for name, m in written(out).items() if name.endswith("-so-y-te.eml"))
    assert health["Subject"] == (
        "Nhắc việc: Sở Y tế – 2 việc quá hạn, 0 việc đến hạn trong 14 ngày tới (Kế hoạch 2021 – Hải Dương)"
    )
    assert health["To"].addresses[0].display_name == "Sở Y tế"
    assert health["To"].addresses[0].addr_spec == "vanthu.syt@haiduong.gov.vn"
    raw = (out / next(n for n in written(out) if n.endswith("-so-y-te.eml"))).read_bytes()
    assert raw.isascii() and b"=?utf-8?" in raw  # the headers as encoded words, the body quoted-printable
    body = text_of(health)
    assert body.startswith("Kính gửi: Sở Y tế\n")
    first, second = body.index("1. PL I – 6 (Sở Y tế)"), body.index("2. Mục 8 – Sở Y tế")
    assert first < second  # 82 days late before 5
    assert "Hạn: 30/06/2021 — quá hạn 82 ngày" in body
    assert (
        "Cần gửi: Báo cáo sáng kiến, phương án, giải pháp cải cách thủ tục hành chính trình UBND tỉnh."
        in body
    )
    assert "Cách báo cáo: trả lời thư này" in body and "biểu mẫu Excel" in body
    board = next(
        m for name, m in written(out).items() if name.endswith("-ban-quan-ly-cac-khu-cong-nghiep-tinh.eml")
    )
    assert "Hạn: 31/07/2021 (hạn thực tế 02/08/2021) — quá hạn 49 ngày" in text_of(board)
    industry = next(m for name, m in written(out).items() if name.endswith("-so-cong-thuong.eml"))
    assert "PL I – 1" not in text_of(industry)  # done on 28/05/2021 in the log: not reminded


def test_upcoming_work_is_listed_soonest_first_with_days_left(plan_dir: Path, tthc: Any) -> None:
    out = plan_dir / "out"
    result = tthc(
        "remind",
        "--unit",
        "so y te",
        "--within",
        "7",
        "-o",
        str(out),
        "--today",
        "2021-09-10",
        "--data",
        str(plan_dir),
    )
    assert result.code == 0, result.stderr
    (only,) = written(out).values()
    body = text_of(only)
    assert "VIỆC ĐẾN HẠN TRONG 7 NGÀY TỚI (1)" in body
    assert (
        "1. Mục 8 – Sở Y tế: Nghiên cứu, đề xuất sáng kiến" in body and "Hạn: 15/09/2021 — còn 5 ngày" in body
    )
    assert only["Subject"].startswith("Nhắc việc: Sở Y tế – 1 việc quá hạn, 1 việc đến hạn trong 7 ngày tới")


def test_a_unit_with_nothing_to_say_gets_nothing(plan_dir: Path, tthc: Any) -> None:
    out = plan_dir / "out"
    args = ("remind", "--unit", "Trung tâm Phục vụ hành chính công", "-o", str(out), "--today", DAY)
    result = tthc(*args, "--data", str(plan_dir))
    assert result.code == 0 and not out.exists()
    assert "không có việc quá hạn hoặc đến hạn trong 14 ngày tới; không có thư" in result.stderr
    group = tthc(
        "remind", "--unit", "UBND cấp huyện", "-o", str(out), "--today", DAY, "--data", str(plan_dir)
    )
    assert group.code == 1 and "là một nhóm" in group.stderr


def test_a_long_list_is_cut_to_a_few_lines_and_counted(plan: Any) -> None:
    today = date(2021, 12, 31)
    sts = statuses(plan, today)
    office = build_reminders(plan, sts, today, 14, unit="Văn phòng UBND tỉnh")
    (reminder,) = office
    assert len(reminder.overdue) <= MAX_LINES
    assert reminder.overdue_count == figures_of(plan, "Văn phòng UBND tỉnh", sts, today).overdue
    assert reminder.overdue_more == reminder.overdue_count - len(reminder.overdue)


def test_where_the_reminders_go_must_be_said(run: Any, tmp_path: Path) -> None:
    nowhere = run("remind", "--today", DAY)
    assert nowhere.code == 2 and "-o" in nowhere.stderr and "--send" in nowhere.stderr
    (tmp_path / "old.eml").write_text("x", encoding="utf-8")
    full = run("remind", "-o", str(tmp_path), "--today", DAY)
    assert full.code == 2 and sorted(p.name for p in tmp_path.iterdir()) == ["old.eml"]


# --- delivery through a local SMTP server ---------------------------------------------------------------


@dataclass
class Mailbox:
    """A local SMTP server's handler: keeps what arrives, refuses REFUSED, records the logins."""

    envelopes: list[Any] = field(default_factory=list)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address == REFUSED:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> AuthResult:
        assert isinstance(auth, LoginPassword)
        self.logins.append((auth.login, auth.password))
        return AuthResult(success=auth.password == b"mat-khau-thu")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """aiosmtpd on 127.0.0.1 (a free port), accepting a login without TLS (loopback only)."""
    box = Mailbox()
    port = free_port()
    controller = Controller(
        box, hostname="127.0.0.1", port=port, authenticator=box.authenticate, auth_require_tls=False
    )
    controller.start()  # returns once the server answers
    try:
        yield box, port
    finally:
        controller.stop()


def smtp_env(port: int, **more: str | None) -> dict[str, str | None]:
    env: dict[str, str | None] = {
        "TTHC_SMTP_HOST": "127.0.0.1",
        "TTHC_SMTP_PORT": str(port),
        "TTHC_SMTP_STARTTLS": "no",
        "TTHC_SMTP_FROM": "Văn phòng UBND tỉnh <kstthc@haiduong.gov.vn>",
        "TTHC_SMTP_USER": None,
        "TTHC_SMTP_PASSWORD": None,
    }
    env.update(more)
    return env


def test_sent_messages_arrive_one_per_unit_and_a_refusal_loses_none_of_the_others(
    plan_dir: Path, tthc: Any, smtp_server: tuple[Mailbox, int]
) -> None:
    box, port = smtp_server
    out = plan_dir / "da-gui"
    args = ("remind", "--send", "-o", str(out), "--today", DAY, "--data", str(plan_dir))
    result = tthc(*args, env=smtp_env(port))
    assert result.code == 1, result.stderr  # one failed
    arrived = [BytesParser(policy=policy.default).parsebytes(e.original_content) for e in box.envelopes]
    assert sorted(e.rcpt_tos[0] for e in box.envelopes) == [
        "vanthu.snv@haiduong.gov.vn",
        "vanthu.syt@haiduong.gov.vn",
    ]
    subjects = sorted(m["Subject"] for m in arrived)
    assert subjects[0].startswith("Nhắc việc: Sở Nội vụ – 2 việc quá hạn")
    assert subjects[1].startswith("Nhắc việc: Sở Y tế – 2 việc quá hạn")
    assert all(str(m["From"]) == "Văn phòng UBND tỉnh <kstthc@haiduong.gov.vn>" for m in arrived)
    assert all("X-Unsent" not in m for m in arrived)
    assert "ttpvhcc@haiduong.gov.vn" not in {e.rcpt_tos[0] for e in box.envelopes}  # nothing to say
    assert "Đã gửi 2, bỏ qua 26, lỗi 1" in result.stderr
    assert "lỗi Sở Tư pháp: 550 5.1.1 mailbox unavailable" in result.stderr
    assert "bỏ qua UBND huyện Gia Lộc: chưa có địa chỉ e-mail trong units.yaml" in result.stderr
    assert len(list(out.iterdir())) == 29  # every reminder written, addressed or not


def test_the_password_comes_from_the_environment_only(
    plan_dir: Path, tthc: Any, smtp_server: tuple[Mailbox, int]
) -> None:
    box, port = smtp_server
    base = ("remind", "--send", "--unit", "Sở Y tế", "--today", DAY, "--data", str(plan_dir))
    without = tthc(*base, env=smtp_env(port, TTHC_SMTP_USER="vanphong"))
    assert without.code == 2 and "TTHC_SMTP_PASSWORD" in without.stderr and not box.logins
    ok = tthc(*base, env=smtp_env(port, TTHC_SMTP_USER="vanphong", TTHC_SMTP_PASSWORD="mat-khau-thu"))
    assert ok.code == 0, ok.stderr
    assert box.logins == [(b"vanphong", b"mat-khau-thu")] and len(box.envelopes) == 1
    (plan_dir / "smtp.yaml").write_text(
        "host: 127.0.0.1\nport: 25\nstarttls: false\nuser: vanphong\npassword: mat-khau-thu\n",
        encoding="utf-8",
    )
    in_file = tthc(*base, env=smtp_env(port, TTHC_SMTP_PASSWORD="mat-khau-thu"))
    assert in_file.code == 2
    assert "smtp.yaml:5:1: mật khẩu SMTP không bao giờ được đọc từ tệp" in in_file.stderr
    assert len(box.envelopes) == 1  # nothing more was sent


def test_smtp_yaml_in_the_plan_folder_is_read_and_the_environment_wins(
    plan_dir: Path, tthc: Any, smtp_server: tuple[Mailbox, int]
) -> None:
    box, port = smtp_server
    (plan_dir / "smtp.yaml").write_text(
        f"host: 127.0.0.1\nport: {port}\nstarttls: false\nfrom: Sai <sai@example.org>\n", encoding="utf-8"
    )
    env = {k: None for k in smtp_env(port)} | {"TTHC_SMTP_FROM": "kstthc@haiduong.gov.vn"}
    result = tthc("remind", "--send", "--unit", "Sở Nội vụ", "--today", DAY, "--data", str(plan_dir), env=env)
    assert result.code == 0, result.stderr
    (envelope,) = box.envelopes
    assert envelope.mail_from == "kstthc@haiduong.gov.vn"
    (plan_dir / "smtp.yaml").write_text("host: 127.0.0.1\nport: cổng\nstarttls: có\n", encoding="utf-8")
    broken = tthc("remind", "--send", "--unit", "Sở Nội vụ", "--today", DAY, "--data", str(plan_dir), env=env)
    assert broken.code == 2
    assert "smtp.yaml:2:7: error[" in broken.stderr and "smtp.yaml:3:11: error[" in broken.stderr


def test_a_server_without_starttls_is_said_so_in_the_readers_words(
    plan_dir: Path, tthc: Any, smtp_server: tuple[Mailbox, int]
) -> None:
    box, port = smtp_server
    args = ("remind", "--send", "--unit", "Sở Y tế", "--today", DAY, "--data", str(plan_dir))
    result = tthc(*args, env=smtp_env(port, TTHC_SMTP_STARTTLS="yes"))
    assert result.code == 1 and not box.envelopes
    assert (
        "máy chủ không hỗ trợ STARTTLS; hãy kiểm tra starttls và user trong tệp cài đặt SMTP" in result.stderr
    )
    assert "extension not supported" not in result.stderr


def test_an_unreachable_server_fails_every_message_with_its_reason(plan_dir: Path, tthc: Any) -> None:
    port = free_port()  # nothing listens there
    result = tthc("remind", "--send", "--today", DAY, "--data", str(plan_dir), env=smtp_env(port))
    assert result.code == 1
    assert "Đã gửi 0, bỏ qua 26, lỗi 3" in result.stderr


@pytest.fixture
def trickling_server() -> Iterator[int]:
    """A server on 127.0.0.1 that greets one byte at a time, each well within the socket's timeout:
    the exchange never ends, no single read ever times out."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    port: int = listener.getsockname()[1]

    def serve() -> None:
        peers = []
        while not stop.is_set():
            try:
                peer, _addr = listener.accept()
                peers.append(peer)
            except TimeoutError:
                pass
            for peer in peers:
                with contextlib.suppress(OSError):
                    peer.send(b"2")  # "220 …" that never comes to its end of line
        for peer in peers:
            peer.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def test_a_server_that_trickles_fails_every_message_once_its_budget_is_spent(
    plan_dir: Path, tthc: Any, trickling_server: int
) -> None:
    """One byte every tenth of a second never trips the socket's 30 s timeout; the message's budget
    (TTHC_SMTP_TIMEOUT) cuts the exchange, and the messages left fail at once rather than each
    waiting as long."""
    env = smtp_env(trickling_server, TTHC_SMTP_TIMEOUT="1")
    started = time.monotonic()
    result = tthc("remind", "--send", "--today", DAY, "--data", str(plan_dir), env=env)
    took = time.monotonic() - started
    assert result.code == 1, result.stderr
    assert "Đã gửi 0, bỏ qua 26, lỗi 3" in result.stderr
    assert result.stderr.count("máy chủ thư không xong trong 1 giây") == 3
    assert took < 20  # one budget spent, not one per message (nor forever)


def test_the_smtp_budget_is_a_number_of_seconds(plan_dir: Path, tthc: Any) -> None:
    result = tthc("remind", "--send", "--data", str(plan_dir), env=smtp_env(25, TTHC_SMTP_TIMEOUT="mười"))
    assert result.code == 2 and "TTHC_SMTP_TIMEOUT='mười'" not in result.stderr
    assert "TTHC_SMTP_TIMEOUT=mười: hãy cho số giây từ 1 đến 3600" in result.stderr


def test_an_offices_own_template_words_the_reminder(plan_dir: Path, tthc: Any) -> None:
    own = plan_dir / "mau"
    own.mkdir()
    (own / "remind.txt.j2").write_text(
        "[KSTTHC] {{ r.unit }}: {{ r.overdue_count }} việc quá hạn\n\n"
        "{% for line in r.overdue %}{{ line.label }} – {{ line.days_late }} ngày\n{% endfor %}",
        encoding="utf-8",
    )
    out = plan_dir / "out"
    args = ("remind", "--unit", "Sở Y tế", "--templates", str(own), "-o", str(out), "--today", DAY)
    assert tthc(*args, "--data", str(plan_dir)).code == 0
    (message,) = written(out).values()
    assert message["Subject"] == "[KSTTHC] Sở Y tế: 2 việc quá hạn"
    assert text_of(message) == "PL I – 6 (Sở Y tế) – 82 ngày\nMục 8 – Sở Y tế – 5 ngày\n"
    (own / "remind.txt.j2").write_text("{{ r.unit }\n", encoding="utf-8")
    again = (
        "remind",
        "--unit",
        "Sở Y tế",
        "--templates",
        str(own),
        "-o",
        str(plan_dir / "out2"),
        "--today",
        DAY,
    )
    broken = tthc(*again, "--data", str(plan_dir))
    assert broken.code == 2 and "remind.txt.j2:1" in broken.stderr and not (plan_dir / "out2").exists()


def test_the_command_line_loads_no_mail_or_database_machinery_until_asked() -> None:
    """smtplib, ssl, the e-mail package and sqlite3 are imported by remind and the SQLite export only
    (README "Speed"): declaring the commands loads none of them."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom tthc_cli.cli import app\n"
        "heavy = ('smtplib', 'ssl', 'email.message', 'sqlite3', 'pydantic')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert loaded.stdout.strip() == ""
