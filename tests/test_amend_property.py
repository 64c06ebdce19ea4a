"""Random edit scripts: whatever changes a lawyer makes, `amend` writes instructions that, read
back from their own text and applied to the old version, give the new version exactly."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wetgeving.amend.build import make_bill, verify
from wetgeving.amend.model import Bill, Seg
from wetgeving.compare.engine import compare_versions
from wetgeving.text.parse import parse
from wetgeving.versiontext import VersionText

# Few words, so quotations must grow to be unique and the same phrase recurs.
WORDS = [
    "de",
    "het",
    "straf",
    "lid",
    "feit",
    "rechter",
    "jaren",
    "van",
    "en",
    "boete",
    "dader",
    "zesde",
]


@dataclass
class Lid:
    text: list[str]
    onderdelen: list[list[str]] = field(default_factory=list)
    dashes: bool = False  # the onderdelen are gedachtestreepjes ("–") instead of a, b, c
    more: list[list[str]] = field(default_factory=list)  # further sentences (without onderdelen)


@dataclass
class Article:
    number: str
    leden: list[Lid]
    plain: bool = False  # one lid, written without "1.": an article without leden
    title: list[str] = field(
        default_factory=list
    )  # the opschrift ("Artikel 10 straf van de dader")


def _sentence(words: list[str], end: str) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + end


def _markdown(articles: list[Article]) -> str:
    out = ["---", "titel: Wetboek van Strafrecht", "---", ""]
    for article in articles:
        out.append(f"## Artikel {article.number} {' '.join(article.title)}".rstrip())
        out.append("")
        plain = article.plain and len(article.leden) == 1
        for n, lid in enumerate(article.leden, start=1):
            mark, indent = ("", "") if plain else (f"{n}. ", "   ")
            if lid.onderdelen:
                out.append(f"{mark}{_sentence(lid.text, ':')}")
                for k, ond in enumerate(lid.onderdelen):
                    end = "." if k == len(lid.onderdelen) - 1 else ";"
                    marker = "–" if lid.dashes else f"{chr(ord('a') + k)}."
                    out.append(f"{indent}- {marker} {' '.join(ond)}{end}")
            else:
                text = " ".join(_sentence(words, ".") for words in [lid.text, *lid.more])
                out.append(f"{mark}{text}")
        out.append("")
    return "\n".join(out)


words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9)
lids = st.builds(Lid, words, st.lists(words, max_size=3), st.booleans())


@st.composite
def texts(draw: st.DrawFn) -> list[Article]:
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        Article(
            str(10 + n),
            draw(st.lists(lids, min_size=1, max_size=6)),
            draw(st.booleans()),
            draw(st.one_of(st.just([]), words)),
        )
        for n in range(count)
    ]


def _copy(articles: list[Article]) -> list[Article]:
    return [
        Article(
            a.number,
            [Lid(list(lid.text), [list(o) for o in lid.onderdelen], lid.dashes) for lid in a.leden],
            a.plain,
            list(a.title),
        )
        for a in articles
    ]


@st.composite
def edited(draw: st.DrawFn, old: list[Article]) -> list[Article]:
    new = _copy(old)
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        action = draw(
            st.sampled_from(
                [
                    "word",
                    "word",
                    "lid+",
                    "lid+",
                    "lid-",
                    "lid-",
                    "ond+",
                    "ond-",
                    "art+",
                    "art-",
                    "move",
                    "leden",
                    "zin+",
                    "zin-",
                    "title",
                ]
            )
        )
        article = draw(st.sampled_from(new))
        if action == "word":
            lid = draw(st.sampled_from(article.leden))
            target = (
                lid.text
                if not lid.onderdelen or draw(st.booleans())
                else draw(st.sampled_from(lid.onderdelen))
            )
            at = draw(st.integers(min_value=0, max_value=len(target) - 1))
            how = draw(st.sampled_from(["replace", "insert", "delete"]))
            if how == "replace":
                target[at] = draw(st.sampled_from(WORDS))
            elif how == "insert":
                target.insert(at, draw(st.sampled_from(WORDS)))
            elif len(target) > 2:
                del target[at]
        elif action == "lid+":
            at = draw(st.integers(min_value=0, max_value=len(article.leden)))
            article.leden.insert(at, draw(lids))
        elif action == "lid-" and len(article.leden) > 1:
            del article.leden[draw(st.integers(min_value=0, max_value=len(article.leden) - 1))]
        elif action == "ond+":
            lid = draw(st.sampled_from(article.leden))
            lid.onderdelen.insert(
                draw(st.integers(min_value=0, max_value=len(lid.onderdelen))), draw(words)
            )
        elif action == "ond-":
            lid = draw(st.sampled_from(article.leden))
            if lid.onderdelen:
                del lid.onderdelen[
                    draw(st.integers(min_value=0, max_value=len(lid.onderdelen) - 1))
                ]
        elif action == "art+":
            at = new.index(article) + 1
            number = f"{article.number}a"
            if all(a.number != number for a in new):
                leden = draw(st.lists(lids, min_size=1, max_size=3))
                title = draw(st.one_of(st.just([]), words))
                new.insert(at, Article(number, leden, title=title))
        elif action == "art-" and len(new) > 1:
            new.remove(article)
        elif action == "zin+":
            lid = draw(st.sampled_from(article.leden))
            lid.more.insert(draw(st.integers(min_value=0, max_value=len(lid.more))), draw(words))
        elif action == "zin-":
            lid = draw(st.sampled_from(article.leden))
            if lid.more:
                del lid.more[draw(st.integers(min_value=0, max_value=len(lid.more) - 1))]
        elif action == "title":
            # A new opschrift, one word of it changed, or none any more.
            if not article.title or draw(st.booleans()):
                article.title = draw(words) if draw(st.booleans()) else []
            else:
                at = draw(st.integers(min_value=0, max_value=len(article.title) - 1))
                article.title[at] = draw(st.sampled_from(WORDS))
        elif action == "leden":
            article.plain = not article.plain
        elif action == "move" and len(new) > 1 and len(article.leden) > 1:
            other = draw(st.sampled_from([a for a in new if a is not article]))
            lid = article.leden.pop(
                draw(st.integers(min_value=0, max_value=len(article.leden) - 1))
            )
            other.leden.insert(draw(st.integers(min_value=0, max_value=len(other.leden))), lid)
    return new


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[Article], list[Article]]:
    old = draw(texts())
    return old, draw(edited(old))


def _version(name: str, articles: list[Article]) -> VersionText:
    return VersionText(name, None, (parse(_markdown(articles), "drafts/sr.md"),))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_random_edits_are_reproduced_by_the_instructions(
    pair: tuple[list[Article], list[Article]],
) -> None:
    """For random edits (words, sentences, leden, onderdelen, gedachtestreepjes, leden that
    appear or go, articles, moves, opschriften given, changed or taken away) the bill applied
    to the old text gives the new text exactly (verify raises, naming the provision, when it
    does not), and renumbers every lid once."""
    old, new = _version("oud", pair[0]), _version("nieuw", pair[1])
    bill = make_bill(compare_versions(old, new), old, new, regulation="Wetboek van Strafrecht")
    verify(bill, old, new, regulation="Wetboek van Strafrecht")
    _renumbered_at_most_once(bill)


def _renumbered_at_most_once(bill: Bill) -> None:
    """No renumbering takes up a number an earlier renumbering of the same list gave, and none
    cites "(nieuw)": each lid or onderdeel gets its new number in one step."""
    given: dict[tuple[Seg, ...], set[str]] = {}
    for ins in bill.instructions():
        if not ins.renumber:
            continue
        assert not ins.renumber_nieuw
        parent = ins.target if ins.formula in ("toevoegen", "vernummeren") else ins.target[:-1]
        earlier = given.setdefault(parent, set())
        assert not {old for old, _ in ins.renumber} & earlier, ins
        earlier.update(new for _, new in ins.renumber)
