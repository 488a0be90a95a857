"""How results and model objects show themselves: a one-line repr, a small HTML table, a dict.

Every class that inherits :class:`Displayed` (and tells attrs ``repr=False``) gets all three
from its attrs fields, so a class body adds at most a :meth:`Displayed._headline` (the figure,
what it is of, the rating) and the names of the properties its dict should carry.
"""

import datetime
import enum
import html
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, TypeGuard, cast

import attrs

from sakip._figures import typed
from sakip.locale import format_number

__all__ = ["REPR_WIDTH", "Displayed", "json_value"]

REPR_WIDTH = 120
"""The longest a repr may be: one line of a terminal or a notebook cell."""

# The fields that say what an object is about, in the order the headline prefers them.
_SUBJECT_FIELDS = (
    "indicator",
    "code",
    "component",
    "where",
    "label",
    "name",
    "kind",
    "title",
    "key",
    "reference",
    "row",
)
# At most this many items of a tuple field are listed in the HTML table.
_HTML_ITEMS = 20


def _fields(cls: type) -> "tuple[attrs.Attribute[Any], ...]":
    """The attrs fields of ``cls``, an attrs class (checked by the callers)."""
    return tuple(attrs.fields(cast("type[attrs.AttrsInstance]", cls)))


def _is_rule(value: object) -> bool:
    """Whether ``value`` is a named rule with a source: inside another object, only its name."""
    if not attrs.has(type(value)):
        return False
    names = {field.name for field in _fields(type(value))}
    return {"name", "source"} <= names


def json_value(value: object) -> Any:
    """``value`` as JSON-ready data: exact decimals as strings, enum codes, rule names."""
    if value is None or isinstance(value, bool | int | str):
        return value
    for applies, convert in _CONVERSIONS:
        if applies(value):
            return convert(value)
    return str(value)


def _fields_dict(value: object) -> dict[str, Any]:
    """The attrs fields a repr would show (callables are left out), as JSON-ready data."""
    return {
        field.name: json_value(getattr(value, field.name))
        for field in _fields(type(value))
        if field.repr is not False
    }


# In this order: a rule inside another object is its name, even though it is an attrs class.
_CONVERSIONS: tuple[tuple[Callable[[Any], bool], Callable[[Any], Any]], ...] = (
    (lambda v: isinstance(v, Decimal), str),
    (lambda v: isinstance(v, enum.Enum), lambda v: v.value),
    (lambda v: isinstance(v, datetime.date), lambda v: v.isoformat()),
    (_is_rule, lambda v: v.name),
    (lambda v: isinstance(v, Displayed), lambda v: v.to_dict()),
    (lambda v: attrs.has(type(v)), _fields_dict),
    (
        lambda v: isinstance(v, Mapping),
        lambda v: {str(key): json_value(item) for key, item in v.items()},
    ),
    (
        lambda v: isinstance(v, frozenset | set) or _is_sequence(v),
        lambda v: [json_value(item) for item in v],
    ),
)


