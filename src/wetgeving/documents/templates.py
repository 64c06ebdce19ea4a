"""The Jinja2 environment: the only module that imports jinja2 (lazily).

Default templates ship in this package; a dossier's `templates/` folder overrides any of them by
name. User content (draft text, responses, toelichting) is always passed as data, never as
template source. Errors name the template file and line.

A dossier's templates come from whoever shares the dossier, so they are not trusted: they run in
Jinja2's immutable sandbox, may read only the attributes of plain data (the documents'
dataclasses, strings, numbers, lists and dicts; no file system, module or function objects) and
are loaded only from files inside the dossier (a symbolic link that leaves it is refused).
"""

from __future__ import annotations

import dataclasses
import enum
import os
import shutil
import traceback
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wetgeving import confine
from wetgeving.errors import DocumentError

if TYPE_CHECKING:
    from jinja2 import Environment

DEFAULTS = Path(__file__).parent / "templates"


def default_names() -> list[str]:
    """Return the names of the default templates, sorted (relative paths with '/')."""
    return sorted(p.relative_to(DEFAULTS).as_posix() for p in DEFAULTS.rglob("*") if p.is_file())


def copy_defaults(dest: Path) -> list[Path]:
    """Copy the default templates into `dest` (a dossier's templates/), never overwriting.

    Returns:
        The files written, sorted.
    """
    written: list[Path] = []
    for name in default_names():
        target = dest / name
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEFAULTS / name, target)
        written.append(target)
    return written


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html"))


MAX_TEMPLATE = 1024 * 1024  # a template of a few pages; more is not a template


def _loader(search: tuple[str, ...]) -> Any:
    """A FileSystemLoader that reads each template through `files.read_text`: a byte-order mark
    is dropped and a file that is not UTF-8 is refused naming its line (`ParseError`)."""

    import jinja2
    from jinja2.loaders import split_template_path

    from wetgeving import files

    class Loader(jinja2.FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            pieces = split_template_path(template)
            for folder in self.searchpath:
                path = Path(folder, *pieces)
                if path.is_file():
                    break
            else:
                raise jinja2.TemplateNotFound(template)
            if not str(path).startswith(str(DEFAULTS) + os.sep):
                # A dossier's templates/ folder: its file must stay inside the dossier.
                root = Path(search[0]).parent
                confine.check(root, path, confine.relative(root, path))
            contents = files.read_text(path, limit=MAX_TEMPLATE, what="sjabloon")
            mtime = path.stat().st_mtime_ns

            def uptodate() -> bool:
                try:
                    return path.stat().st_mtime_ns == mtime
                except OSError:
                    return False

            return contents, os.path.normpath(path), uptodate

    return Loader(list(search))


_PLAIN = (str, int, float, tuple, list, dict, set, frozenset, enum.Enum, type(None))


def _plain(obj: Any) -> bool:
    """Whether a template may read the attributes of `obj`: plain data and Jinja's own loop,
    macro and namespace objects; never a path, module, function or class."""
    if isinstance(obj, _PLAIN):
        return True
    kind = type(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return kind.__module__.startswith("wetgeving.")
    return kind.__module__.split(".")[0] == "jinja2"


def _environment(search: tuple[str, ...]) -> Environment:
    import jinja2
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """The immutable sandbox, narrowed to plain data, with refusals in Dutch."""

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            return _plain(obj) and super().is_safe_attribute(obj, attr, value)

        def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
            what = (
                f"de klasse {obj.__name__}"
                if isinstance(obj, type)
                else f"een {type(obj).__name__}-object"
            )
            return self.undefined(
                f"toegang tot '{attribute}' van {what} is niet toegestaan",
                name=attribute,
                obj=obj,
                exc=SecurityError,
            )

    env = Sandbox(
        loader=_loader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = _markdown_filter
    env.filters["md_start"] = _md_start
    env.filters["getal"] = getal
    env.globals["heading"] = _heading
    return env


def _heading(node: Any) -> str:
    """The heading of a division, article or bijlage as the draft writes it ("Titel XVIII.
    Misdrijven ...", "Enig artikel", "Bijlage I. Lijst ...", "§ 1. Algemeen")."""
    from wetgeving.text.headings import heading
    from wetgeving.text.model import DIVISION_RANK

    if node.kind in DIVISION_RANK or node.kind in ("artikel", "bijlage"):
        return heading(node)
    return ""  # an older copy of tekst.html.j2 asks it of what is inside a bijlage


def getal(value: int) -> str:
    """Format a count the Dutch way: 10000 -> "10.000"."""
    return f"{value:,}".replace(",", ".")


def _md_start(line: str) -> str:
    """A line of statute text in a Markdown document, its start escaped where Markdown would read
    it as syntax: "4. Niet strafbaar ..." stays "4." (not item 3 of a renumbered list)."""
    from wetgeving.text.escape import escape_start

    return escape_start(line)


def trusted(html: str) -> Any:
    """HTML made by one of our own renderers (every text in it escaped), to insert as it is."""
    from markupsafe import Markup

    return Markup(html)


def _markdown_filter(text: str) -> Any:
    from markupsafe import Markup

    from wetgeving.markdown import to_html

    # to_html escapes raw HTML, so the result is safe to insert.
    return Markup(to_html(text))


@lru_cache(maxsize=8)
def _cached(search: tuple[str, ...]) -> Environment:
    return _environment(search)


def environment(dossier_templates: Path | None = None) -> Environment:
    """Return the environment: the dossier's templates first, then the defaults."""
    search: list[str] = []
    if dossier_templates is not None and dossier_templates.is_dir():
        search.append(str(dossier_templates))
    search.append(str(DEFAULTS))
    return _cached(tuple(search))


def _where(exc: BaseException, search: list[str]) -> str:
    """Return "file:line" of the innermost template frame of a rendering error."""
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if filename and lineno:
        return f"{filename}:{lineno}"
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if any(frame.filename.startswith(root) for root in search) and frame.lineno:
            return f"{frame.filename}:{frame.lineno}"
    return filename or "sjabloon"


def render(name: str, context: dict[str, Any], dossier_templates: Path | None = None) -> str:
    """Render template `name` with `context`.

    Raises:
        DocumentError: naming the template file and line when the template is broken.
    """
    import jinja2
    from jinja2.exceptions import SecurityError

    env = environment(dossier_templates)
    search = list(env.loader.searchpath) if isinstance(env.loader, jinja2.FileSystemLoader) else []
    try:
        template = env.get_template(name)
        return template.render(context)
    except SecurityError as exc:
        raise DocumentError(
            f"{_where(exc, search)}: sjabloon geweigerd: {exc}"
            " (sjablonen lezen alleen de gegevens van het document)"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise DocumentError(
            f"sjabloon '{exc.name}' niet gevonden (in {', '.join(search)})"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or name}:{exc.lineno}"
        raise DocumentError(f"{where}: fout in sjabloon: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise DocumentError(f"{_where(exc, search)}: fout in sjabloon: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise DocumentError(f"{_where(exc, search)}: fout in sjabloon: {exc}") from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise DocumentError(f"{_where(exc, search)}: fout in sjabloon: {exc}") from None
