"""Settings, read once from the environment. The only module that reads os.environ."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE_DIR = PROJECT_ROOT / "instance"
DEFAULT_LANGUAGES = "en,en-easy,ur,gu,pa,pl,ro,ar,so,bn,pt"


class ConfigError(RuntimeError):
    """Settings that the app must not start with."""


def _instance_secret(instance_dir: Path, name: str, make) -> str:
    """The embedded default keeps generated keys in the instance folder so they survive restarts."""
    path = instance_dir / name
    if path.exists():
        return path.read_text().strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True)
class Settings:
    environment: str
    secret_key: str
    database_url: str
    instance_dir: Path
    surveys_dir: Path
    translations_dir: Path
    languages: tuple[str, ...]
    default_language: str
    base_url: str
    quick_exit_url: str
    draft_days: int
    ratelimit_storage_uri: str
    public_rate_limit: str
    proxy_count: int
    broker_url: str
    report_stale_seconds: int
    sweep_seconds: int
    model_cache_dir: Path
    # Contact details and disclosures are encrypted with these Fernet keys (the first encrypts; the others
    # still decrypt, so a key can be rotated).
    contact_keys: tuple[str, ...]
    contact_retention_days: int
    # How long each kind of personal data is kept before the daily retention run removes it (voicecapture.retention).
    free_text_retention_days: int
    alert_evidence_retention_days: int
    audit_retention_days: int
    # Alert emails: through SMTP when smtp_host is set, otherwise written as .eml files to mail_dir.
    smtp_host: str
    smtp_port: int
    smtp_username: str
    smtp_password: str
    smtp_tls: str  # "starttls", "ssl" or "none"
    mail_from: str
    mail_dir: Path
    # When a lead is expected to acknowledge an alert: these hours, Monday to Friday, not bank holidays.
    working_day: tuple[int, int]
    working_timezone: str
    extra: dict = field(default_factory=dict)

    @property
    def production(self) -> bool:
        return self.environment == "production"

    def flask_config(self) -> dict:
        return {
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.production,
            # Respondent pages must leave nothing behind: the session cookie ends with the browser.
            "SESSION_PERMANENT": False,
            "WTF_CSRF_TIME_LIMIT": None,
            # Every validation message is our own, already translated; WTForms' catalogues are never needed
            # (and Flask-WTF would re-read one on every form).
            "WTF_I18N_ENABLED": False,
            "MAX_CONTENT_LENGTH": 64 * 1024,
            "COMPRESS_MIN_SIZE": 500,
            "RATELIMIT_STORAGE_URI": self.ratelimit_storage_uri,
            # No X-RateLimit-* headers: reading a limit's window for them is a second storage round trip on every
            # request, and browsers ignore them (the 429 page tells a person to wait a minute).
            "RATELIMIT_HEADERS_ENABLED": False,
            # Redis down must never stop a person answering: limits then count in this process's memory.
            "RATELIMIT_SWALLOW_ERRORS": True,
            "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
            "COMPRESS_ALGORITHM": ["gzip"],
            "SETTINGS": self,
            **self.extra,
        }


def load_settings(env: dict | None = None, **overrides) -> Settings:
    """Build settings from `env` (default os.environ); keyword overrides win (used by tests)."""
    env = dict(os.environ if env is None else env)
    environment = env.get("VOICECAPTURE_ENV", "development")
    instance_dir = Path(env.get("VOICECAPTURE_INSTANCE", DEFAULT_INSTANCE_DIR))

    secret_key = env.get("SECRET_KEY", "")
    if not secret_key:
        if environment == "production":
            raise ConfigError(
                "SECRET_KEY is not set. In production, set SECRET_KEY to a long random value "
                "(for example: python -c 'import secrets; print(secrets.token_hex(32))')."
            )
        secret_key = _instance_secret(instance_dir, "secret_key", lambda: secrets.token_hex(32))
    contact_keys = tuple(key.strip() for key in env.get("CONTACT_KEY", "").split(",") if key.strip())
    if not contact_keys:
        if environment == "production":
            raise ConfigError(
                "CONTACT_KEY is not set. In production, set CONTACT_KEY to a Fernet key, kept apart from the "
                "database (python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
            )
        contact_keys = (_instance_secret(instance_dir, "contact_key", _fernet_key),)

    languages = tuple(code.strip() for code in env.get("LANGUAGES", DEFAULT_LANGUAGES).split(",") if code.strip())
    values = dict(
        environment=environment,
        secret_key=secret_key,
        database_url=env.get("DATABASE_URL", f"sqlite:///{instance_dir / 'voicecapture.db'}"),
        instance_dir=instance_dir,
        surveys_dir=Path(env.get("SURVEYS_DIR", PROJECT_ROOT / "surveys")),
        translations_dir=Path(env.get("TRANSLATIONS_DIR", PROJECT_ROOT / "translations")),
        languages=languages,
        default_language=languages[0] if languages else "en",
        base_url=env.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/"),
        quick_exit_url=env.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather"),
        draft_days=int(env.get("DRAFT_DAYS", "7")),
        # memory:// counts per process; production points this at Redis so all processes share counts.
        ratelimit_storage_uri=env.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Requests per address to the respondent pages (Flask-Limiter's notation).
        public_rate_limit=_rate_limit(env, "PUBLIC_RATE_LIMIT", "300 per minute"),
        # Proxies in front of the app (a load balancer: 1): the client's address is then taken from
        # X-Forwarded-For, which only they may set, for rate limits.
        proxy_count=_int(env, "PROXY_COUNT", "0"),
        # Celery's broker: Redis when REDIS_URL is set; otherwise kombu's SQLAlchemy transport on a SQLite file,
        # which needs no server and keeps queued messages across restarts.
        broker_url=env.get("REDIS_URL", ""),
        # A report "in progress" for longer than this is taken to have lost its worker, and is queued again.
        report_stale_seconds=int(env.get("REPORT_STALE_SECONDS", "900")),
        # How often the sweep queues whatever a lost message left waiting (reports, unanalysed comments).
        sweep_seconds=_int(env, "SWEEP_SECONDS", "300"),
        # Theme models built from surveys/themes.yaml and corrections, kept so each process need not rebuild them.
        model_cache_dir=Path(env.get("MODEL_CACHE_DIR", "")) if env.get("MODEL_CACHE_DIR") else None,
        contact_keys=contact_keys,
        contact_retention_days=_days(env, "CONTACT_RETENTION_DAYS", "30"),
        # Two years: reports compare a quarter with the same one a year before, from the de-identified comments.
        free_text_retention_days=_days(env, "FREE_TEXT_RETENTION_DAYS", "730"),
        # Counted from the alert being closed: a year for a lead to look back at what was said.
        alert_evidence_retention_days=_days(env, "ALERT_EVIDENCE_RETENTION_DAYS", "365"),
        # Six years, as for other safeguarding records: who read or changed what.
        audit_retention_days=_days(env, "AUDIT_RETENTION_DAYS", "2190"),
        smtp_host=env.get("SMTP_HOST", ""),
        smtp_port=_int(env, "SMTP_PORT", "587"),
        smtp_username=env.get("SMTP_USERNAME", ""),
        smtp_password=env.get("SMTP_PASSWORD", ""),
        smtp_tls=_choice(env, "SMTP_TLS", "starttls", ("starttls", "ssl", "none")),
        mail_from=env.get("MAIL_FROM", "VoiceCapture <alerts@voicecapture.invalid>"),
        mail_dir=Path(env["MAIL_DIR"]) if env.get("MAIL_DIR") else None,
        working_day=_hours(env.get("WORKING_DAY", "09-17")),
        working_timezone=env.get("WORKING_TIMEZONE", "Europe/London"),
    )
    values.update(overrides)
    if values["mail_dir"] is None:
        values["mail_dir"] = Path(values["instance_dir"]) / "mail"
    if values["model_cache_dir"] is None:
        values["model_cache_dir"] = Path(values["instance_dir"]) / "models"
    if not values["broker_url"]:
        values["broker_url"] = f"sqla+sqlite:///{Path(values['instance_dir']) / 'broker.sqlite'}"
    return Settings(**values)


def _fernet_key() -> str:
    from cryptography.fernet import Fernet
    return Fernet.generate_key().decode()


def _rate_limit(env: dict, name: str, default: str) -> str:
    from limits import parse_many
    value = env.get(name, default)
    try:
        parse_many(value)
    except ValueError:
        raise ConfigError(f"{name} must be a rate such as '300 per minute' or '10/second', not {value!r}") from None
    return value


def _int(env: dict, name: str, default: str) -> int:
    try:
        return int(env.get(name, default))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {env.get(name)!r}") from None


def _days(env: dict, name: str, default: str) -> int:
    """A retention period: a whole number of days, at least one (0 would delete everything at the next run)."""
    days = _int(env, name, default)
    if days < 1:
        raise ConfigError(f"{name} is the number of days to keep this data: set it to 1 or more, not {days}")
    return days


def _choice(env: dict, name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env.get(name, default).lower()
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, not {env.get(name)!r}")
    return value


def _hours(value: str) -> tuple[int, int]:
    """WORKING_DAY as "09-17": the hours a working day starts and ends."""
    try:
        start, end = (int(part) for part in value.split("-"))
    except ValueError:
        raise ConfigError(f"WORKING_DAY must look like 09-17 (start and end hour), not {value!r}") from None
    if not 0 <= start < end <= 24:
        raise ConfigError(f"WORKING_DAY {value!r}: the start must come before the end, both between 0 and 24")
    return start, end
