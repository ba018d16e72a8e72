"""Settings, read once from the environment. The only module that reads os.environ."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE_DIR = PROJECT_ROOT / "instance"
DEFAULT_LANGUAGES = "en,en-easy,ur,gu,pl"


class ConfigError(RuntimeError):
    """Settings that the app must not start with."""


def _instance_secret_key(instance_dir: Path) -> str:
    """The embedded default keeps a generated key in the instance folder so sessions survive restarts."""
    path = instance_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
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
    broker_url: str
    report_stale_seconds: int
    model_cache_dir: Path
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
            "RATELIMIT_HEADERS_ENABLED": True,
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
        secret_key = _instance_secret_key(instance_dir)

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
        # Celery's broker: Redis when REDIS_URL is set; otherwise kombu's SQLAlchemy transport on a SQLite file,
        # which needs no server and keeps queued messages across restarts.
        broker_url=env.get("REDIS_URL", ""),
        # A report "in progress" for longer than this is taken to have lost its worker, and is queued again.
        report_stale_seconds=int(env.get("REPORT_STALE_SECONDS", "900")),
        # Theme models built from surveys/themes.yaml and corrections, kept so each process need not rebuild them.
        model_cache_dir=Path(env.get("MODEL_CACHE_DIR", "")) if env.get("MODEL_CACHE_DIR") else None,
    )
    values.update(overrides)
    if values["model_cache_dir"] is None:
        values["model_cache_dir"] = Path(values["instance_dir"]) / "models"
    if not values["broker_url"]:
        values["broker_url"] = f"sqla+sqlite:///{Path(values['instance_dir']) / 'broker.sqlite'}"
    return Settings(**values)
