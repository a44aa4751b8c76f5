"""The work of `tthc remind` (cli/commands/remind.py declares the command): the reminders built, rendered
and written as .eml files into a new folder, and sent through SMTP over one connection with a summary
of what was sent, skipped and failed. The SMTP settings come from smtp.yaml (in the plan folder, or
--smtp FILE) and the environment (TTHC_SMTP_*, which wins); the password from the environment only
(TTHC_SMTP_PASSWORD)."""

from __future__ import annotations

import contextlib
import os
import re
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr

from tthc_cli.cli.boundary import EXIT_DATA, EXIT_OK, fail
from tthc_cli.cli.commands import data_dir, env_number, load, query_day, real_now, resolve_unit, statuses_on
from tthc_cli.cli.commands.documents import render
from tthc_cli.cli.options import DEFAULT_WARN_DAYS
from tthc_cli.data.mail_settings import SmtpFile, read_smtp_file
from tthc_cli.data.models import EMAIL_PATTERN
from tthc_cli.domain.plan import Plan
from tthc_cli.domain.plan_files import SMTP_FILE
from tthc_cli.fsutil import FileKindError, create_folder_with, read_regular
from tthc_cli.i18n import _, os_reason
from tthc_cli.present.console import note
from tthc_cli.present.messages import not_regular, quote_text
from tthc_cli.present.reminders import Reminder, build_reminders, email_message, file_names, reminder_text
from tthc_cli.present.reporters import format_text
from tthc_cli.textnorm import whole_number

ENV = "TTHC_SMTP_"
PASSWORD_ENV = "TTHC_SMTP_PASSWORD"
MAX_SETTINGS_BYTES = 64 * 1024
TIMEOUT_S = 30.0  # one read or write on the socket
# One message's whole exchange (connecting and logging in when needed, then sending): a server that
# trickles a byte at a time never trips the socket's timeout, so the exchange as a whole is bounded.
MESSAGE_BUDGET_S = 60.0
BUDGET_ENV = "TTHC_SMTP_TIMEOUT"
LOOPBACK = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class Smtp:
    """Where and how to send: the file's settings with the environment's on top."""

    host: str | None = None
    port: int | None = None
    starttls: bool = True
    user: str | None = None
    sender: str | None = None
    reply_to: str | None = None


def remind(
    unit: str | None,
    within: int,
    output: str | None,
    send: bool,
    smtp_file: str | None,
    forms: bool,
    templates: str | None,
    today: date | None,
    data: str | None,
) -> int:
    """The reminders of every unit (or of `unit`) on --today: written into `output`, sent with `send`."""
    folder = data_dir(data)
    settings = smtp_settings(smtp_file, folder)
    password = check_sending(settings) if send else None
    now = query_day(today)
    plan = load(folder)
    target = resolve_unit(plan, unit) if unit else None
    if target is not None and target not in plan.registry.units:
        fail(
            _("'{name}' is a group; reminders go to units: name one of its members").format(name=target),
            EXIT_DATA,
        )
    statuses = statuses_on(plan, now, DEFAULT_WARN_DAYS)
    reminders = build_reminders(plan, statuses, now, within, target)
    if not reminders:
        who = target or _("no unit")
        note(_("{who}: nothing overdue or due within {days} days; no message").format(who=who, days=within))
        return EXIT_OK
    written = real_now()
    sender_name = _display_name(settings.sender)
    texts = [render(_text(r, plan, sender_name, forms, templates)) for r in reminders]
    messages = [
        email_message(
            r,
            plan,
            *text.split("\n", 1),
            sender=settings.sender,
            reply_to=settings.reply_to,
            written=written,
            draft=not send,
        )
        for r, text in zip(reminders, texts, strict=True)
    ]
    if output is not None:
        write_folder(output, reminders, messages)
    if not send:
        return EXIT_OK
    return deliver(settings, password, reminders, messages, _budget())


def _budget() -> float:
    """Seconds one message's exchange may take: TTHC_SMTP_TIMEOUT, else MESSAGE_BUDGET_S."""
    seconds = env_number(BUDGET_ENV, 3600, _("{env}={value}: give a number of seconds from 1 to 3600"))
    return MESSAGE_BUDGET_S if seconds is None else float(seconds)


def _text(
    reminder: Reminder, plan: Plan, sender: str | None, forms: bool, templates: str | None
) -> Callable[[], str]:
    """The reminder's subject and body, one line apart, rendered when called (documents.render turns a
    broken template into a message)."""
    return lambda: "\n".join(reminder_text(reminder, plan, sender=sender, forms=forms, templates=templates))


