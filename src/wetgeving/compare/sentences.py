"""Dutch sentences about single changes and groups of siblings, for `describe.py`."""

from __future__ import annotations

from collections.abc import Callable

from wetgeving.compare.model import Change
from wetgeving.compare.phrases import last, many, old_citation, old_relative, parent, seg
from wetgeving.text.labels import body_id, cite, in_sentence, is_bijlage, lid_label, onderdeel_label
from wetgeving.text.references import label_for_id

Namer = Callable[[str], str]


def cited(node_id: str) -> str:
    """The full citation of a provision as it stands in a sentence: "artikel 273fa, tweede lid",
    "het enig artikel, onder 2°", "bijlage I, onder 3"."""
    return in_sentence(label_for_id(node_id))


def relative(node_id: str, article: str, within: str | None = None) -> str:
    """Name a provision as seen from inside `article` (or from inside the lid `within`), in
    citation order: "het vijfde lid, onderdeel c", "het eerste lid, onder 4°", "de slotzin van
    het eerste lid"; from inside a lid: "onderdeel c".

    A provision in another article (or bijlage) gets its full citation ("artikel 273fa, tweede
    lid").
    """
    segs = node_id.split("/")
    if segs[0] != body_id(article):
        return cited(node_id)
    rest = segs[1:]
    if within is not None and node_id.startswith(within + "/"):
        rest = segs[within.count("/") + 1 :]
    slot = bool(rest) and rest[-1].startswith("slot.")
    if slot:
        rest = rest[:-1]
    parts: list[str] = []
    for part in rest:
        kind, number = seg(part)
        if kind == "lid":
            parts.append(f"het {lid_label(number)}" if number.isdigit() else lid_label(number))
        elif kind == "ond":
            # At the head of a sentence "onder 4°" needs its noun: "onderdeel 4°".
            parts.append(onderdeel_label(number) if parts else f"onderdeel {number}")
    named = ", ".join(parts)
    if slot:
        return f"de slotzin van {named}" if named else "de slotzin"
    if not named:
        return "het lid" if within is not None else _itself(article)
    return named


def _itself(article: str) -> str:
    """The body a sentence is about, named from inside it: "het artikel", "de bijlage"."""
    return "de bijlage" if is_bijlage(article) else "het artikel"


def _comma(label: str) -> str:
    return "," if "," in label else ""


def _ending(label: str, tail: str) -> str:
    """A citation that ends the sentence, or is followed by `tail` after its closing comma."""
    return f"{label}{_comma(label)}{tail}" if tail else label


_COUNTS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht"}
_COUNTS.update({9: "negen", 10: "tien", 11: "elf", 12: "twaalf"})


def where_in(parent_id: str, article: str, name: Namer, top: str | None) -> str:
    """ "in het eerste lid" for parts of a lid; "" for parts of the article or of the lid the
    paragraph is about."""
    if parent_id in (body_id(article), top):
        return ""
    return f"in {cite(name(parent_id))}"


def inserted(numbers: list[str], kind: str, where: str, appended: bool) -> str:
    verb = "toegevoegd" if appended else "ingevoegd"
    if len(numbers) == 1:
        one = lid_label(numbers[0]) if kind == "lid" else f"onderdeel {numbers[0]}"
        noun = "lid" if kind == "lid" else "onderdeel"
        head = f"{where} wordt" if where else "er wordt"
        return f"{head} een {noun} {verb} ({one})"
    count = _COUNTS.get(len(numbers), str(len(numbers)))
    noun = "leden" if kind == "lid" else "onderdelen"
    head = f"{where} worden" if where else "er worden"
    return f"{head} {count} {noun} {verb} ({many(kind, numbers)})"


def deleted(numbers: list[str], kind: str, where: str, reused: bool) -> str:
    old = "oude " if reused else ""
    if kind == "lid":
        both = many(kind, numbers)
        return f"{'de' if both.startswith('leden') else 'het'} {old}{both} zijn vervallen"
    if not where:
        return f"de {old}{many(kind, numbers)} zijn vervallen"
    return f"{where} zijn de {old}{many(kind, numbers)} vervallen"


