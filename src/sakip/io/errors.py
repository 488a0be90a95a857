"""Errors of the readers: every problem in a file, each with its place, in one error."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Sequence
from typing import Any

from sakip.exceptions import SakipError

__all__ = ["DataFileError", "FieldError"]

_MAX_LINES = 20


class _Unset:
    """The marker of a value that was not given (``None`` is a value a cell can hold)."""

    def __repr__(self) -> str:
        return "<unset>"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = 6
_SHORT.maxlevel = 3


def short(value: object) -> str:
    """``repr(value)``, shortened so that one problem stays one line of a screen."""
    return _SHORT.repr(value)


class FieldError(SakipError, ValueError):
    """One bad value at one place of a file: a cell of a table or a field of a data file.

    Attributes:
        message: What is wrong, as a sentence.
        file: The file's name, when the input came from a file.
        sheet: The worksheet, for a workbook.
        row: The line or row number (1 is the first line of the file, the header of a table),
            or, in a data file, the path of the table holding the value
            (``plan.goals[0].objectives[1].indicators[2]``).
        column: The column as its header reads, or the field's name.
        value: The value as read.
        expected: What would have been accepted, as a phrase.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | str | None = None,
        column: str | None = None,
        value: object = UNSET,
        expected: str | None = None,
    ) -> None:
        super().__init__(message, file, sheet, row, column, value, expected)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_field_error, (self.args,))

    @property
    def location(self) -> str:
        """Where the problem is, as ``file[sheet]:row:column`` with the known parts."""
        parts = []
        head = self.file or ""
        if self.sheet is not None:
            head += f"[{self.sheet}]"
        if head:
            parts.append(head)
        if self.row is not None:
            parts.append(str(self.row))
        if self.column is not None:
            parts.append(self.column)
        return ":".join(parts)

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message


def _rebuild_field_error(args: tuple[Any, ...]) -> FieldError:
    message, file, sheet, row, column, value, expected = args
    return FieldError(
        message, file=file, sheet=sheet, row=row, column=column, value=value, expected=expected
    )


class DataFileError(SakipError, ExceptionGroup):
    """Everything wrong with one file, as one error (an :class:`ExceptionGroup`).

    Each sub-error in ``exceptions`` is a :class:`FieldError` with its place. ``str()``
    gives one screen: a line per problem, ``file:row:column: message``. ``except
    sakip.SakipError`` catches it, and so does ``except* FieldError``.

    Attributes:
        file: The file's name, when the input came from a file.
        rows: What was read without a problem (for a table, the good rows), so that nothing
            good is lost with the bad.
    """

    file: str | None
    rows: tuple[Any, ...]

    def __new__(
        cls,
        message: str,
        exceptions: Sequence[FieldError],
        *,
        file: str | None = None,
        rows: Iterable[Any] = (),
    ) -> DataFileError:
        """Build the group (``ExceptionGroup`` takes its arguments in ``__new__``)."""
        self = super().__new__(cls, message, exceptions)
        self.file = file
        self.rows = tuple(rows)
        return self

    def __init__(
        self,
        message: str,
        exceptions: Sequence[FieldError],
        *,
        file: str | None = None,
        rows: Iterable[Any] = (),
    ) -> None:
        super().__init__(message, exceptions)

    def derive(self, excs: Sequence[Exception]) -> DataFileError:  # type: ignore[override]
        """A copy holding other sub-errors (used by ``except*`` and ``split()``)."""
        return DataFileError(self.message, excs, file=self.file, rows=self.rows)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_group, (self.message, tuple(self.exceptions), self.file, self.rows))

    def __str__(self) -> str:
        problems = [str(error) for error in self.exceptions]
        shown = problems[:_MAX_LINES]
        if len(problems) > _MAX_LINES:
            shown.append(f"… and {len(problems) - _MAX_LINES} more")
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([f"{self.message}: {count} {noun}", *shown])


def _rebuild_group(
    message: str, exceptions: Sequence[FieldError], file: str | None, rows: tuple[Any, ...]
) -> DataFileError:
    return DataFileError(message, exceptions, file=file, rows=rows)


def single(message: str, *, file: str | None, **place: Any) -> DataFileError:
    """A :class:`DataFileError` with one problem: an unreadable, empty or truncated file."""
    error = FieldError(message, file=file, **place)
    return DataFileError(f"cannot read {file or 'the input'}", [error], file=file)
