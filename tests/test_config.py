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
