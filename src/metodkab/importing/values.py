"""Values as schools write them in their own tables.

Dates as ДД.ММ.ГГГГ, Excel dates or "2019 г."; categories as "высш.", "В", "1 кв. к.",
"СЗД"; experience as "12 лет"; ФИО with extra spaces or in capitals; positions as
"учитель математики"; courses as free text ("2021, ФГОС ООО, 36 ч"). Every parser
returns None for an empty cell and raises ``ValueError`` with a Russian reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from metodkab import strings as S
from metodkab.domain import values as V
from metodkab.domain.parse import MAX_YEAR, MIN_YEAR, clean_name_part, norm, parse_date

# --- cells -----------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell as the user sees it: text with single spaces; '' for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).replace("\u00a0", " ").split())


def is_blank(value: object) -> bool:
    return cell_text(value) in ("", "-", "—", "–")


# --- dates -----------------------------------------------------------------------------

EXCEL_EPOCH = dt.date(1899, 12, 30)
_YEAR = re.compile(r"^((?:19|20)\d\d)\s*(?:г\.?|гг\.?|год[а]?)?$")
_YEAR_SUFFIX = re.compile(r"\s*(?:г\.?|гг\.?|года?)\s*$")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?$")
_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([а-яё]+)\s+(\d{4})$")


@dataclass(frozen=True)
class SheetDate:
    """A date read from a cell: the day, or only the year when that is all it says."""

    day: dt.date | None = None
    year: int | None = None

    @property
    def year_only(self) -> bool:
        return self.day is None

    def first_day(self) -> dt.date:
        return self.day or dt.date(self.year or MIN_YEAR, 1, 1)

    def last_day(self) -> dt.date:
        return self.day or dt.date(self.year or MIN_YEAR, 12, 31)

    def same(self, other: dt.date) -> bool:
        return other == self.day if self.day else other.year == self.year


def excel_date(serial: float) -> dt.date:
    """An Excel day number (the 1900 date system) as a date."""
    if not 1 <= serial < 2958466:
        raise ValueError(S.IMP_BAD_DATE)
    days = int(serial)
    if days < 61:        # Excel counts a 29.02.1900 that never was
        days += 1
    return EXCEL_EPOCH + dt.timedelta(days=days)


def _month(word: str) -> int | None:
    for stem, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    return None


def parse_sheet_date(value: object) -> SheetDate | None:
    """A date in any of the forms tables use; None for an empty cell.

    ДД.ММ.ГГГГ, ДД.ММ.ГГ, ГГГГ-ММ-ДД, "12 марта 2021 г.", an Excel date (a date cell or its
    day number), and "2019", "2019 г." (only the year: ``year_only``).
    """
    if isinstance(value, dt.datetime):
        return SheetDate(value.date())
    if isinstance(value, dt.date):
        return SheetDate(value)
    if isinstance(value, bool):
        raise ValueError(S.IMP_BAD_DATE)
    if isinstance(value, (int, float)):
        if float(value).is_integer() and MIN_YEAR <= value <= MAX_YEAR:
            return SheetDate(year=int(value))
        return SheetDate(excel_date(float(value)))
    text = cell_text(value)
    if is_blank(text):
        return None
    low = text.lower().replace("ё", "е")
    if m := _YEAR.match(low):
        return SheetDate(year=int(m.group(1)))
    low = _YEAR_SUFFIX.sub("", _TIME_SUFFIX.sub("", low)).strip()
    if low.isdigit() and len(low) == 5:
        return SheetDate(excel_date(int(low)))
    if m := _WORD_DATE.match(low):
        month = _month(m.group(2))
        if month is None:
            raise ValueError(S.IMP_BAD_DATE)
        try:
            return SheetDate(dt.date(int(m.group(3)), month, int(m.group(1))))
        except ValueError:
            raise ValueError(S.IMP_NO_SUCH_DATE) from None
    try:
        day = parse_date(low)
    except ValueError as exc:
        message = str(exc)
        raise ValueError(message[:1].lower() + message[1:] if message[1:2].islower()
                         else message) from None
    return SheetDate(day) if day else None


def parse_full_date(value: object) -> dt.date | None:
    """A date that must name the day (birth, hire): the year alone is an error."""
    found = parse_sheet_date(value)
    if found is None:
        return None
    if found.year_only:
        raise ValueError(S.IMP_YEAR_ONLY.format(year=found.year))
    return found.day


# --- ФИО -------------------------------------------------------------------------------

_INITIALS = re.compile(r"^([А-ЯЁA-Z])\.\s*(?:([А-ЯЁA-Z])\.?)?$")


@dataclass(frozen=True)
class PersonName:
    """ФИО from a cell: full parts, or a surname with initials ("Иванова А. П.")."""

    last: str
    first: str = ""
    middle: str = ""
    first_initial: str = ""
    middle_initial: str = ""
    remark: str = ""                # "(декрет)" written after the name

    @property
    def initials_only(self) -> bool:
        return not self.first

    @property
    def full(self) -> str:
        if self.initials_only:
            initials = "".join(f"{i}." for i in (self.first_initial, self.middle_initial) if i)
            return f"{self.last} {initials}".strip()
        return " ".join(p for p in (self.last, self.first, self.middle) if p)

    @property
    def key(self) -> str:
        """The search form of the full name (as ``staff.name_norm``)."""
        return norm(self.full)


def _name_part(text: str, *, required: bool = True) -> str:
    try:
        return clean_name_part(text, required=required)
    except ValueError:
        raise ValueError(S.IMP_BAD_NAME.format(text=text)) from None


def parse_name(value: object, *, allow_initials: bool = False) -> PersonName | None:
    """ФИО written in one cell: "ИВАНОВА  Анна Петровна", "Иванова Анна", "Иванова А.П."."""
    text = cell_text(value).replace(",", " ").strip()
    if not text:
        return None
    remarks = re.findall(r"\(([^)]*)\)", text)
    text = re.sub(r"\([^)]*\)", " ", text).strip()
    remark = "; ".join(r.strip() for r in remarks if r.strip())
    text = re.sub(r"\s*\.\s*", ". ", text).strip()
    words = text.split()
    if len(words) >= 2:
        joined = "".join(words[1:]).replace(" ", "")
        initials = re.fullmatch(r"([А-ЯЁA-Z])\.(?:([А-ЯЁA-Z])\.?)?", joined)
        if initials:
            if not allow_initials:
                raise ValueError(S.IMP_NAME_INITIALS)
            return PersonName(last=_name_part(words[0]), first_initial=initials.group(1),
                              middle_initial=initials.group(2) or "", remark=remark)
    if len(words) < 2:
        raise ValueError(S.IMP_NAME_SHORT.format(text=text))
    middle = " ".join(words[2:])
    return PersonName(last=_name_part(words[0]), first=_name_part(words[1]),
                      middle=_name_part(middle, required=False), remark=remark)


def parse_name_parts(last: object, first: object, middle: object) -> PersonName | None:
    """ФИО written in three cells (the name may hold initials: "А." "П.")."""
    last_text, first_text, middle_text = (cell_text(x) for x in (last, first, middle))
    if not (last_text or first_text or middle_text):
        return None
    if not last_text:
        raise ValueError(S.IMP_NO_LAST_NAME)
    if not first_text:
        raise ValueError(S.IMP_NO_FIRST_NAME)
    if _INITIALS.match(first_text):
        raise ValueError(S.IMP_NAME_INITIALS)
    return PersonName(last=_name_part(last_text), first=_name_part(first_text),
                      middle=_name_part(middle_text, required=False))


# --- categories ------------------------------------------------------------------------

_DATE_IN_TEXT = re.compile(r"\b(\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))\b")
_YEAR_IN_TEXT = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")


@dataclass(frozen=True)
class CategoryValue:
    """What a "Категория" cell says: a category, СЗД (conformity) or none; maybe a date."""

    kind: str                       # "category" | "conformity" | "none"
    category: str | None = None
    date: SheetDate | None = None


def _date_in(text: str) -> tuple[SheetDate | None, str]:
    """The first date (or year) written inside a text, and the text without it."""
    if m := _DATE_IN_TEXT.search(text):
        day = parse_sheet_date(m.group(1))
        return day, (text[: m.start()] + text[m.end():])
    if m := _YEAR_IN_TEXT.search(text):
        return SheetDate(year=int(m.group(1))), (text[: m.start()] + text[m.end():])
    return None, text


_NO_CATEGORY = re.compile(r"^(нет|не имеет|без категории|без кат\w*|б/?к|бк|0|-|—|–)$")


def parse_category(value: object) -> CategoryValue | None:
    """"высшая", "высш.", "В", "ВКК", "первая", "1 кв. к.", "I", "СЗД", "соответствие
    занимаемой должности", "без категории"; a date or year in the same cell is kept."""
    text = cell_text(value)
    if not text:
        return None
    day, rest = _date_in(text)
    low = norm(rest)
    low = re.sub(r"(?:(?<=\s)|^)(?:приказ\w*|пр\.|от|г\.|год\w*)(?=\s|$)|№\s*\S+", " ", low)
    low = " ".join(re.sub(r"[(),;:]", " ", low).split())
    compact = re.sub(r"[\s.]", "", low)
    if not compact or _NO_CATEGORY.match(low) or _NO_CATEGORY.match(compact):
        if day is None:
            return CategoryValue("none")
        raise ValueError(S.IMP_BAD_CATEGORY.format(text=text))
    if re.search(r"сзд|соответств|соотв", compact):
        if "не" in low.split() or compact.startswith("несоотв"):
            raise ValueError(S.IMP_CATEGORY_NOT_CONFORM)
        return CategoryValue("conformity", date=day)
    if "методист" in compact:
        return CategoryValue("category", "педагог-методист", day)
    if "наставник" in compact:
        return CategoryValue("category", "педагог-наставник", day)
    if compact.startswith(("высш", "вкк", "вк")) or compact in ("в", "вкат", "вкв"):
        return CategoryValue("category", "высшая", day)
    if compact.startswith(("перв", "1", "i")) and not compact.startswith(("ii", "11")):
        return CategoryValue("category", "первая", day)
    if compact.startswith(("втор", "2", "ii")):
        raise ValueError(S.IMP_CATEGORY_SECOND)
    raise ValueError(S.IMP_BAD_CATEGORY.format(text=text))


