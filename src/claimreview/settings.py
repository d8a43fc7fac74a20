"""The user settings model (pydantic-settings): CLAIMREVIEW_* variables over the TOML file over defaults.

Imported on first use through ``claimreview.config``: pydantic-settings takes ~0.2 s to import, which
``claimreview --help`` must not pay.
"""

from __future__ import annotations

import getpass
import tomllib
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from pydantic_core import ErrorDetails
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from claimreview.errors import InputError

ENV_PREFIX = "CLAIMREVIEW_"


class Settings(BaseSettings):
    """Every user setting with its default. ``Settings(...)`` in code takes only what it is given."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="forbid")

    reviewer: str | None = None
    # Move to the next unreviewed claim after a verdict key.
    auto_advance: bool = True
    # Hide other reviewers' verdicts on a claim until you have given yours.
    blind_review: bool = False
    # The review app leaves out claims the extractor scored below this (0 shows every claim).
    min_score: float = Field(default=0.0, ge=0.0, le=1.0)
    # The queue's order when the app opens: "article" (text order) or "score" (most check-worthy first).
    queue_order: Literal["article", "score"] = "article"
    # binding id -> keys, e.g. {"claim.confirm": "y"}; see the help screen for ids.
    keymap: dict[str, str] = Field(default_factory=dict)
    # Shared server for `claimreview sync`; the token lives in its own user-only file.
    server: str | None = None
    auto_sync_seconds: int = Field(default=0, ge=0)
    # Who publishes the ClaimReview markup, and where each review will live on the web.
    organization_name: str = "claimreview"
    organization_url: str | None = None
    review_base_url: str | None = None
    # The organisation's rating scale, the [rating_scale] table (see claimreview.publish.rating); checked
    # by the commands that publish, each mistake one line naming the key.
    rating_scale: dict[str, Any] | None = None
    # Name the reviewers on published review pages (and as contributors in the markup).
    show_reviewers: bool = False

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Tests, the bench and the export API build settings from values; only load() reads the
        # environment and the user's file, so a stray variable cannot change what code asked for.
        return (init_settings,)

    def reviewer_name(self) -> str:
        """The configured name, else the login name."""
        if self.reviewer:
            return self.reviewer
        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "reviewer"


# The same fields checked strictly, for the file (BaseSettings' own validation always reads its sources).
_FileValues: type[BaseModel] = create_model(
    "FileValues",
    __config__=ConfigDict(strict=True, extra="forbid"),
    **{name: (field.annotation, field) for name, field in Settings.model_fields.items()},  # type: ignore[call-overload]
)


class ConfigFile(TomlConfigSettingsSource):
    """The TOML file, read strictly: TOML has types, so ``"10"`` is not a number nor ``"yes"`` a boolean.

    Environment variables are text and are parsed by the model (laxly); the file's values are checked
    here against the same fields in strict mode, so each mistake names the file and the setting.
    """

    known: ClassVar[str] = ", ".join(sorted(Settings.model_fields))

    def __init__(self, settings_cls: type[BaseSettings], path: Path) -> None:
        super().__init__(settings_cls, toml_file=path)
        try:
            _FileValues.model_validate(self.toml_data)
        except ValidationError as exc:
            raise _first_error(exc, str(path)) from None

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        try:
            return tomllib.loads(Path(file_path).read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"not valid TOML ({exc})", path=file_path) from exc


def load(path: Path) -> Settings:
    """Settings from ``CLAIMREVIEW_*`` variables, then the file at ``path`` (if any), then defaults."""
    file = ConfigFile(Settings, path)
    try:
        env = EnvSettingsSource(Settings)
        # Earlier sources win: the environment over the file. _build_sources is BaseSettings' own
        # parameter for ready-made sources; type checkers see only the fields in __init__.
        build: Any = Settings
        settings: Settings = build(_build_sources=((env, file), {}))
        return settings
    except SettingsError as exc:  # a JSON table in a variable (CLAIMREVIEW_KEYMAP) that does not parse
        example = '{"claim.confirm": "y"}'
        raise InputError(f"a table must be JSON, e.g. {example} ({exc})", path="environment") from None
    except ValidationError as exc:
        # The file's values were checked above, so a bad value here came from a variable.
        raise _first_error(exc, "environment") from None


def _first_error(exc: ValidationError, where: str) -> InputError:
    error: ErrorDetails = exc.errors()[0]
    key = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "extra_forbidden":
        return InputError(f"unknown setting; known settings: {ConfigFile.known}", path=where, field=key)
    name = key if where != "environment" else ENV_PREFIX + key.upper()
    return InputError(f"must be {_wanted(key)}", path=where, field=name)


def _wanted(key: str) -> str:
    """What a setting takes, in the words of the config file."""
    default = Settings.model_fields[key].get_default(call_default_factory=True)
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, float):
        return "a number from 0 to 1"
    if isinstance(default, int):
        return "a whole number >= 0"
    if key == "rating_scale":
        return "a table: [rating_scale] with worst, best and [rating_scale.ratings.ID] tables"
    if isinstance(default, dict):
        return 'a table of "binding.id" = "keys"'
    return "text in quotes"