def _is_sequence(value: object) -> TypeGuard[Sequence[object]]:
    """Whether ``value`` lists items: a tuple, a list, or a table's rows held as columns."""
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _shown(value: object) -> str:
    """One value as a person reads it in a table cell: Indonesian numbers, names, headlines."""
    if isinstance(value, Decimal):
        return typed(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if _is_rule(value):
        return str(value.name)  # type: ignore[attr-defined]  # a rule has a name
    if isinstance(value, Displayed):
        return value.headline()
    if _is_sequence(value):
        return f"{len(value)} item" + ("" if len(value) == 1 else "s")
    return "—" if value is None else str(value)


def _cell(value: object) -> str:
    if _is_sequence(value) and value:
        items = [f"<li>{html.escape(_shown(item))}</li>" for item in value[:_HTML_ITEMS]]
        if len(value) > _HTML_ITEMS:
            items.append(f"<li>… {len(value) - _HTML_ITEMS} more</li>")
        return f"<ul>{''.join(items)}</ul>"
    return html.escape(_shown(value))


def _subject(value: object) -> str | None:
    """What an object is about: its first subject field, or the code of the object there."""
    for name in _SUBJECT_FIELDS:
        subject = getattr(value, name, None)
        if isinstance(subject, str):
            return subject
        code = getattr(subject, "code", None)
        if isinstance(code, str):
            return code
    return None


def _rating(value: object) -> str | None:
    """The label of an object's rating or predicate, when it has one."""
    for name in ("rating", "predicate"):
        rating = getattr(value, name, None)
        if isinstance(rating, str):
            return rating
        label = getattr(rating, "label", None)
        if isinstance(label, str):
            return label
    return None


class Displayed:
    """A one-line repr, ``_repr_html_`` for notebooks and ``to_dict()`` for JSON.

    A subclass is an attrs class built with ``repr=False`` (so that this repr is kept). It
    may override :meth:`_headline` and list in ``_dict_properties`` the properties that
    ``to_dict()`` and the HTML table carry besides the fields (``percent``, ``met``).
    """

    __slots__ = ()
    _dict_properties: ClassVar[tuple[str, ...]] = ()

    def _headline(self) -> str:
        """What the repr says after the class name: the figure, what it is of, the rating."""
        parts = []
        percent = getattr(self, "percent", None)
        value = getattr(self, "value", None)
        if isinstance(percent, Decimal):
            parts.append(f"{format_number(percent, 2)} %")
        elif isinstance(value, Decimal):
            parts.append(format_number(value, 2) if self._value_is_computed() else typed(value))
        subject = _subject(self)
        if subject:
            parts.append(subject)
        year = getattr(self, "year", None)
        if isinstance(year, int) and not isinstance(year, bool):
            parts.append(str(year))
        text = " ".join(parts)
        rating = _rating(self)
        if rating:
            return f"{text}: {rating}"
        # Nothing to name (a comparison with no standard): the object's own words say it.
        return text or self._explanation() or ""

    def _value_is_computed(self) -> bool:
        """Whether ``value`` is a figure sakip derived (a mean, a projection), shown to 2 places.

        Otherwise it is shown as typed (see :func:`sakip._figures.typed`).
        """
        return False

    def headline(self) -> str:
        """The repr without its brackets and class name, at most one line."""
        return " ".join(self._headline().split())

    def __repr__(self) -> str:
        name, headline = type(self).__name__, self.headline()
        text = f"<{name} {headline}>" if headline else f"<{name}>"
        if len(text) <= REPR_WIDTH:
            return text
        return text[: REPR_WIDTH - 2] + "…>"

    def _explanation(self) -> str | None:
        """``explain()`` where the class has that method (not a field of that name)."""
        names = {field.name for field in _fields(type(self))}
        explain = getattr(self, "explain", None)
        if "explain" in names or not callable(explain):
            return None
        return str(explain())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: exact decimals as strings, enum codes, rule names, dates as ISO.

        ``json.dumps`` accepts the result as it is; the fields come first, then the
        class's properties (``percent``) and ``explanation`` where there is one.
        """
        data = _fields_dict(self)
        data.update({name: json_value(getattr(self, name)) for name in self._dict_properties})
        explanation = self._explanation()
        if explanation is not None:
            data["explanation"] = explanation
        return data

    def _html_rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [
            (field.name, getattr(self, field.name))
            for field in _fields(type(self))
            if field.repr is not False
        ]
        rows += [(name, getattr(self, name)) for name in self._dict_properties]
        explanation = self._explanation()
        if explanation is not None:
            rows.append(("explanation", explanation))
        return rows

    def _repr_html_(self) -> str:
        """A small table for a notebook: the headline, then one row per field."""
        caption = html.escape(f"{type(self).__name__} {self.headline()}".strip())
        body = "".join(
            f"<tr><th>{html.escape(name)}</th><td>{_cell(value)}</td></tr>"
            for name, value in self._html_rows()
        )
        return f'<table class="sakip"><caption>{caption}</caption><tbody>{body}</tbody></table>'
