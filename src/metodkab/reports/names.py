"""Names in documents: a person's ФИО declined for the sentence it stands in («возложить на
заместителя директора Журавлёву О. В.», «маршрут Козловой Юлии Дмитриевны»).

Declension is done by pytrovich (the petrovich rules, MIT), by the sex recorded on the
person; without one, by the patronymic (-вич / -вна, «оглы» / «кызы»), then by what the
rules can tell from the name itself; a name whose sex stays unknown keeps its surname as
typed rather than be declined wrongly. Initials are never declined. No textual, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pytrovich import Case, Gender, NamePart, PetrovichDeclinationMaker, PetrovichGenderDetector

from metodkab.importing.values import sex_from_patronymic

NOMINATIVE, GENITIVE, DATIVE, ACCUSATIVE, INSTRUMENTAL = "и", "р", "д", "в", "т"
_CASES = {GENITIVE: Case.GENITIVE, DATIVE: Case.DATIVE, ACCUSATIVE: Case.ACCUSATIVE,
          INSTRUMENTAL: Case.INSTRUMENTAL}
_SEX = {"м": Gender.MALE, "ж": Gender.FEMALE}


@cache
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@cache
def _detector() -> PetrovichGenderDetector:
    return PetrovichGenderDetector()


@dataclass(frozen=True)
class Person:
    last: str
    first: str = ""
    middle: str = ""
    sex: str | None = None              # "м" / "ж" as recorded on the person, or None

    @classmethod
    def parse(cls, text: str, sex: str | None = None) -> Person:
        """«Фамилия Имя Отчество» or «Фамилия И. О.» as typed (a patronymic of two words,
        «Рашид оглы», stays whole)."""
        parts = text.split()
        if not parts:
            return cls("", sex=sex)
        if len(parts) > 1 and "." in parts[1] and parts[1].count(".") > 1:   # «Е.Н.»
            initials = [f"{x}." for x in parts[1].split(".") if x]
            parts = [parts[0], *initials, *parts[2:]]
        return cls(parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:]), sex)

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.last, self.first, self.middle) if p)

    @property
    def initials(self) -> str:
        return " ".join(f"{p[0]}." for p in (self.first, self.middle) if p)

    @property
    def short(self) -> str:
        """Морозова Е. Н."""
        return f"{self.last} {self.initials}".strip()

    @property
    def signature(self) -> str:
        """Е. Н. Морозова — as under a signature."""
        return f"{self.initials} {self.last}".strip()


def sex_of(person: Person) -> str | None:
    """The recorded sex, else the patronymic's, else what the rules tell from the first
    name and surname; None when nothing tells."""
    if person.sex in _SEX:
        return person.sex
    by_patronymic = sex_from_patronymic(person.middle) if person.middle else None
    if by_patronymic:
        return by_patronymic
    first = person.first if "." not in person.first else None
    detected = _detector().detect(firstname=first or None, lastname=person.last or None)
    return {Gender.MALE: "м", Gender.FEMALE: "ж"}.get(detected)


def decline(person: Person, case: str) -> Person:
    """The person with every part of the name in ``case`` (an initial stays as it is); in
    the nominative, or with the sex unknown, the person as given."""
    sex = sex_of(person)
    if case == NOMINATIVE or case not in _CASES or sex is None or not person.last:
        return person
    gender, grammatical = _SEX[sex], _CASES[case]

    def word(part: NamePart, text: str) -> str:
        if not text or "." in text:
            return text
        return _maker().make(part, gender, grammatical, text)

    return Person(word(NamePart.LASTNAME, person.last), word(NamePart.FIRSTNAME, person.first),
                  word(NamePart.MIDDLENAME, person.middle), sex)


def declined(text: str, case: str, sex: str | None = None, *, form: str = "full") -> str:
    """A name typed as text, declined: ``form`` "full" (Морозовой Елене Николаевне),
    "short" (Морозовой Е. Н.) or "signature" (Е. Н. Морозовой)."""
    person = decline(Person.parse(text, sex), case)
    return getattr(person, form)
