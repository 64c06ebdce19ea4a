"""`wetgeving amend --format json` (format `wetgeving-amend/1`, see docs/amend.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wetgeving.amend.locate import label
from wetgeving.amend.render import render_text, rows

if TYPE_CHECKING:
    from wetgeving.amend.build import Amendment

FORMAT = "wetgeving-amend/1"


def _target(ref: Any) -> str:
    text = label(ref)
    nieuw = [s for s in ref if s.nieuw]
    return f"{text} (nieuw)" if nieuw else text


def to_dict(amendment: Amendment) -> dict[str, Any]:
    """The bill as JSON-ready data: every instruction with its target, formula and quotes."""
    bill = amendment.bill
    instructions = []
    for row in rows(bill):
        ins = row.instruction
        instructions.append(
            {
                "artikel": row.article,
                "onderdeel": row.letter,
                "item": list(row.path),
                "formula": ins.formula,
                "target": _target(ins.target),
                "targets": [_target(t) for t in ins.targets],
                "old_id": ins.old_id,
                "new_id": ins.new_id,
                "edits": [
                    {"op": e.op, "old": e.old, "new": e.new, "telkens": e.telkens}
                    for e in ins.edits
                ],
                "renumber": [list(pair) for pair in ins.renumber],
                "text": row.sentence,
                "new_text": "\n".join(row.new_text) if row.new_text else None,
            }
        )
    return {
        "format": FORMAT,
        "old": {"version": amendment.old[0], "commit": amendment.old[1]},
        "new": {"version": amendment.new[0], "commit": amendment.new[1]},
        "style": bill.stijl,
        "articles": list(amendment.articles) or None,
        "regulations": [
            {"artikel": a.number, "regulation": a.regulation, "onderdelen": len(a.onderdelen)}
            for a in bill.articles
        ],
        "instructions": instructions,
        "text": render_text(bill),
    }


def render_json(amendment: Amendment) -> str:
    """The JSON text of `to_dict`, ending in a newline."""
    return json.dumps(to_dict(amendment), ensure_ascii=False, indent=2) + "\n"