def _display_name(sender: str | None) -> str | None:
    if not sender:
        return None
    name, address = parseaddr(sender)
    return name or address


def write_folder(output: str, reminders: Sequence[Reminder], messages: Sequence[EmailMessage]) -> None:
    """Every message into a new folder, completely or not at all."""
    files = {name: m.as_bytes() for name, m in zip(file_names(reminders), messages, strict=True)}
    try:
        create_folder_with(output, files)
    except OSError as exc:
        fail(_("cannot write {path}: {reason}").format(path=output, reason=os_reason(exc)))
    note(_("wrote {count} messages into {folder}").format(count=len(files), folder=output))


# --- the settings -----------------------------------------------------------------------------------------


def smtp_settings(path: str | None, folder: str) -> Smtp:
    """smtp.yaml (the one named, else the plan folder's if there), then TTHC_SMTP_* on top."""
    found = SmtpFile()
    if path is None:
        candidate = os.path.join(folder, SMTP_FILE)
        path = candidate if os.path.lexists(candidate) else None
    if path is not None:
        found = _read_file(path)
    smtp = Smtp(
        found.host,
        found.port,
        True if found.starttls is None else found.starttls,
        found.user,
        found.from_,
        found.reply_to,
    )
    return _from_environment(smtp)


def _read_file(path: str) -> SmtpFile:
    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES)
    except FileKindError as exc:
        fail(_("--smtp {problem}").format(problem=not_regular(exc.path, exc.kind)))
    except OSError as exc:
        fail(_("cannot read {path}: {reason}").format(path=path, reason=os_reason(exc)))
    read = read_smtp_file(path, raw)
    for problem in read.problems:
        note(format_text(problem))
    if read.password_at is not None:
        line, column = read.password_at
        note(
            f"{path}:{line}:{column}: "
            + _("the SMTP password is never read from a file: remove it and set {env}").format(
                env=PASSWORD_ENV
            )
        )
    if read.settings is None or read.password_at is not None:
        fail(_("{path}: fix the SMTP settings first").format(path=path))
    return read.settings


def _from_environment(smtp: Smtp) -> Smtp:
    env = {
        key: os.environ.get(ENV + key.upper(), "").strip()
        for key in ("host", "port", "starttls", "user", "from", "reply_to")
    }
    port = smtp.port
    if env["port"]:
        given = whole_number(env["port"], 65535)
        if not given:
            fail(
                _("{env}={value}: give a port from 1 to 65535").format(
                    env=ENV + "PORT", value=quote_text(env["port"])
                )
            )
        port = given
    starttls = smtp.starttls
    if env["starttls"]:
        words = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
        if env["starttls"].lower() not in words:
            fail(_("{env}={value}: write yes or no").format(env=ENV + "STARTTLS", value=env["starttls"]))
        starttls = words[env["starttls"].lower()]
    return replace(
        smtp,
        host=env["host"] or smtp.host,
        port=port,
        starttls=starttls,
        user=env["user"] or smtp.user,
        sender=env["from"] or smtp.sender,
        reply_to=env["reply_to"] or smtp.reply_to,
    )


def check_sending(smtp: Smtp) -> str | None:
    """Refuse what cannot work before anything is read or sent; the password, if one is needed."""
    if not smtp.host:
        fail(_("--send: no SMTP server; set host in smtp.yaml or {env}").format(env=ENV + "HOST"))
    if not smtp.sender:
        fail(_("--send: no sender address; set from in smtp.yaml or {env}").format(env=ENV + "FROM"))
    for what, value in (("from", smtp.sender), ("reply_to", smtp.reply_to)):
        if value and not _an_address(parseaddr(value)[1]):
            fail(_("{key}: '{value}' is not an e-mail address").format(key=what, value=value))
    password = os.environ.get(PASSWORD_ENV)
    if smtp.user and not password:
        fail(_("--send: {user} logs in with a password; set {env}").format(user=smtp.user, env=PASSWORD_ENV))
    encrypted = smtp.starttls or smtp.port == 465
    if smtp.user and not encrypted and smtp.host not in LOOPBACK:
        fail(_("--send: a password is never sent unencrypted; set starttls: true (or port 465)"))
    return password


def _an_address(text: str) -> bool:
    return re.fullmatch(EMAIL_PATTERN, text) is not None


# --- sending ----------------------------------------------------------------------------------------------