# --- experience ------------------------------------------------------------------------

_EXPERIENCE = re.compile(
    r"^(?:(\d+(?:[.,]\d+)?)\s*(?:лет|года?|г\.?|л\.?)?)?\s*(?:(\d+)\s*(?:мес\w*\.?|м\.?))?$")


def parse_experience(value: object) -> tuple[int, int] | None:
    """Experience as (years, months): "12 лет", "12", "1 год", "12 л. 3 мес.", "12,5"."""
    if isinstance(value, bool):
        raise ValueError(S.IMP_BAD_EXPERIENCE.format(text=value))
    if isinstance(value, (int, float)):
        years_float = float(value)
    else:
        text = norm(cell_text(value)).rstrip(". ")
        if not text:
            return None
        if text in ("менее года", "меньше года", "нет", "0"):
            return (0, 0)
        m = _EXPERIENCE.match(text)
        if not m or not (m.group(1) or m.group(2)):
            raise ValueError(S.IMP_BAD_EXPERIENCE.format(text=cell_text(value)))
        months = int(m.group(2) or 0)
        years_float = float((m.group(1) or "0").replace(",", ".")) + months / 12
    if years_float < 0 or years_float > 70:
        raise ValueError(S.IMP_BAD_EXPERIENCE.format(text=cell_text(value)))
    total_months = round(years_float * 12)
    return divmod(total_months, 12)


