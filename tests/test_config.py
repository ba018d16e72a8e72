import os

import pytest

from voicecapture.config import ConfigError, load_settings


def test_embedded_default_generates_and_keeps_a_secret_key(tmp_path):
    env = {"VOICECAPTURE_INSTANCE": str(tmp_path)}
    first = load_settings(env=env)
    assert len(first.secret_key) == 64
    assert load_settings(env=env).secret_key == first.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert first.database_url == f"sqlite:///{tmp_path / 'voicecapture.db'}"


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        load_settings(env={"VOICECAPTURE_ENV": "production", "VOICECAPTURE_INSTANCE": str(tmp_path)})
    assert not (tmp_path / "secret_key").exists()


def test_settings_from_the_environment(tmp_path):
    settings = load_settings(env={"SECRET_KEY": "s", "DATABASE_URL": "postgresql://x/y", "LANGUAGES": "en, ur",
                                  "QUICK_EXIT_URL": "https://example.org/"})
    assert settings.database_url == "postgresql://x/y"
    assert settings.languages == ("en", "ur") and settings.default_language == "en"
    assert settings.quick_exit_url == "https://example.org/"
    assert settings.flask_config()["SESSION_PERMANENT"] is False


def test_contact_key_is_generated_in_development_and_required_in_production(tmp_path):
    env = {"VOICECAPTURE_INSTANCE": str(tmp_path), "SECRET_KEY": "s"}
    first = load_settings(env=env)
    assert load_settings(env=env).contact_keys == first.contact_keys
    assert (tmp_path / "contact_key").stat().st_mode & 0o777 == 0o600
    with pytest.raises(ConfigError, match="CONTACT_KEY is not set"):
        load_settings(env={**env, "VOICECAPTURE_ENV": "production"})


def test_mail_and_working_hours_settings_are_checked(tmp_path):
    env = {"VOICECAPTURE_INSTANCE": str(tmp_path), "SECRET_KEY": "s"}
    settings = load_settings(env={**env, "SMTP_HOST": "mail.example.org", "SMTP_PORT": "2525", "SMTP_TLS": "SSL",
                                  "WORKING_DAY": "08-18", "CONTACT_KEY": "a, b"})
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_tls) == ("mail.example.org", 2525, "ssl")
    assert settings.working_day == (8, 18) and settings.contact_keys == ("a", "b")
    assert settings.mail_dir == tmp_path / "mail"
    for name, value, message in (("SMTP_PORT", "smtp", "SMTP_PORT must be a whole number"),
                                 ("SMTP_TLS", "maybe", "SMTP_TLS must be one of starttls, ssl, none"),
                                 ("WORKING_DAY", "9 to 5", "WORKING_DAY must look like 09-17"),
                                 ("WORKING_DAY", "17-09", "the start must come before the end")):
        with pytest.raises(ConfigError, match=message):
            load_settings(env={**env, name: value})


def test_numerical_libraries_use_one_thread_per_process():
    """Processes use the cores; BLAS threads inside each only fight them (bench/README.md)."""
    import subprocess
    import sys
    env = {key: value for key, value in os.environ.items() if not key.endswith("_NUM_THREADS")}
    code = ("import voicecapture, numpy, scipy.sparse, threadpoolctl; "
            "print(max(info['num_threads'] for info in threadpoolctl.threadpool_info()))")
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "1"


def test_a_bad_public_rate_limit_is_refused_with_an_example(tmp_path):
    with pytest.raises(ConfigError, match="PUBLIC_RATE_LIMIT must be a rate such as '300 per minute'"):
        load_settings(env={"VOICECAPTURE_INSTANCE": str(tmp_path), "PUBLIC_RATE_LIMIT": "lots"})