class _Watchdog:
    """Cuts the connection in hand when an exchange with the server outlasts its budget: the socket's
    own timeout applies to each read, and a server that trickles a byte every few seconds never trips
    it. Shutting the socket down makes the read waiting on it fail at once."""

    def __init__(self) -> None:
        self.conn: smtplib.SMTP | None = None
        self.fired = False
        self._timer: threading.Timer | None = None

    def start(self, seconds: float) -> None:
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _cut(self) -> None:
        self.fired = True
        sock = getattr(self.conn, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _connect(smtp: Smtp, password: str | None, watchdog: _Watchdog) -> smtplib.SMTP:
    host = smtp.host or ""
    # Made unconnected, so the watchdog holds it before the server says a word.
    if smtp.port == 465 and not smtp.starttls:
        conn: smtplib.SMTP = smtplib.SMTP_SSL(timeout=TIMEOUT_S, context=ssl.create_default_context())
        port = 465
    else:
        conn = smtplib.SMTP(timeout=TIMEOUT_S)
        port = smtp.port or (587 if smtp.starttls else 25)
    watchdog.conn = conn
    try:
        conn.connect(host, port)
        if smtp.starttls and not isinstance(conn, smtplib.SMTP_SSL):
            conn.starttls(context=ssl.create_default_context())
        if smtp.user:
            conn.login(smtp.user, password or "")
    except BaseException:
        conn.close()
        raise
    return conn


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (0, b""))
        return f"{code} {text.decode('utf-8', 'replace')}".strip()
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        return f"{exc.smtp_code} {error.decode('utf-8', 'replace') if isinstance(error, bytes) else error}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):  # smtplib's own English: worded here
        what = "STARTTLS" if "STARTTLS" in str(exc) else "AUTH"
        return _("the server does not offer {what}; check starttls and user in the SMTP settings").format(
            what=what
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("the server closed the connection")
    if isinstance(exc, OSError):
        return os_reason(exc)
    return str(exc) or type(exc).__name__


class _Session:
    """One connection to the server for the run, under a watchdog: opened on the first message, and
    once more afresh when the server drops it between messages."""

    def __init__(self, smtp: Smtp, password: str | None) -> None:
        self.smtp, self.password = smtp, password
        self.watchdog = _Watchdog()
        self.conn: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        if self.conn is None:
            self.conn = _connect(self.smtp, self.password, self.watchdog)
        try:
            self.conn.send_message(message)
        except smtplib.SMTPServerDisconnected:
            if self.watchdog.fired:
                raise
            self.conn = None
            self.conn = _connect(self.smtp, self.password, self.watchdog)  # dropped: once more, afresh
            self.conn.send_message(message)

    def close(self, budget: float) -> None:
        if self.conn is not None:
            self.watchdog.start(budget)
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.conn.quit()
            self.watchdog.stop()


def deliver(
    smtp: Smtp,
    password: str | None,
    reminders: Sequence[Reminder],
    messages: Sequence[EmailMessage],
    budget: float = MESSAGE_BUDGET_S,
) -> int:
    """Send each message with an address over one connection (opened again once if the server drops
    it); a message refused is reported and the others still go; a server that cannot be reached, or
    that does not finish one message's exchange within `budget` seconds, fails them all with its
    reason. Exit 1 if any failed."""
    pending = [(r, m) for r, m in zip(reminders, messages, strict=True) if r.email]
    skipped = [r.unit for r in reminders if not r.email]
    sent: list[str] = []
    failed: list[tuple[str, str]] = []
    session = _Session(smtp, password)
    slow = _("the server did not finish within {seconds} seconds").format(seconds=f"{budget:g}")
    for n, (reminder, message) in enumerate(pending):
        session.watchdog.start(budget)
        try:
            session.send(message)
        except (OSError, smtplib.SMTPException) as exc:
            refused = session.conn is not None and not isinstance(exc, smtplib.SMTPServerDisconnected)
            if refused and not session.watchdog.fired:
                failed.append((reminder.unit, _reason(exc)))  # this message refused; the rest still go
                if not isinstance(exc, smtplib.SMTPException):
                    session.conn = None  # the network: the next message tries a new connection
                continue
            # Unreachable, the login refused, or too slow: the same for every message left.
            reason = slow if session.watchdog.fired else _reason(exc)
            failed.extend((r.unit, reason) for r, _m in pending[n:])
            session.conn = None
            break
        else:
            sent.append(reminder.unit)
        finally:
            session.watchdog.stop()
    session.close(budget)
    note(
        _("sent {sent}, skipped {skipped}, failed {failed}").format(
            sent=len(sent), skipped=len(skipped), failed=len(failed)
        )
    )
    for unit in skipped:
        note("  " + _("skipped {unit}: no e-mail address in units.yaml").format(unit=unit))
    for unit, reason in failed:
        note("  " + _("failed {unit}: {reason}").format(unit=unit, reason=reason))
    return EXIT_DATA if failed else EXIT_OK