# --- numbers and short choices ---------------------------------------------------------


def parse_hours(value: object) -> int | None:
    """Hours of a course: 36, "36", "36 ч.", "72 часа"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value <= 0 or not float(value).is_integer():
            raise ValueError(S.IMP_BAD_HOURS.format(text=cell_text(value)))
        return int(value)
    text = norm(cell_text(value))
    if not text:
        return None
    m = re.match(r"^(\d{1,4})\s*(?:ак\.?\s*)?(?:ч\.?|час\w*)?$", text)
    if not m or int(m.group(1)) == 0:
        raise ValueError(S.IMP_BAD_HOURS.format(text=cell_text(value)))
    return int(m.group(1))


def parse_sex(value: object) -> str | None:
    text = norm(cell_text(value)).rstrip(".")
    if not text:
        return None
    if text in ("м", "муж", "мужской", "m"):
        return "м"
    if text in ("ж", "жен", "женский", "f", "w"):
        return "ж"
    raise ValueError(S.IMP_BAD_SEX.format(text=cell_text(value)))


def parse_employment(value: object) -> str | None:
    """"основной", "осн.", "штатный" / "внешний совместитель", "совм.", "внешн."."""
    text = norm(cell_text(value))
    if not text:
        return None
    if "внутр" in text:
        return "основной"
    if "совм" in text or "внеш" in text:
        return "внешний совместитель"
    if text.startswith(("осн", "штат", "постоян")):
        return "основной"
    raise ValueError(S.IMP_BAD_EMPLOYMENT.format(text=cell_text(value)))


def parse_education(value: object) -> tuple[str | None, bool]:
    """Level and whether it is pedagogical: "высшее педагогическое", "ср. проф.", "СПО"."""
    text = norm(cell_text(value))
    if not text:
        return None, False
    pedagogical = "пед" in text
    compact = re.sub(r"[\s.\-]", "", text)
    if compact.startswith(("высш", "во", "вп")) or "бакалавр" in text or "магистр" in text \
            or "специалитет" in text:
        return "высшее", pedagogical
    if compact.startswith(("среднеепроф", "средпроф", "српроф", "спо", "среднееспец",
                           "средспец", "срспец", "спп")):
        return "среднее профессиональное", pedagogical
    if compact.startswith(("среднееобщ", "среднее", "сооп", "соо")):
        return "среднее общее", pedagogical
    raise ValueError(S.IMP_BAD_EDUCATION.format(text=cell_text(value)))


def parse_flag(value: object) -> bool | None:
    text = norm(cell_text(value)).rstrip(".")
    if not text:
        return None
    if text in ("да", "+", "1", "v", "x", "х", "есть", "yes", "true"):
        return True
    if text in ("нет", "0", "no", "false"):
        return False
    raise ValueError(S.IMP_BAD_FLAG.format(text=cell_text(value)))


# --- facts read from other columns -----------------------------------------------------

_PART_TIME = re.compile(
    r"\(?\s*(?:(внешн\w*|внутр\w*)\.?\s*)?(?:совместител\w*|совм\.?(?![а-яё])|"
    r"по\s+совместительству)\s*\)?", re.IGNORECASE)


def employment_in_position(text: str) -> tuple[str, str | None, str]:
    """An employment remark inside a position: "Учитель (внешний совместитель)" →
    ("Учитель", "внешний совместитель", "внешний совместитель"). An internal part-timer
    («внутренний совместитель») works here mainly: «основной»."""
    m = _PART_TIME.search(text)
    if m is None:
        return text, None, ""
    remark = " ".join(m.group(0).strip(" ()").split())
    employment = "основной" if m.group(1) and norm(m.group(1)).startswith("внутр") \
        else "внешний совместитель"
    rest = (text[: m.start()] + " " + text[m.end():]).strip(" ,;")
    return " ".join(rest.split()), employment, remark


_MALE_PARTICLES = ("оглы", "оглу", "улы", "уулу")
_FEMALE_PARTICLES = ("кызы", "гызы", "кизи")


def sex_from_patronymic(middle: str) -> str | None:
    """"м" for -вич / -ич / «оглы», "ж" for -вна / -ична / «кызы»; None when it does not say."""
    words = norm(middle).replace("-", " ").split()
    if not words:
        return None
    if words[-1] in _MALE_PARTICLES:
        return "м"
    if words[-1] in _FEMALE_PARTICLES:
        return "ж"
    if words[0].endswith(("вич", "ич")):
        return "м"
    if words[0].endswith(("вна", "ична")):
        return "ж"
    return None


PEDAGOGICAL_STEMS = V.PEDAGOGICAL_STEMS      # the default; Настройки can change the list


def pedagogical_stem(text: object, stems: tuple[str, ...] | list[str] = PEDAGOGICAL_STEMS
                     ) -> str | None:
    """The first stem found in a qualification or speciality («учитель истории» → «учител»)."""
    low = norm(cell_text(text))
    if not low:
        return None
    for stem in stems:
        stem_low = norm(stem).strip()
        if stem_low and stem_low in low:
            return stem
    return None


# --- positions and subjects ------------------------------------------------------------

_SUBJECT_FORMS = {
    "русский язык": "русский язык", "русского языка": "русский язык",
    "русскому языку": "русский язык",
    "литература": "литература", "литературы": "литература",
    "русская литература": "литература", "литературное чтение": "литература",
    "родной язык": "родной язык", "родного языка": "родной язык",
    "английский язык": "иностранный язык (английский)",
    "английского языка": "иностранный язык (английский)",
    "английский": "иностранный язык (английский)",
    "немецкий язык": "иностранный язык (немецкий)",
    "немецкого языка": "иностранный язык (немецкий)",
    "немецкий": "иностранный язык (немецкий)",
    "математика": "математика", "математики": "математика",
    "алгебра": "алгебра", "алгебры": "алгебра", "геометрия": "геометрия", "геометрии": "геометрия",
    "информатика": "информатика", "информатики": "информатика", "информатика и икт": "информатика",
    "физика": "физика", "физики": "физика", "химия": "химия", "химии": "химия",
    "биология": "биология", "биологии": "биология",
    "география": "география", "географии": "география",
    "история": "история", "истории": "история",
    "обществознание": "обществознание", "обществознания": "обществознание",
    "обзр": "ОБЗР", "обж": "ОБЗР",
    "физическая культура": "физическая культура", "физической культуры": "физическая культура",
    "физкультура": "физическая культура", "физкультуры": "физическая культура",
    "музыка": "музыка", "музыки": "музыка",
    "изо": "изобразительное искусство", "изобразительное искусство": "изобразительное искусство",
    "изобразительного искусства": "изобразительное искусство",
    "технология": "труд (технология)", "технологии": "труд (технология)",
    "труд": "труд (технология)", "труда": "труд (технология)",
    "труд (технология)": "труд (технология)", "труда (технологии)": "труд (технология)",
    "начальные классы": "начальные классы", "начальных классов": "начальные классы",
    "нач. классы": "начальные классы", "нач. классов": "начальные классы",
    "начальная школа": "начальные классы",
    "орксэ": "ОРКСЭ", "однкнр": "ОДНКНР",
}
_SUBJECT_FORMS.update({norm(s): s for s in V.SUBJECTS})


def subject_of(text: str) -> str | None:
    """A known subject written in any usual form (nominative or genitive), or None."""
    key = norm(text).strip(" .")
    return _SUBJECT_FORMS.get(key) or _SUBJECT_FORMS.get(key.replace(". ", "."))


def _as_written(text: str) -> str:
    """An unknown value kept as written: an acronym stays, a capital first letter goes."""
    text = " ".join(text.split()).strip(" .")
    first = re.split(r"[ -]", text)[0]
    if first.isupper() and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


def parse_subjects(value: object) -> list[str]:
    """"Русский язык и литература; история" → ['русский язык', 'литература', 'история']."""
    text = cell_text(value)
    if not text:
        return []
    result: list[str] = []
    for piece in re.split(r"[;,/\n]+", text):
        piece = piece.strip(" .")
        if not piece:
            continue
        known = subject_of(piece)
        parts = [known] if known else [subject_of(p) or _as_written(p)
                                       for p in re.split(r"\s+и\s+", piece) if p.strip()]
        for part in parts:
            if part and part not in result:
                result.append(part)
    return result


_POSITION_ABBREVIATIONS = (
    (r"\bзам\.?\s*дир\w*\.?", "заместитель директора"),
    (r"\bзаместитель директора\w*", "заместитель директора"),
    (r"\bзамдиректора\b", "заместитель директора"),
    (r"\bсоц\.?\s*педагог\b", "социальный педагог"),
    (r"\bсоцпедагог\b", "социальный педагог"),
    (r"\bпедагог\s*доп\.?\s*(образования|обр\.?)", "педагог дополнительного образования"),
    (r"\bпедагог\s*д/о\b", "педагог дополнительного образования"),
    (r"^пдо\b", "педагог дополнительного образования"),
    (r"^психолог\b", "педагог-психолог"),
    (r"^логопед\b", "учитель-логопед"),
    (r"^дефектолог\b", "учитель-дефектолог"),
    (r"\bпреподаватель[- ]организатор\s*(обж|обзр)?", "преподаватель-организатор обзр"),
    (r"^советник\b(\s*директора)?(\s*по\s*воспитанию)?", "советник директора по воспитанию"),
    (r"^библиотекарь\b", "педагог-библиотекарь"),
    (r"\s*-\s*", "-"),
)
_POSITIONS_BY_NORM = sorted(((norm(p), p) for p in V.POSITIONS), key=lambda kv: -len(kv[0]))


def position_of(text: str) -> tuple[str | None, str]:
    """A known position at the start of ``text`` (any usual spelling) and the rest."""
    low = norm(text).strip(" .")
    for pattern, replacement in _POSITION_ABBREVIATIONS:
        low = re.sub(pattern, replacement, low)
    for key, position in _POSITIONS_BY_NORM:
        if low == key or low.startswith(key + " "):
            return position, low[len(key):].strip()
    return None, low


def parse_positions(value: object) -> tuple[list[str], list[str], list[str]]:
    """Positions, the subjects they name and the unknown positions kept as written.

    "Учитель математики, информатики" → (['учитель'], ['математика', 'информатика'], []);
    "зам. директора по УВР; учитель" → (['заместитель директора', 'учитель'], [], []).
    """
    text = cell_text(value)
    positions: list[str] = []
    subjects: list[str] = []
    unknown: list[str] = []
    for piece in re.split(r"[;,/\n]+", text):
        piece = piece.strip(" .")
        if not piece:
            continue
        position, rest = position_of(piece)
        if position is None:
            known = [subject_of(p) for p in re.split(r"\s+и\s+", piece)]
            if positions and all(known):
                subjects += [k for k in known if k]
                continue
            position, rest = _as_written(piece), ""
            unknown.append(position)
        if position not in positions:
            positions.append(position)
        if position == "учитель" and rest:
            subjects += [s for s in parse_subjects(rest.replace(" и ", ";"))]
    return positions, list(dict.fromkeys(subjects)), unknown


# --- training: kinds, forms, free text -------------------------------------------------


def parse_training_kind(value: object) -> str | None:
    text = norm(cell_text(value))
    if not text:
        return None
    compact = re.sub(r"[\s.\-]", "", text)
    if "переподгот" in compact or compact in ("пп", "ппк", "ппп"):
        return "профессиональная переподготовка"
    if "стажир" in compact:
        return "стажировка"
    if "повыш" in compact or compact in ("пк", "кпк", "курсы", "курсыпк"):
        return "повышение квалификации"
    raise ValueError(S.IMP_BAD_TRAINING_KIND.format(text=cell_text(value)))


def parse_training_form(value: object) -> str | None:
    text = norm(cell_text(value))
    if not text:
        return None
    if "очно-заоч" in text or "очно заоч" in text:
        return "очно-заочная"
    if "дистан" in text or "онлайн" in text or "дот" in text.split() or "эо" in text.split():
        return "дистанционная"
    if text.startswith("заоч"):
        return "заочная"
    if text.startswith("очн"):
        return "очная"
    raise ValueError(S.IMP_BAD_TRAINING_FORM.format(text=cell_text(value)))


_TOPIC_WORDS = (
    (r"фгос|фооп|\bфоп\b|обновл\w* стандарт", "ФГОС/ФООП"),
    (r"функциональн\w* грамотн", "функциональная грамотность"),
    (r"воспитан", "воспитание"),
    (r"инклюз|\bовз\b|особыми образовательными", "инклюзия"),
    (r"цифров|\bикт\b|информационно-коммуникац|дистанционн\w* обучен", "цифровая среда"),
    (r"управлен|менеджмент|руководител", "управление"),
    (r"наставни", "наставничество"),
)


def topics_of(text: str) -> list[str]:
    """Topic tags a course title names (ФГОС, функциональная грамотность …)."""
    low = norm(text)
    return [topic for pattern, topic in _TOPIC_WORDS if re.search(pattern, low)]


_HOURS_IN_TEXT = re.compile(
    r"(?:в\s+)?(?:объ[её]м\w*\s+)?(\d{1,4})\s*-?\s*(?:ак(?:адемическ\w*|\.)?\s*)?"
    r"(?:час(?:ов|а)?|ч)\.?(?![а-яёa-z])", re.IGNORECASE)
_RANGE_IN_TEXT = re.compile(
    r"(?:с\s+)?(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\s*(?:г\.?)?\s*(?:-|–|—|по|до)\s*"
    r"(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\s*(?:г\.?)?", re.IGNORECASE)
_SHORT_RANGE_IN_TEXT = re.compile(
    r"(?:с\s+)?(\d{1,2}\.\d{1,2})\s*(?:-|–|—|по|до)\s*(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))"
    r"\s*(?:г\.?)?", re.IGNORECASE)
_ONE_DATE_IN_TEXT = re.compile(r"(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\s*(?:г\.?)?")
_YEARS_IN_TEXT = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?:\s*(?:-|–|—)\s*((?:19|20)\d\d))?(?![\d.])\s*"
    r"(?:гг?\.?|год[ау]?)?(?![а-яё])", re.IGNORECASE)
_PROVIDER_START = re.compile(
    r"^(?:ГАУ|ГБУ|ГАОУ|ГБОУ|ГОАУ|ГОБУ|ОГАУ|ОГБУ|КГАУ|КГБУ|АУ|ФГАОУ|ФГБОУ|ФГАУ|ФГБУ|АНО|ЧОУ|ЧУ|НОУ|"
    r"МАУ|МБУ|МКУ|ЦНППМ\w*|ИРО|ИПК\w*|ИРОСО|КИПК\w*|АПКиППРО|ГИРО|РЦОКО|Академия|Университет|"
    r"Институт|Центр|Инфоурок|Фоксфорд|Учи\.ру|Корпорация|Московский)\b|^ООО\s*[«\"“]")
_TITLE_PREFIX = re.compile(
    r"^(?:курсы повышения квалификации|курсы пк|кпк|курсы|пк|программа|по программе|"
    r"дпп пк|дпп|тема)\s*[:\-–—]?\s*", re.IGNORECASE)


@dataclass
class CourseText:
    """One course read from a free-text description."""

    source: str
    title: str = ""
    provider: str = ""
    hours: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    year: int | None = None          # only the year is known
    kind: str = "повышение квалификации"
    topics: list[str] = field(default_factory=list)

    @property
    def end_day(self) -> dt.date | None:
        """The end date; when only the year is known, 1 January of it: the earliest day
        the year allows, so a course never counts as more recent than it surely is (a
        teacher is not kept off the overdue list by a guessed December)."""
        if self.end is not None:
            return self.end
        return dt.date(self.year, 1, 1) if self.year else None


def _split_courses(text: str) -> list[str]:
    pieces = re.split(r"\s*(?:;|\n|\r)\s*", text)
    result = []
    for piece in pieces:
        piece = re.sub(r"^\s*(?:\d{1,2}[.)]|[-•*])\s+", "", piece).strip()
        if piece:
            result.append(piece)
    return result


def _tidy(text: str) -> str:
    text = re.sub(r"\(\s*[,;.\s]*\)", " ", text)
    text = re.sub(r"\s*([,;])\s*(?:[,;]\s*)+", r"\1 ", text)
    text = " ".join(text.split())
    return text.strip(" ,;:.-–—")


def _course_year(text: str) -> re.Match[str] | None:
    """The year the course was taken, not a year inside its title: «(2022)» and «2022 г.»
    first, then a year standing alone between commas or at either end; «ФГОС ООО 2021:
    36 ч. (2022)» → 2022, «2021, 72 ч.» → 2021, «…, 72 ч., 2023» → 2023."""
    best: tuple[int, int, re.Match[str]] | None = None
    for m in _YEARS_IN_TEXT.finditer(text):
        before = text[: m.start()].rstrip()
        after = text[m.end():].lstrip()
        if before.endswith("(") and after.startswith(")"):
            points = 4
        elif re.search(r"(?:г|год)", m.group(0)[4:].lower()) or m.group(2):
            points = 3
        elif (not before.strip(" ,;.") or before.endswith((",", ";"))) and \
                (not after.strip(" ,;.") or after.startswith((",", ";", "."))):
            points = 2
        elif not after.strip(" ,;.)"):
            points = 1                  # «Курсы по инклюзии 2020»: the year at the end
        elif not before.strip(" ,;.(") and not after.startswith(":"):
            points = 1                  # «2021 ФГОС ООО»: the year at the start
        else:
            continue                    # «ФГОС ООО 2021: …»: part of the title
        if best is None or (points, m.start()) > best[:2]:
            best = (points, m.start(), m)
    return best[2] if best else None


def parse_course(text: str) -> CourseText:
    """One course: "2021, ФГОС ООО, 36 ч", "ГАУ ДПО ИРО «Функциональная грамотность»,
    72 ч., 12.03.2022–25.03.2022", "Переподготовка «Педагог-психолог» 2020 г. 520 ч"."""
    course = CourseText(source=text)
    rest = " " + text + " "
    if m := _HOURS_IN_TEXT.search(rest):
        course.hours = int(m.group(1))
        rest = rest[: m.start()] + " , " + rest[m.end():]
    if m := _RANGE_IN_TEXT.search(rest):
        start = parse_sheet_date(m.group(1))
        end = parse_sheet_date(m.group(2))
        course.start, course.end = (start.day if start else None), (end.day if end else None)
        rest = rest[: m.start()] + " , " + rest[m.end():]
    elif m := _SHORT_RANGE_IN_TEXT.search(rest):
        end = parse_sheet_date(m.group(2))
        course.end = end.day if end else None
        if course.end is not None:
            course.start = parse_date(m.group(1), default_year=course.end.year)
            if course.start and course.start > course.end:
                course.start = course.start.replace(year=course.end.year - 1)
        rest = rest[: m.start()] + " , " + rest[m.end():]
    elif m := _ONE_DATE_IN_TEXT.search(rest):
        end = parse_sheet_date(m.group(1))
        course.end = end.day if end else None
        rest = rest[: m.start()] + " , " + rest[m.end():]
    else:
        m = _course_year(rest)
        if m is not None:
            course.year = max(int(g) for g in m.groups() if g)
            rest = rest[: m.start()] + " , " + rest[m.end():]
    low = norm(text)
    if "переподготов" in low:
        course.kind = "профессиональная переподготовка"
    elif "стажиров" in low:
        course.kind = "стажировка"
    segments = [s.strip() for s in re.split(r",|\s[–—]\s|\s-\s", rest) if s.strip(" .")]
    for index, segment in enumerate(segments):
        if _PROVIDER_START.match(segment.strip(" .«\"")):
            course.provider = _tidy(segments.pop(index))
            break
    remaining = ", ".join(segments)
    quotes = re.findall(r"[«\"“]([^»\"”]{6,})[»\"”]", remaining)
    if quotes:
        course.title = _tidy(max(quotes, key=len))
    else:
        title = _tidy(remaining)
        short = _tidy(_TITLE_PREFIX.sub("", title))
        course.title = short if short and not short.startswith(("по ", "на ")) else title
    course.topics = topics_of(course.title)
    return course


def parse_courses(value: object) -> list[CourseText]:
    """Several courses in one cell, separated by ";" or new lines."""
    text = cell_text(value) if not isinstance(value, str) else value.replace("\u00a0", " ")
    if not text.strip():
        return []
    return [parse_course(piece) for piece in _split_courses(text)]
