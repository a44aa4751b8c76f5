"""The SMTP settings file of `tthc remind --send` (smtp.yaml in the plan folder, or a path given):
read with the one YAML reader and checked against its model, every problem at its line. The password
is never in it: the command line takes it from the environment only, and a `password` key is
reported where it stands."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field, StrictBool

from tthc_cli.data.loader import parse_document
from tthc_cli.data.models import Text, _Model
from tthc_cli.data.schema_check import validate_model
from tthc_cli.domain.problems import Problem

PASSWORD_KEY = "password"


class SmtpFile(_Model):
    """What smtp.yaml may say; the environment (TTHC_SMTP_*) overrides each key."""

    host: Text | None = Field(None, description="The SMTP server, e.g. mail.haiduong.gov.vn.")
    port: int | None = Field(None, ge=1, le=65535, description="Its port: 587 with STARTTLS, 25 without.")
    starttls: StrictBool | None = Field(None, description="true to encrypt the connection with STARTTLS.")
    user: Text | None = Field(
        None, description="The account to log in with (the password: TTHC_SMTP_PASSWORD)."
    )
    from_: Text | None = Field(
        None, alias="from", description="The sender: 'Văn phòng UBND tỉnh <kstthc@haiduong.gov.vn>'."
    )
    reply_to: Text | None = Field(None, description="Where replies go, when not to the sender.")


@dataclass(frozen=True, slots=True)
class SmtpRead:
    """The file's settings (None when it has problems), its problems, and where a password was
    written in it (line, column), to be refused."""

    settings: SmtpFile | None
    problems: tuple[Problem, ...] = ()
    password_at: tuple[int, int] | None = None


def read_smtp_file(label: str, raw: bytes) -> SmtpRead:
    """Read smtp.yaml's bytes; `label` is the path shown in problems."""
    doc = parse_document(label, raw)
    if doc.data is None and not doc.diagnostics:
        return SmtpRead(SmtpFile())  # an empty file says nothing
    password_at = None
    if isinstance(doc.data, dict) and PASSWORD_KEY in doc.data:
        password_at = doc.locate((PASSWORD_KEY,), key=True)
        doc.data = {k: v for k, v in doc.data.items() if k != PASSWORD_KEY}
    settings = validate_model(doc, SmtpFile) if doc.ok else None
    problems = tuple(doc.diagnostics)
    return SmtpRead(settings if not problems else None, problems, password_at)