def _target(old: str, new: str, subject: str, name: Namer) -> str:
    """The new name after "wordt": only the number when the parent stayed ("onder 5°")."""
    if parent(old) == parent(new) and "/" in new:
        kind, number = last(new)
        if kind == "ond":
            return (
                f"onderdeel {number}"
                if subject.startswith("onderdeel ")
                else (onderdeel_label(number))
            )
    return name(new)


def sentence(change: Change, article: str, edited: bool, name: Namer) -> str | None:
    old, new = change.old_id, change.new_id
    tail = " en is gewijzigd" if edited else ""
    if change.structure == "gets_leden" and new is not None:
        return f"de tekst van het artikel wordt {_ending(name(new), tail)}"
    if change.structure == "loses_leden" and old is not None:
        return f"{cite(name(old))} wordt de tekst van het artikel{tail}"
    if change.kind == "inserted" and new is not None:
        if "/" not in new:  # an article or bijlage
            label = cited(new)
            if change.new_label_reused:
                nieuw = "nieuwe" if new.startswith("bijlage") else "nieuw"
                return f"een {nieuw} {label} wordt ingevoegd"

            return f"{label} wordt ingevoegd"
        verb = "toegevoegd" if change.appended else "ingevoegd"
        return f"{cite(name(new))} wordt {verb}"
    if change.kind == "deleted" and old is not None:
        if "/" not in old:
            gone = cited(old)
            return f"{old_relative(gone) if change.old_label_reused else gone} is vervallen"
        subject = name(old)
        return f"{cite(old_relative(subject) if change.old_label_reused else subject)} is vervallen"
    if old is None or new is None:
        return None
    if "/" not in old and "/" not in new:  # the article (or bijlage) itself
        itself = _itself(article)
        if old == new:
            if change.title_ops is None:
                return f"{itself} is gewijzigd"
            title = _retitled(change.title_ops)
            if change.ops is None:
                return {
                    "added": f"{itself} krijgt een opschrift",
                    "dropped": f"het opschrift van {itself} is vervallen",
                }.get(title, f"het opschrift van {itself} is gewijzigd")
            return {
                "added": f"{itself} krijgt een opschrift en de tekst is gewijzigd",
                "dropped": f"het opschrift van {itself} is vervallen en de tekst is gewijzigd",
            }.get(title, f"het opschrift en de tekst van {itself} zijn gewijzigd")
        done = " en wordt gewijzigd" if edited else ""
        if change.title_ops is not None and change.ops is None:
            done = {
                "added": " en krijgt een opschrift",
                "dropped": " en het opschrift is vervallen",
            }.get(_retitled(change.title_ops), " en het opschrift is gewijzigd")
        was = cited(old)
        was = old_relative(was) if change.old_label_reused else was
        return f"{was} wordt {label_for_id(new)}{done}"
    if change.kind == "renumbered":
        subject = name(old)
        return f"{cite(subject)} wordt {_target(old, new, subject, name)}"
    if change.kind == "changed":
        if not change.renumbered:
            return f"{cite(name(new))} is gewijzigd"
        subject = name(old)
        return f"{cite(subject)} wordt {_ending(_target(old, new, subject, name), tail)}"
    return moved_sentence(change, article, edited, name)


def _retitled(ops: tuple[tuple[str, str], ...]) -> str:
    """How a heading title changed: "added" (there was none), "dropped" (there is none now) or
    "changed"."""
    kinds = {op for op, _ in ops}
    if kinds == {"insert"}:
        return "added"
    if kinds == {"delete"}:
        return "dropped"
    return "changed"


def moved_sentence(change: Change, article: str, edited: bool, name: Namer) -> str:
    old, new = change.old_id or "", change.new_id or ""
    done = " en gewijzigd" if edited else ""
    subject = name(old)
    if change.old_label_reused:
        subject = old_relative(subject)
    if change.old_article == article and change.article != article:
        return f"{cite(subject)} is verplaatst naar {_ending(cited(new), done)}"
    if change.article == article and change.old_article != article:
        source = label_for_id(old)
        source = old_citation(source) if change.old_label_reused else in_sentence(source)
        source = _ending(source, " en is gewijzigd" if edited else "")
        return f"{cite(name(new))} is verplaatst uit {source}"
    return f"{cite(subject)} is verplaatst naar {_ending(name(new), done)}"
