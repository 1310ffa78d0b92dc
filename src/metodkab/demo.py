"""Demonstration and stress databases.

``build_demo(path)`` writes a realistic rural school (about 28 teachers) whose dates are
all counted back from "today", so the dashboard always has something to say: people
overdue for training and one about to be, categories expiring within three and six
months, young specialists with and without a mentor, a pair past its planned end and
without an order, an overdue step of an ИОМ, an overdue activity of the programme.

``build_demo(path, staff=N)`` writes a synthetic school of N people for load tests of
the register and the indicators.

Everything comes from ``random.Random(seed)`` and the given day, ids included: the same
seed and day give the same tables. Records go through the pydantic models (so the demo
obeys the same rules as the forms) and into the database with one ``insert_many``. The
file is built under a temporary name beside ``path`` and renamed at the end, so a
failure never leaves half a database behind.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TypeVar

from metodkab import strings as S
from metodkab.clock import Clock
from metodkab.domain.models import (
    Achievement,
    ActivityPostponement,
    Association,
    ConformityAttestation,
    Deficit,
    Diagnostic,
    IndicatorTarget,
    IndividualRoute,
    Mentorship,
    MentorshipEvent,
    Programme,
    ProgrammeActivity,
    ProgrammeTask,
    QualificationCategory,
    Record,
    RouteStep,
    School,
    ShortLearning,
    Staff,
    TargetIndicator,
    Training,
)
from metodkab.domain.parse import add_months, add_years
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.storage.files import move_into_place
from metodkab.storage.settings import set_settings

# Categories decided before this day keep their five-year term; later ones are indefinite.
INDEFINITE_FROM = dt.date(2023, 9, 1)
DAY = dt.timedelta(days=1)
CACHE_KIB = 64 * 1024   # page cache while building (a maximum, used as pages are touched)
R = TypeVar("R", bound=Record)

# The order records go to the database: every record after those it refers to.
TABLE_ORDER = (School, Staff, Association, QualificationCategory, ConformityAttestation,
               Diagnostic, Deficit, Training, Mentorship, MentorshipEvent, IndividualRoute,
               ShortLearning, RouteStep, Achievement, Programme, ProgrammeTask, ProgrammeActivity,
               ActivityPostponement, TargetIndicator, IndicatorTarget)


def build_demo(path: Path, *, staff: int | None = None, seed: int = 2026,
               today: dt.date | None = None, wall_time: bool | None = None) -> None:
    """Create a new database at ``path``: the demo school, or a synthetic one of ``staff``.

    Each record's history starts with «демонстрационные данные», stamped with the real
    time of the build (``wall_time``, the default when ``today`` is not given) or, for
    tests, 12:00 of ``today``."""
    path = Path(path)
    if wall_time is None:
        wall_time = today is None
    today = today or dt.date.today()
    gen = _Generator(seed, today)
    # Tens of thousands of records and no reference cycles among them: the cyclic
    # collector would only rescan them over and over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        settings: dict[str, str] = {}
        if staff is None:
            _DemoSchool(gen).build()
            settings = {"user_name": "Морозова Е. Н.", **demo_document_settings(gen.today)}
        else:
            _StressSchool(gen, staff).build()
            settings = {"user_name": "Заместитель директора"}
        _write(path, gen, settings, Clock(gen.today, wall_time=wall_time))
    finally:
        if collecting:
            gc.enable()


# --- writing the file -------------------------------------------------------------------


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove(*paths: Path) -> None:
    for p in paths:
        with suppress(FileNotFoundError):
            p.unlink()


def demo_document_settings(today: dt.date) -> dict[str, str]:
    """Настройки «Документы для печати» of the demo school: where its documents are issued
    and the order that approved its Положение о наставничестве (the programme's activity
    2.1, due 30 September of the programme's first year)."""
    return {"doc_place": "с. Берёзовка", "mentorship_rule_number": "112-о",
            "mentorship_rule_date": dt.date(today.year - 1, 9, 30).isoformat()}


def _write(path: Path, gen: _Generator, settings: dict[str, str], clock: Clock) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _remove(tmp, *_sidecars(tmp))
    try:
        store = open_store(tmp, clock=clock, exclusive=False)
        try:
            conn = store.db.conn
            # The temporary file only becomes the database once complete (the rename
            # below), so it needs neither WAL nor an fsync per transaction: a rollback
            # journal writes each page once (WAL would write it twice, then checkpoint),
            # and leaves one complete file; the finished file is synced once.
            with store.db.ensure_autocommit_on():
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = OFF")
            # Room for the whole build in the page cache: with the default 2 MB, SQLite
            # spills dirty pages mid-transaction, and on glibc that spill path made the
            # 5,000-staff build up to 2.5 times slower (the heap trimmed and re-faulted).
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # Loaded by nobody in particular: the demo's own user is set only after.
            repo.insert_many(store, gen.records(), audit_note=S.DEMO_AUDIT_NOTE,
                             make_id=gen.new_id, history=True)
            set_settings(store, settings)
        finally:
            store.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        # A stale -wal beside the target would be replayed into the new file: drop it.
        _remove(*_sidecars(path))
        move_into_place(tmp, path)
    finally:
        _remove(tmp, *_sidecars(tmp))


# --- the generator: random streams, dates, record collection ----------------------------


class _Random(random.Random):
    """``random.Random`` whose randint and choice take one ``random()`` call each.

    The stress school makes a few hundred thousand draws; the standard methods (rejection
    sampling on getrandbits) take a noticeable share of its build time.
    """

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):  # type: ignore[override]
        return seq[int(self.random() * len(seq))]


# The bits of a version-4 UUID: version nibble and RFC 4122 variant.
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)
# Ids are drawn this many at a time: one getrandbits(128 * n) gives the same bits as n
# calls of getrandbits(128) (CPython fills the number 32 bits at a time from the low end).
_ID_BLOCK = 512
_BLOCK_CLEAR = int.from_bytes(
    (_UUID_CLEAR & ((1 << 128) - 1)).to_bytes(16, "little") * _ID_BLOCK, "little")
_BLOCK_SET = int.from_bytes(_UUID_SET.to_bytes(16, "little") * _ID_BLOCK, "little")


class _Generator:
    """Seeded randomness, dates counted from today, and the records built so far."""

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = _Random(seed)
        self._ids = random.Random(f"metodkab-ids-{seed}")
        self._id_block: list[str] = []
        self.today = today
        self._records: dict[type[Record], list[Record]] = {m: [] for m in TABLE_ORDER}

    def new_id(self) -> str:
        """A random (version 4) UUID drawn from the seeded stream: same seed, same ids.

        The same text as ``str(uuid.UUID(int=n, version=4))`` for each ``getrandbits(128)``
        n, built without the UUID object, a block of them at a time (the stress school
        needs some 45,000).
        """
        if not self._id_block:
            bits = (self._ids.getrandbits(128 * _ID_BLOCK) & _BLOCK_CLEAR) | _BLOCK_SET
            h = f"{bits:0{32 * _ID_BLOCK}x}"
            # the lowest 128 bits (the first id drawn) are the last 32 digits: the block
            # is built last id first, so pop() hands them out in the order drawn
            self._id_block = [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-"
                              f"{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
                              for i in range(0, 32 * _ID_BLOCK, 32)]
        return self._id_block.pop()

    def add(self, record: R) -> R:
        self._records[type(record)].append(record)
        return record

    def records(self) -> list[Record]:
        return [r for model in TABLE_ORDER for r in self._records[model]]

    def of(self, model: type[Record]) -> list[Record]:
        return self._records[model]

    # dates

    def ago(self, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
        day = add_months(self.today, -(12 * years + months)) if years or months else self.today
        return day - days * DAY

    def ahead(self, months: int = 0, days: int = 0) -> dt.date:
        return add_months(self.today, months) + days * DAY

    def school_year(self, back: int = 0) -> dt.date:
        """1 September of the current school year, or of ``back`` years before."""
        year = self.today.year if self.today.month >= 9 else self.today.year - 1
        return dt.date(year - back, 9, 1)

    def birth(self, age: int) -> dt.date:
        """A birthday that makes the person ``age`` years old today."""
        return add_years(self.today, -age) - self.rng.randint(10, 350) * DAY

    def jitter(self, day: dt.date, spread: int) -> dt.date:
        return day - self.rng.randint(0, spread) * DAY

    def doc_number(self) -> str:
        return str(self.rng.randint(10**11, 10**12 - 1))


def _category_valid_until(decision: dt.date) -> dt.date | None:
    return add_years(decision, 5) if decision < INDEFINITE_FROM else None


# --- courses ------------------------------------------------------------------------------

PROVIDERS = {
    "academy": ("ФГАОУ ДПО «Академия Минпросвещения России»", "государственная",
                ("дистанционная", "дистанционная", "очно-заочная")),
    "iro": ("ГАУ ДПО «Институт развития образования»", "государственная",
            ("очно-заочная", "очная", "дистанционная")),
    "cnppm": ("ЦНППМ ГАУ ДПО «Институт развития образования»", "государственная",
              ("очная", "очно-заочная")),
    "imc": ("МКУ «Информационно-методический центр» Берёзовского района", "муниципальная",
            ("очная",)),
    "infourok": ("ООО «Инфоурок»", "иная", ("дистанционная",)),
    "ciov": ("ООО «Центр инновационного образования и воспитания»", "иная", ("дистанционная",)),
    "rdc": ("ФГБУ «Российский детско-юношеский центр»", "государственная", ("дистанционная",)),
    "ikp": ("ФГБНУ «Институт коррекционной педагогики»", "государственная",
            ("дистанционная", "очно-заочная")),
}


class Course(NamedTuple):
    title: str
    provider: str
    hours: int
    topics: tuple[str, ...]
    since: int                 # first year the programme ran
    track: str                 # who takes it: "общие", a subject group or a role
    federal: bool = False      # in the federal register of ДПП
    management: bool = False
    kind: str = "повышение квалификации"


COURSES = (
    # the federal register (Академия Минпросвещения and others)
    Course("Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя", "academy",
           36, ("ФГОС/ФООП",), 2021, "общие", federal=True),
    Course("Школа современного учителя. Развитие читательской грамотности", "academy", 72,
           ("функциональная грамотность",), 2020, "общие", federal=True),
    Course("Школа современного учителя. Развитие математической грамотности", "academy", 72,
           ("функциональная грамотность",), 2020, "математика", federal=True),
    Course("Школа современного учителя. Развитие естественно-научной грамотности", "academy", 72,
           ("функциональная грамотность",), 2020, "естественные", federal=True),
    Course("Школа современного учителя математики: достижения российской науки", "academy", 72,
           ("предметная подготовка",), 2022, "математика", federal=True),
    Course("Школа современного учителя русского языка и литературы: достижения российской науки",
           "academy", 72, ("предметная подготовка",), 2022, "русский", federal=True),
    Course("Реализация требований ФООП НОО в работе учителя начальных классов", "academy", 36,
           ("ФГОС/ФООП",), 2023, "начальные", federal=True),
    Course("Реализация ФООП ООО: содержание и организация образовательного процесса", "academy",
           36, ("ФГОС/ФООП",), 2023, "общие", federal=True),
    Course("«Разговоры о важном»: система работы классного руководителя (куратора)", "academy",
           36, ("воспитание",), 2022, "общие", federal=True),
    Course("Организация образования обучающихся с ОВЗ в соответствии с ФАОП", "academy", 36,
           ("инклюзия",), 2023, "общие", federal=True),
    Course("Цифровые образовательные ресурсы ФГИС «Моя школа» в работе учителя", "academy", 36,
           ("цифровая среда",), 2023, "общие", federal=True),
    Course("Использование оборудования центров «Точка роста» на уроках естественно-научного цикла",
           "academy", 36, ("цифровая среда", "предметная подготовка"), 2021, "естественные",
           federal=True),
    Course("Наставничество в образовательной организации: программы и практики", "academy", 36,
           ("наставничество",), 2022, "общие", federal=True),
    Course("Преподавание учебного предмета «Основы безопасности и защиты Родины»", "academy", 72,
           ("предметная подготовка",), 2024, "обзр", federal=True),
    Course("Преподавание предметной области «Труд (технология)» по ФООП", "academy", 72,
           ("ФГОС/ФООП", "предметная подготовка"), 2024, "обзр", federal=True),
    Course("Введение обновлённых ФГОС общего образования: управленческий аспект", "academy", 36,
           ("управление", "ФГОС/ФООП"), 2021, "управление", federal=True, management=True),
    Course("Школа Минпросвещения России: новые возможности для повышения качества образования",
           "academy", 72, ("управление",), 2023, "управление", federal=True, management=True),
    Course("Деятельность советника директора по воспитанию и взаимодействию с детскими "
           "общественными объединениями", "rdc", 72, ("воспитание",), 2022, "советник",
           federal=True),
    # the regional institute and its ЦНППМ
    Course("Формирование и оценка функциональной грамотности обучающихся", "iro", 36,
           ("функциональная грамотность",), 2019, "общие"),
    Course("Инклюзивное образование обучающихся с ОВЗ в условиях реализации ФГОС", "iro", 72,
           ("инклюзия",), 2016, "общие"),
    Course("Организация воспитательной работы по федеральной рабочей программе воспитания", "iro",
           36, ("воспитание",), 2023, "общие"),
    Course("Подготовка экспертов предметных комиссий ГИА-9", "iro", 36,
           ("предметная подготовка",), 2018, "общие"),
    Course("Управление качеством образования в общеобразовательной организации", "iro", 72,
           ("управление",), 2018, "управление", management=True),
    Course("Управление воспитательной системой школы", "iro", 36, ("управление", "воспитание"),
           2019, "управление", management=True),
    Course("Психолого-педагогическое сопровождение обучающихся в условиях реализации ФГОС", "iro",
           72, ("психолого-педагогическая",), 2018, "психолог"),
    Course("Кризисная психология: работа педагога-психолога в образовательной организации", "iro",
           36, ("психолого-педагогическая",), 2019, "психолог"),
    Course("Современные образовательные технологии в начальной школе в условиях ФГОС НОО", "iro",
           72, ("ФГОС/ФООП",), 2018, "начальные"),
    Course("Методика подготовки обучающихся к ОГЭ и ЕГЭ по математике", "iro", 36,
           ("предметная подготовка",), 2018, "математика"),
    Course("Методика подготовки обучающихся к ОГЭ и ЕГЭ по русскому языку", "iro", 36,
           ("предметная подготовка",), 2018, "русский"),
    Course("Современные подходы к преподаванию истории и обществознания", "iro", 72,
           ("предметная подготовка",), 2018, "история"),
    Course("Преподавание ОРКСЭ и ОДНКНР в соответствии с ФООП", "iro", 36,
           ("ФГОС/ФООП",), 2023, "история"),
    Course("Преподавание иностранного языка в условиях обновлённых ФГОС", "iro", 72,
           ("ФГОС/ФООП", "предметная подготовка"), 2021, "иностранный"),
    Course("Физическая культура в школе: реализация ВФСК «ГТО»", "iro", 36,
           ("предметная подготовка",), 2018, "физкультура"),
    Course("Профилактика деструктивного поведения несовершеннолетних", "iro", 36,
           ("воспитание",), 2019, "соцпедагог"),
    Course("Коррекционно-развивающая работа учителя-логопеда с обучающимися с ОВЗ", "iro", 72,
           ("инклюзия",), 2018, "логопед"),
    Course("Логопедическая работа с обучающимися с тяжёлыми нарушениями речи", "ikp", 72,
           ("инклюзия",), 2018, "логопед"),
    Course("Профессиональные дефициты педагога: от диагностики к индивидуальному маршруту",
           "cnppm", 36, ("наставничество",), 2021, "общие"),
    Course("Критериальное оценивание образовательных результатов", "cnppm", 36,
           ("ФГОС/ФООП",), 2021, "общие"),
    Course("Эффективное взаимодействие с родителями обучающихся", "cnppm", 16,
           ("воспитание",), 2021, "общие"),
    # the municipality
    Course("Конструктор рабочих программ: проектирование рабочих программ по ФООП", "imc", 16,
           ("ФГОС/ФООП",), 2023, "общие"),
    Course("Оценка образовательных результатов: ВПР и ОГЭ в школе", "imc", 16,
           ("предметная подготовка",), 2018, "общие"),
    # private providers
    Course("Организация работы с обучающимися с ОВЗ в соответствии с ФГОС", "infourok", 72,
           ("инклюзия",), 2017, "общие"),
    Course("Классное руководство и воспитательная работа в условиях реализации ФГОС", "infourok",
           108, ("воспитание",), 2017, "общие"),
    Course("Методика преподавания музыки и изобразительного искусства в условиях ФГОС",
           "infourok", 72, ("предметная подготовка",), 2017, "искусство"),
    Course("Информационно-коммуникационные технологии в работе педагога", "ciov", 36,
           ("цифровая среда",), 2017, "общие"),
    Course("Методика обучения информатике в основной школе", "ciov", 72,
           ("предметная подготовка",), 2017, "математика"),
)
COURSE = {c.title: c for c in COURSES}
COURSE_DAYS = {16: 3, 36: 14, 72: 30, 108: 45}   # how long a course of so many hours lasts
RETRAINING = Course("Педагогическое образование: учитель информатики", "infourok", 300,
                    ("предметная подготовка",), 2015, "математика",
                    kind="профессиональная переподготовка")

SUBJECT_TRACKS = {
    "начальные классы": "начальные", "ОРКСЭ": "история", "ОДНКНР": "история",
    "русский язык": "русский", "литература": "русский", "родной язык": "русский",
    "математика": "математика", "алгебра": "математика", "геометрия": "математика",
    "информатика": "математика",
    "физика": "естественные", "химия": "естественные", "биология": "естественные",
    "география": "естественные",
    "история": "история", "обществознание": "история",
    "иностранный язык (английский)": "иностранный", "иностранный язык (немецкий)": "иностранный",
    "физическая культура": "физкультура", "ОБЗР": "обзр", "труд (технология)": "обзр",
    "музыка": "искусство", "изобразительное искусство": "искусство",
}
POSITION_TRACKS = {
    "педагог-психолог": "психолог", "социальный педагог": "соцпедагог",
    "учитель-логопед": "логопед", "учитель-дефектолог": "логопед",
    "советник директора по воспитанию": "советник", "преподаватель-организатор ОБЗР": "обзр",
}


class _Courses:
    """Picks plausible courses for a person: their subjects and role first, general ones too."""

    def __init__(self, gen: _Generator) -> None:
        self.gen = gen
        self._pools: dict[tuple[str, ...], list[Course]] = {}

    def pool(self, tracks: tuple[str, ...]) -> list[Course]:
        found = self._pools.get(tracks)
        if found is None:
            own = [c for c in COURSES if c.track in tracks and not c.management]
            common = [c for c in COURSES if c.track == "общие"]
            found = self._pools[tracks] = own * 2 + common   # their own field twice as likely
        return found

    def pick(self, tracks: tuple[str, ...], end: dt.date, taken: set[str]) -> Course:
        pool = self.pool(tracks)
        for _ in range(12):
            course = self.gen.rng.choice(pool)
            if course.since <= end.year and course.title not in taken:
                return course
        return COURSE["Формирование и оценка функциональной грамотности обучающихся"]

    def training(self, staff_id: str, course: Course, end: dt.date, *,
                 by_diagnostics: bool = False, deficit_ids: Sequence[str] = ()) -> Training:
        rng = self.gen.rng
        provider, ownership, forms = PROVIDERS[course.provider]
        days = COURSE_DAYS.get(course.hours, 150)
        start = end - rng.randint(days // 2 + 1, days + 1) * DAY
        retraining = course.kind == "профессиональная переподготовка"
        return Training(
            id=self.gen.new_id(), staff_id=staff_id, title=course.title, provider=provider,
            provider_ownership=ownership, kind=course.kind, hours=course.hours,
            form=rng.choice(forms), start_date=start, end_date=end,
            doc_kind="диплом" if retraining else "удостоверение",
            doc_number=self.gen.doc_number(), doc_date=end,
            federal_register=course.federal, by_diagnostics=by_diagnostics,
            management=course.management, topics=list(course.topics),
            deficit_ids=list(deficit_ids))


def tracks_of(positions: Sequence[str], subjects: Sequence[str]) -> tuple[str, ...]:
    found = {SUBJECT_TRACKS[s] for s in subjects if s in SUBJECT_TRACKS}
    found |= {POSITION_TRACKS[p] for p in positions if p in POSITION_TRACKS}
    return tuple(sorted(found)) or ("общие",)


# --- the demo school ------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One member of the demo staff; dates are counted back from today."""

    key: str
    name: str                      # Фамилия Имя Отчество
    sex: str
    age: int
    ped: int                       # pedagogical experience began this many school years ago
    hired: int                     # hired this many school years ago
    positions: tuple[str, ...]
    subjects: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()   # association keys
    training: str = "regular"      # regular | overdue | soon | young | none
    education: str = "высшее"
    pedagogical: bool = True
    employment: str = "основной"
    management: bool = False
    dismissed_months_ago: int | None = None
    notes: str = ""


T, D, DIR = "учитель", "заместитель директора", "директор"
PEOPLE = (
    # management team
    Person("sokolov", "Соколов Андрей Викторович", "м", 54, 31, 24, (DIR, T),
           ("история", "обществознание"), ("hum",), management=True),
    Person("morozova", "Морозова Елена Николаевна", "ж", 48, 25, 25, (D, T),
           ("русский язык", "литература"), ("hum", "council"), management=True,
           notes="Заместитель директора по учебно-воспитательной работе"),
    Person("kuznetsova", "Кузнецова Ольга Петровна", "ж", 45, 22, 15, (D, T),
           ("география",), ("nat", "council"), management=True,
           notes="Заместитель директора по воспитательной работе"),
    # specialists
    Person("belova", "Белова Анастасия Сергеевна", "ж", 31, 8, 6, ("педагог-психолог",),
           groups=("council",)),
    Person("grigorieva", "Григорьева Татьяна Владимировна", "ж", 50, 24, 12,
           ("социальный педагог",)),
    Person("pavlov", "Павлов Никита Андреевич", "м", 24, 1, 1,
           ("советник директора по воспитанию",), training="young",
           notes="Молодой специалист; наставник пока не назначен"),
    Person("zaitseva", "Зайцева Марина Юрьевна", "ж", 42, 18, 10, ("учитель-логопед",),
           groups=("primary",)),
    # primary school
    Person("smirnova", "Смирнова Галина Ивановна", "ж", 63, 43, 38, (T,), ("начальные классы",),
           ("primary",), education="среднее профессиональное",
           notes="Окончила Берёзовское педагогическое училище; пенсионер по возрасту"),
    Person("volkova", "Волкова Ирина Александровна", "ж", 46, 24, 20, (T,),
           ("начальные классы",), ("primary", "council")),
    Person("lebedeva", "Лебедева Светлана Михайловна", "ж", 39, 16, 9, (T,),
           ("начальные классы",), ("primary",)),
    Person("nikolaeva", "Николаева Дарья Олеговна", "ж", 23, 0, 0, (T,), ("начальные классы",),
           ("primary",), training="young", education="среднее профессиональное",
           notes="Молодой специалист; обучается заочно в педагогическом университете"),
    Person("fedorova", "Фёдорова Наталья Геннадьевна", "ж", 52, 29, 27, (T,),
           ("начальные классы", "ОРКСЭ"), ("primary",)),
    # humanities
    Person("orlova", "Орлова Людмила Васильевна", "ж", 57, 34, 30, (T,),
           ("русский язык", "литература"), ("hum", "council")),
    Person("kozlova", "Козлова Юлия Дмитриевна", "ж", 27, 2, 2, (T,),
           ("русский язык", "литература"), ("hum",), training="young"),
    Person("semenova", "Семёнова Екатерина Алексеевна", "ж", 35, 12, 8, (T,),
           ("иностранный язык (английский)",), ("hum",)),
    Person("polyakova", "Полякова Ксения Андреевна", "ж", 32, 9, 0, (T,),
           ("иностранный язык (английский)",), ("hum",),
           notes="Принята на место уволившейся учительницы; прежде работала в г. Энске"),
    Person("egorova", "Егорова Анна Викторовна", "ж", 26, 2, 2, (T,),
           ("иностранный язык (английский)", "иностранный язык (немецкий)"), ("hum",),
           training="young"),
    Person("vasiliev", "Васильев Сергей Николаевич", "м", 58, 35, 33, (T,),
           ("история", "обществознание", "ОДНКНР"), ("hum",), training="overdue"),
    Person("zakharova", "Захарова Людмила Николаевна", "ж", 50, 27, 19, (T,),
           ("музыка", "изобразительное искусство"), ("hum",), training="overdue"),
    # sciences and mathematics
    Person("makarova", "Макарова Оксана Игоревна", "ж", 44, 21, 21, (T,),
           ("математика", "алгебра", "геометрия"), ("nat", "council")),
    Person("andreev", "Андреев Дмитрий Павлович", "м", 33, 9, 4, (T,),
           ("математика", "информатика"), ("nat",)),
    Person("tikhonova", "Тихонова Елена Анатольевна", "ж", 49, 26, 14, (T,), ("физика",),
           ("nat",)),
    Person("kovaleva", "Ковалёва Надежда Петровна", "ж", 61, 38, 35, (T,), ("химия", "биология"),
           ("nat",), training="overdue"),
    Person("stepanova", "Степанова Ольга Викторовна", "ж", 40, 17, 11, (T,),
           ("биология", "география"), ("nat",), training="soon"),
    Person("frolov", "Фролов Алексей Иванович", "м", 37, 14, 14, (T,), ("физическая культура",),
           ("nat",)),
    Person("nikitin", "Никитин Виктор Степанович", "м", 55, 30, 16,
           ("преподаватель-организатор ОБЗР", T), ("ОБЗР", "труд (технология)"), ("nat",),
           training="overdue", education="высшее", pedagogical=False,
           notes="Высшее техническое образование; офицер запаса"),
    # external part-timers
    Person("medvedev", "Медведев Игорь Олегович", "м", 29, 6, 3, (T,), ("физическая культура",),
           ("nat",), training="none", employment="внешний совместитель",
           notes="Основное место работы — ДЮСШ Берёзовского района"),
    Person("romanova", "Романова Вера Александровна", "ж", 38, 13, 2, (T,), ("информатика",),
           ("nat",), employment="внешний совместитель",
           notes="Основное место работы — МБОУ «Сосновская СОШ»"),
    # dismissed
    Person("kiseleva", "Киселёва Мария Андреевна", "ж", 34, 10, 5, (T,),
           ("иностранный язык (английский)",), ("hum",), dismissed_months_ago=5,
           notes="Уволена по собственному желанию в связи с переездом"),
)

ASSOCIATIONS = (
    ("primary", "ШМО учителей начальных классов", "ШМО", "volkova"),
    ("hum", "ШМО учителей гуманитарного цикла", "ШМО", "orlova"),
    ("nat", "ШМО учителей естественно-математического цикла", "ШМО", "makarova"),
    ("council", "Методический совет", "методический совет", "morozova"),
)

# (person, category, position, months since the decision): the term follows
# INDEFINITE_FROM, except the first three, which keep a five-year term whatever today is,
# so that the dashboard always has categories expiring within three and six months.
EXPIRING = 3
CATEGORIES = (
    ("sokolov", "высшая", T, 55),       # ends in about 5 months
    ("kuznetsova", "первая", T, 58),    # ends in about 2 months
    ("lebedeva", "первая", T, 56),      # ends in about 4 months
    ("smirnova", "высшая", T, 48),
    ("fedorova", "первая", T, 40),
    ("kovaleva", "высшая", T, 44),
    ("kiseleva", "первая", T, 70),
    ("morozova", "высшая", T, 26),
    ("volkova", "высшая", T, 30),
    ("orlova", "высшая", T, 20),
    ("semenova", "первая", T, 14),
    ("makarova", "высшая", T, 38),
    ("makarova", "педагог-наставник", T, 11),
    ("andreev", "первая", T, 10),
    ("zakharova", "первая", T, 33),
    ("zaitseva", "первая", "учитель-логопед", 18),
)

# Conformity attestations (СЗД) of those without a category: (person, months ago).
CONFORMITY = (("vasiliev", 62), ("tikhonova", 14), ("belova", 28), ("grigorieva", 45),
              ("stepanova", 36), ("nikitin", 22), ("frolov", 50))

# Deficits found by the ЦНППМ diagnostic last year: (person, area, description, status).
DEFICITS = (
    ("kozlova", "методическая",
     "Затруднения в проектировании урока в соответствии с требованиями обновлённого ФГОС",
     "в работе"),
    ("kozlova", "коммуникативная", "Затруднения во взаимодействии с родителями обучающихся",
     "выявлен"),
    ("egorova", "методическая",
     "Затруднения в формировании читательской грамотности на уроках иностранного языка",
     "в работе"),
    ("andreev", "предметная",
     "Затруднения в решении заданий повышенного уровня сложности по геометрии", "устранён"),
    ("tikhonova", "цифровая",
     "Недостаточное владение сервисами ФГИС «Моя школа» и цифровыми образовательными ресурсами",
     "в работе"),
    ("lebedeva", "методическая",
     "Затруднения в формировании математической грамотности младших школьников", "устранён"),
    ("semenova", "предметная", "Недостаточное знание содержания ФООП по иностранному языку",
     "устранён"),
    ("frolov", "психолого-педагогическая",
     "Затруднения в организации работы с обучающимися с ОВЗ на уроках физической культуры",
     "в работе"),
    ("fedorova", "цифровая", "Затруднения в использовании электронного журнала и ЦОР",
     "устранён"),
    ("stepanova", "психолого-педагогическая",
     "Затруднения в работе с обучающимися с трудностями в обучении", "выявлен"),
    ("zakharova", "методическая", "Затруднения в применении критериального оценивания",
     "выявлен"),
)

# Courses chosen by the diagnostic: (person, course, months before today it ended).
BY_DIAGNOSTICS = (
    ("kozlova", "Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя", 3),
    ("egorova", "Школа современного учителя. Развитие читательской грамотности", 5),
    ("andreev", "Школа современного учителя математики: достижения российской науки", 8),
    ("tikhonova", "Цифровые образовательные ресурсы ФГИС «Моя школа» в работе учителя", 4),
    ("lebedeva", "Школа современного учителя. Развитие математической грамотности", 7),
    ("semenova", "Реализация ФООП ООО: содержание и организация образовательного процесса", 6),
    ("frolov", "Организация образования обучающихся с ОВЗ в соответствии с ФАОП", 2),
    ("fedorova", "Информационно-коммуникационные технологии в работе педагога", 6),
)

MANAGEMENT_COURSES = (
    ("sokolov", "Школа Минпросвещения России: новые возможности для повышения качества "
                "образования", 9),
    ("morozova", "Введение обновлённых ФГОС общего образования: управленческий аспект", 26),
    ("kuznetsova", "Управление воспитательной системой школы", 14),
)

# Functional-literacy diagnostic this autumn: (person, percent).
FL_SCORES = (("volkova", 82.0), ("lebedeva", 74.0), ("nikolaeva", 58.0), ("fedorova", 66.0),
             ("orlova", 78.0), ("kozlova", 61.0), ("makarova", 88.0), ("andreev", 71.0),
             ("tikhonova", 54.0), ("egorova", 69.5))

# A year of methodical work: (person, kind, level, months ago, title, result, organiser,
# evidence). The result is for contests; the evidence is a document number or a file the
# school keeps (the app stores the path, never the file).
ACHIEVEMENTS = (
    ("volkova", "мастер-класс", "муниципальный", 7,
     "Смысловое чтение на уроках литературного чтения", "", "ИМЦ Берёзовского района",
     "сертификат № 112"),
    ("makarova", "конкурс профмастерства", "региональный", 10, "Учитель года — 2026",
     "лауреат", "Министерство образования Энской области", "диплом лауреата № 37"),
    ("makarova", "публикация", "всероссийский", 4,
     "Задачи с практическим содержанием в 5–6 классах: формирование математической грамотности",
     "", "журнал «Математика в школе»", "статья в сборнике, с. 41–45"),
    ("andreev", "конкурс профмастерства", "муниципальный", 9, "Учитель года", "победитель",
     "Управление образования Берёзовского района", "диплом I степени"),
    ("orlova", "обобщение опыта", "муниципальный", 11,
     "Система подготовки к итоговому сочинению в сельской школе", "", "ИМЦ Берёзовского района",
     "опыт внесён в банк ИМЦ"),
    ("kozlova", "открытый урок", "школьный", 2, "Открытый урок литературы в 6 классе", "",
     "МБОУ «Берёзовская СОШ»", ""),
    ("belova", "выступление", "региональный", 6,
     "Психологическая безопасность образовательной среды сельской школы", "",
     "ИРО Энской области", "сертификат участника"),
    ("pavlov", "конкурс профмастерства", "всероссийский", 3, "Навигаторы детства", "участник",
     "Росдетцентр", "сертификат участника"),
    ("morozova", "публикация", "региональный", 8,
     "Диагностика профессиональных дефицитов как основа ИОМ педагога", "",
     "ИРО Энской области", "статья в журнале ИРО, № 3"),
    ("lebedeva", "открытый урок", "муниципальный", 5,
     "Формирование математической грамотности во 2 классе", "", "ИМЦ Берёзовского района",
     "диплом"),
    ("nikitin", "выступление", "муниципальный", 1,
     "Военно-патриотическое воспитание на уроках ОБЗР", "", "ИМЦ Берёзовского района", ""),
    ("zaitseva", "мастер-класс", "школьный", 8, "Артикуляционная гимнастика для родителей", "",
     "МБОУ «Берёзовская СОШ»", ""),
    ("semenova", "публикация", "всероссийский", 9,
     "Разработка урока английского языка по теме «My Village»", "", "infourok.ru",
     "свидетельство о публикации № ДБ-1234567"),
    ("smirnova", "обобщение опыта", "школьный", 11,
     "Сорок лет в начальной школе: формирование навыка чтения", "", "МБОУ «Берёзовская СОШ»",
     ""),
    ("tikhonova", "открытый урок", "школьный", 1,
     "Лабораторная работа с цифровой лабораторией «Точки роста»", "", "МБОУ «Берёзовская СОШ»",
     ""),
    ("egorova", "конкурс профмастерства", "муниципальный", 3, "Педагогический дебют", "призёр",
     "Управление образования Берёзовского района", "диплом II степени"),
    ("fedorova", "мастер-класс", "муниципальный", 4,
     "Интерактивная тетрадь на уроках истории", "", "ИМЦ Берёзовского района",
     "сертификат № 87"),
)

# Seminars entered once for all their speakers (group entry): (kind, level, months ago,
# title, organiser, speakers).
ACHIEVEMENT_GROUPS = (
    ("выступление", "школьный", 3, "Педсовет-семинар «Функциональная грамотность: от "
     "диагностики к уроку»", "МБОУ «Берёзовская СОШ»", ("volkova", "lebedeva", "tikhonova")),
    ("выступление", "муниципальный", 6, "Августовская конференция педагогов района, секция "
     "начальных классов", "Управление образования Берёзовского района",
     ("smirnova", "zakharova")),
)

# Short learning (самообразование) over the year: (person, kind, months ago, title,
# platform, hours). A week of webinars of the «Флагманское движение» is several records.
SHORT_LEARNING = (
    ("kozlova", "вебинар", 1, "Флагманские программы: читательская грамотность, занятие 1",
     "Канал Просвещения (Учитель.Клуб)", 1.5),
    ("kozlova", "вебинар", 1, "Флагманские программы: читательская грамотность, занятие 2",
     "Канал Просвещения (Учитель.Клуб)", 1.5),
    ("kozlova", "вебинар", 1, "Флагманские программы: читательская грамотность, занятие 3",
     "Канал Просвещения (Учитель.Клуб)", 1.5),
    ("nikolaeva", "онлайн-курс", 2, "Первые шаги в профессии: классное руководство",
     "Академия Минпросвещения России", 12),
    ("nikolaeva", "лекция", 1, "Как провести первое родительское собрание",
     "Канал Просвещения", 1),
    ("egorova", "семинар", 2, "Проектирование урока по ФГОС ООО", "ИМЦ Берёзовского района", 4),
    ("pavlov", "вебинар", 5, "Движение Первых: работа советника в сельской школе",
     "Росдетцентр", 2),
    ("volkova", "лекция", 6, "Смысловое чтение: приёмы работы с текстом", "Канал Просвещения",
     1.5),
    ("belova", "вебинар", 7, "Буллинг в школе: профилактика и действия педагога",
     "ИРО Энской области", 2),
    ("makarova", "онлайн-курс", 8, "Задачи PISA на уроках математики",
     "Сферум", 8),
    ("tikhonova", "семинар", 3, "Оборудование «Точки роста» на уроках физики",
     "ИМЦ Берёзовского района", 6),
    ("semenova", "вебинар", 9, "Обновлённые ФГОС: иностранный язык", "Просвещение", 2),
    ("morozova", "вебинар", 10, "ИОМ педагога: от дефицита к результату",
     "ЦНППМ Энской области", 3),
    ("orlova", "лекция", 11, "Итоговое сочинение: критерии и типичные ошибки",
     "ФИПИ", 2),
)

class _DemoSchool:
    """The Берёзовская school of PEOPLE and the tables above, dated from today."""

    def __init__(self, gen: _Generator) -> None:
        self.gen = gen
        self.courses = _Courses(gen)
        self.ids: dict[str, str] = {}
        self.people = {p.key: p for p in PEOPLE}
        self.staff: dict[str, Staff] = {}
        self.deficits: dict[str, list[Deficit]] = {}
        # When each course chosen by the diagnostic ended (a deficit is resolved after it).
        self.diag_course_end = {key: gen.jitter(gen.ago(months=months), 12)
                                for key, _, months in BY_DIAGNOSTICS}

    def build(self) -> None:
        gen = self.gen
        gen.add(School(
            id=gen.new_id(),
            full_name="Муниципальное бюджетное общеобразовательное учреждение "
                      "«Берёзовская средняя общеобразовательная школа»",
            short_name="МБОУ «Берёзовская СОШ»", code="0412",
            municipality="Берёзовский муниципальный район",
            director="Соколов Андрей Викторович", deputy="Морозова Елена Николаевна",
            address="612345, Энская область, Берёзовский район, с. Берёзовка, "
                    "ул. Школьная, д. 12"))
        self.ids = {p.key: gen.new_id() for p in PEOPLE}
        groups = {key: gen.new_id() for key, *_ in ASSOCIATIONS}
        for person in PEOPLE:
            self._person(person, groups)
        for key, name, kind, head in ASSOCIATIONS:
            gen.add(Association(id=groups[key], name=name, kind=kind, head_id=self.ids[head]))
        self._categories()
        self._diagnostics()
        self._trainings()
        mentorships = self._mentorships()
        self._routes(mentorships)
        self._achievements()
        _Programme(gen, lambda key: self.ids[key]).build()

    def _person(self, p: Person, groups: dict[str, str]) -> None:
        gen = self.gen
        last, first, middle = p.name.split()
        hired = gen.school_year(p.hired)
        dismissed = None
        if p.dismissed_months_ago is not None:
            dismissed = gen.jitter(gen.ago(months=p.dismissed_months_ago), 20)
        self.staff[p.key] = gen.add(Staff(
            id=self.ids[p.key], last_name=last, first_name=first, middle_name=middle,
            birth_date=gen.birth(p.age), sex=p.sex, employment=p.employment,
            hire_date=hired, dismissal_date=dismissed,
            ped_start_date=gen.school_year(p.ped) - (0 if p.ped == p.hired else
                                                     gen.rng.choice((0, 0, 0, 15))) * DAY,
            education_level=p.education, education_pedagogical=p.pedagogical,
            management_team=p.management, notes=p.notes, positions=list(p.positions),
            subjects=list(p.subjects), association_ids=[groups[g] for g in p.groups]))

    def _categories(self) -> None:
        gen = self.gen
        for i, (key, category, position, months) in enumerate(CATEGORIES):
            decision = gen.ago(months=months)
            valid_until = add_years(decision, 5) if i < EXPIRING else \
                _category_valid_until(decision)
            gen.add(QualificationCategory(
                id=gen.new_id(), staff_id=self.ids[key], position=position, category=category,
                decision_date=decision, order_number=f"{gen.rng.randint(300, 2400)}-д",
                order_date=decision + gen.rng.randint(2, 10) * DAY,
                issuing_body="Министерство образования и науки Энской области",
                valid_until=valid_until))
        for key, months in CONFORMITY:
            day = gen.ago(months=months)
            gen.add(ConformityAttestation(
                id=gen.new_id(), staff_id=self.ids[key], position=self.people[key].positions[0],
                date=day, result="соответствует", order_number=f"{gen.rng.randint(20, 160)}-о",
                order_date=day + 3 * DAY))
        newcomer = self.staff["nikolaeva"]
        gen.add(ConformityAttestation(
            id=gen.new_id(), staff_id=newcomer.id, position=T,
            date=max(newcomer.hire_date, gen.ago(days=20)),
            exemption_reason="менее 2 лет в должности"))

    def _diagnostics(self) -> None:
        gen = self.gen
        held = gen.school_year(1) + gen.rng.randint(40, 70) * DAY   # last autumn
        diagnostics: dict[str, str] = {}
        for key, area, description, status in DEFICITS:
            if key not in diagnostics:
                score = gen.rng.randint(26, 40)
                diagnostics[key] = gen.add(Diagnostic(
                    id=gen.new_id(), staff_id=self.ids[key], date=held,
                    kind="профессиональные дефициты", operator="ЦНППМ", score=score,
                    max_score=50, notes="Диагностика профессиональных дефицитов (ЦНППМ)")).id
            resolved = None
            if status == "устранён":
                resolved = min(gen.today,
                               self.diag_course_end[key] + gen.rng.randint(14, 40) * DAY)
            deficit = gen.add(Deficit(
                id=gen.new_id(), staff_id=self.ids[key], diagnostic_id=diagnostics[key],
                area=area, description=description, status=status, found_date=held,
                resolved_date=resolved))
            self.deficits.setdefault(key, []).append(deficit)
        fl_day = gen.ago(months=1, days=15)
        for key, percent in FL_SCORES:
            gen.add(Diagnostic(
                id=gen.new_id(), staff_id=self.ids[key], date=fl_day,
                kind="функциональная грамотность", operator="ЦНППМ", percent=percent,
                notes="Диагностика функциональной грамотности педагогов"))
        for key, score in (("andreev", 31), ("kozlova", 27)):
            gen.add(Diagnostic(
                id=gen.new_id(), staff_id=self.ids[key], date=gen.ago(months=8, days=3),
                kind="предметные компетенции", operator="МКУ «ИМЦ»", score=score, max_score=40))

    def _trainings(self) -> None:
        gen = self.gen
        by_diag = {key: COURSE[title] for key, title, _ in BY_DIAGNOSTICS}
        planned = {key: {title} for key, title, _ in (*BY_DIAGNOSTICS, *MANAGEMENT_COURSES)}
        for p in PEOPLE:
            staff_id = self.ids[p.key]
            staff = self.staff[p.key]
            tracks = tracks_of(p.positions, p.subjects)
            taken = set(planned.get(p.key, ()))
            end_of_work = staff.dismissal_date or gen.today
            for end in self._training_dates(p, staff):
                course = self.courses.pick(tracks, end, taken)
                taken.add(course.title)
                gen.add(self.courses.training(staff_id, course, min(end, end_of_work)))
            if p.key == "andreev":
                gen.add(self.courses.training(staff_id, RETRAINING, gen.ago(years=5, months=2)))
            if p.key in by_diag:
                deficits = self.deficits.get(p.key, [])
                gen.add(self.courses.training(staff_id, by_diag[p.key],
                                              self.diag_course_end[p.key], by_diagnostics=True,
                                              deficit_ids=[d.id or "" for d in deficits]))
        for key, title, months in MANAGEMENT_COURSES:
            gen.add(self.courses.training(self.ids[key], COURSE[title],
                                          gen.jitter(gen.ago(months=months), 20)))

    def _training_dates(self, p: Person, staff: Staff) -> list[dt.date]:
        """End dates of a person's courses over the last six years, by their profile."""
        gen, rng = self.gen, self.gen.rng
        if p.training == "none":
            return []
        if p.training == "young":
            start = max(staff.ped_start_date, gen.ago(years=1)) + 30 * DAY
            return [min(start + rng.randint(0, 120) * DAY, gen.ago(days=10))]
        if p.training == "soon":   # the last course ended three years ago less two months
            return [gen.ago(years=5, days=rng.randint(0, 120)), gen.ago(years=3, months=-2)]
        if p.training == "overdue":
            last = gen.ago(years=3, days=rng.randint(60, 600))
            earlier = [last - rng.randint(300, 600) * DAY] if rng.random() < 0.6 else []
            return [*earlier, last]
        ends = [gen.ago(days=rng.randint(30, 700))]
        while len(ends) < 3 and rng.random() < 0.75:
            earlier = ends[0] - rng.randint(300, 800) * DAY
            if earlier < gen.ago(years=6):
                break
            ends.insert(0, earlier)
        return ends

    def _mentorships(self) -> dict[str, Mentorship]:
        gen, ids = self.gen, self.ids
        curator = ids["morozova"]
        # An active pair for the new primary teacher, with a school order.
        newcomer = self.staff["nikolaeva"]
        start = max(newcomer.hire_date, min(gen.school_year() + 14 * DAY, gen.today))
        planned = add_months(start, 9) - DAY
        if planned < gen.today + 14 * DAY:
            planned = add_months(start, 12) - DAY
        pair = Mentorship(
            id=gen.new_id(), mentor_id=ids["volkova"], mentee_ids=[newcomer.id],
            form="педагог – молодой специалист", reason="молодой специалист", start_date=start,
            planned_end=planned, order_number="118-о", order_date=start - 2 * DAY,
            curator_id=curator,
            goals="Адаптация молодого специалиста в коллективе; освоение ФООП НОО и рабочих "
                  "программ; планирование и анализ урока; работа с родителями")
        # A group of two young teachers: past its planned end and without an order.
        g_start = gen.ago(months=13)
        group = Mentorship(
            id=gen.new_id(), mentor_id=ids["orlova"], mentee_ids=[ids["kozlova"], ids["egorova"]],
            form="групповое", reason="молодой специалист", start_date=g_start,
            planned_end=add_months(g_start, 12) - DAY, curator_id=curator,
            goals="Методическая поддержка молодых учителей гуманитарного цикла: "
                  "проектирование урока, оценивание, подготовка к аттестации на СЗД")
        # A finished pair before the attestation on the first category.
        c_start = gen.ago(years=2)
        c_end = add_months(c_start, 9) - 5 * DAY
        done = Mentorship(
            id=gen.new_id(), mentor_id=ids["makarova"], mentee_ids=[ids["andreev"]],
            form="педагог – педагог", reason="подготовка к аттестации", start_date=c_start,
            planned_end=add_months(c_start, 9), actual_end=c_end, order_number="96-о",
            order_date=c_start - 3 * DAY, curator_id=curator, status="завершена",
            goals="Подготовка к аттестации на первую квалификационную категорию",
            result="Программа выполнена: подготовлено портфолио, проведены два открытых урока; "
                   "присвоена первая категория")
        # A new teacher with experience, paired this term and not yet in an order: the pair
        # the next «Приказ о закреплении наставников» (Ctrl+W in Наставничество) names.
        transfer = self.staff["polyakova"]
        n_start = max(transfer.hire_date, min(gen.school_year() + 30 * DAY, gen.today))
        unordered = Mentorship(
            id=gen.new_id(), mentor_id=ids["semenova"], mentee_ids=[transfer.id],
            form="педагог – педагог", reason="новый сотрудник", start_date=n_start,
            planned_end=max(add_months(n_start, 6), gen.today + 60 * DAY) - DAY,
            curator_id=curator,
            goals="Знакомство с рабочими программами и локальными актами школы; "
                  "подготовка к ОГЭ по английскому языку в 9 классе")
        for m in (pair, group, done, unordered):
            gen.add(m)
        self._events(pair, YOUNG_TOPICS, 30)
        self._events(group, GROUP_TOPICS, 45)
        self._events(done, ATTESTATION_TOPICS, 40)
        self._events(unordered, NEWCOMER_TOPICS, 30)
        return {"pair": pair, "group": group, "done": done, "unordered": unordered}

    def _events(self, m: Mentorship, topics: Sequence[str], every: int) -> None:
        gen = self.gen
        end = m.actual_end or max(m.planned_end, gen.today + 60 * DAY)
        day = m.start_date + 5 * DAY
        for topic in topics:
            if day > end:
                break
            held = day <= gen.today
            gen.add(MentorshipEvent(
                id=gen.new_id(), mentorship_id=m.id or "", date=day, topic=topic,
                form=gen.rng.choice(EVENT_FORMS),
                outcome=gen.rng.choice(EVENT_OUTCOMES) if held else "",
                status="проведено" if held else "запланировано"))
            day += (every + gen.rng.randint(-5, 5)) * DAY

    def _routes(self, mentorships: dict[str, Mentorship]) -> None:
        gen = self.gen
        kozlova_training = next(t for t in gen.of(Training)
                                if t.staff_id == self.ids["kozlova"] and t.by_diagnostics)
        tikhonova_training = next(t for t in gen.of(Training)
                                  if t.staff_id == self.ids["tikhonova"] and t.by_diagnostics)
        method, parents = self.deficits["kozlova"]
        digital = self.deficits["tikhonova"][0]

        start = gen.ago(months=4)
        route = gen.add(IndividualRoute(
            id=gen.new_id(), staff_id=self.ids["kozlova"], period_start=start,
            period_end=add_months(start, 12) - DAY, developed_by="ЦНППМ",
            approved_date=start + 10 * DAY, status="выполняется",
            self_education_topic="Формирование читательской грамотности на уроках русского "
                                 "языка и литературы в 5–6 классах")).id
        steps = (
            dict(deficit_id=method.id, goal="Освоить проектирование урока по обновлённому ФГОС",
                 action=f"Пройти курсы «{kozlova_training.title}»", form="курсы",
                 deadline=kozlova_training.end_date + 10 * DAY,
                 expected_product="Удостоверение о повышении квалификации",
                 done_date=kozlova_training.end_date,
                 evidence=f"Удостоверение № {kozlova_training.doc_number}",
                 training_id=kozlova_training.id),
            dict(deficit_id=method.id, goal="Совершенствовать методику урока с наставником",
                 action="Взаимопосещение уроков, разбор технологических карт",
                 form="наставничество",
                 deadline=gen.ahead(months=5), expected_product="Пять проанализированных уроков",
                 mentorship_id=mentorships["group"].id),
            dict(deficit_id=parents.id, goal="Освоить формы взаимодействия с родителями",
                 action="Изучить методические рекомендации; провести родительское собрание "
                        "в форме круглого стола",
                 form="самообразование", deadline=gen.ago(days=20),
                 expected_product="Сценарий родительского собрания"),
            dict(goal="Принять участие в вебинаре по функциональной грамотности",
                 action="Вебинар Академии Минпросвещения «Читательская грамотность на уроках "
                        "русского языка»", form="вебинар", deadline=gen.ago(days=25),
                 done_date=gen.ago(months=1), evidence="Сертификат участника",
                 learning_id=gen.add(ShortLearning(
                     id=gen.new_id(), staff_id=self.ids["kozlova"], kind="вебинар",
                     title="Читательская грамотность на уроках русского языка",
                     platform="Академия Минпросвещения России", hours=2,
                     date=gen.ago(months=1), evidence="Сертификат участника")).id),
            dict(goal="Провести открытый урок для ШМО", action="Урок литературы в 6 классе",
                 form="открытый урок", deadline=gen.ahead(months=3),
                 expected_product="Технологическая карта урока, самоанализ"),
        )
        for i, step in enumerate(steps):
            gen.add(RouteStep(id=gen.new_id(), route_id=route, sort_order=i, **step))

        start = gen.ago(months=10)
        route = gen.add(IndividualRoute(
            id=gen.new_id(), staff_id=self.ids["tikhonova"], period_start=start,
            period_end=add_months(start, 12) - DAY, developed_by="школа",
            approved_date=start + 7 * DAY, status="выполняется",
            self_education_topic="Цифровые лаборатории на уроках физики")).id
        steps = (
            dict(deficit_id=digital.id, goal="Освоить сервисы ФГИС «Моя школа»",
                 action=f"Пройти курсы «{tikhonova_training.title}»", form="курсы",
                 deadline=tikhonova_training.end_date, done_date=tikhonova_training.end_date,
                 evidence=f"Удостоверение № {tikhonova_training.doc_number}",
                 training_id=tikhonova_training.id),
            dict(deficit_id=digital.id, goal="Изучить опыт использования цифровых лабораторий",
                 form="вебинар", deadline=gen.ago(months=6), done_date=gen.ago(months=6, days=4),
                 evidence="Сертификат участника вебинара",
                 learning_id=gen.add(ShortLearning(
                     id=gen.new_id(), staff_id=self.ids["tikhonova"], kind="вебинар",
                     title="Цифровые лаборатории на уроках физики", platform="Просвещение",
                     hours=1.5, date=gen.ago(months=6, days=4))).id),
            dict(goal="Провести открытый урок с цифровой лабораторией «Точки роста»",
                 form="открытый урок", deadline=gen.ago(months=1, days=-5),
                 done_date=gen.ago(months=1), evidence="Протокол заседания ШМО"),
            dict(goal="Провести мастер-класс для учителей ШМО", form="мастер-класс",
                 deadline=gen.ahead(days=45),
                 expected_product="Методическая разработка мастер-класса"),
        )
        for i, step in enumerate(steps):
            gen.add(RouteStep(id=gen.new_id(), route_id=route, sort_order=i, **step))

    def _achievements(self) -> None:
        gen = self.gen
        for key, kind, level, months, title, result, organiser, evidence in ACHIEVEMENTS:
            gen.add(Achievement(id=gen.new_id(), staff_id=self.ids[key], kind=kind, level=level,
                                date=gen.jitter(gen.ago(months=months), 25), title=title,
                                result=result, organiser=organiser, evidence=evidence))
        for kind, level, months, title, organiser, speakers in ACHIEVEMENT_GROUPS:
            group, day = gen.new_id(), gen.jitter(gen.ago(months=months), 20)
            for key in speakers:
                gen.add(Achievement(id=gen.new_id(), staff_id=self.ids[key], kind=kind,
                                    level=level, date=day, title=title, organiser=organiser,
                                    group_id=group))
        for key, kind, months, title, platform, hours in SHORT_LEARNING:
            gen.add(ShortLearning(id=gen.new_id(), staff_id=self.ids[key], kind=kind,
                                  title=title, platform=platform, hours=hours,
                                  date=gen.jitter(gen.ago(months=months), 20)))


YOUNG_TOPICS = (
    "Знакомство с ООП НОО, рабочими программами и локальными актами школы",
    "Планирование урока по ФГОС НОО: технологическая карта",
    "Посещение уроков наставника и их анализ",
    "Работа с электронным журналом и ФГИС «Моя школа»",
    "Первое родительское собрание: подготовка и проведение",
    "Читательская грамотность на уроках литературного чтения",
    "Оценивание образовательных результатов; подготовка к ВПР",
    "Подготовка открытого урока",
    "Подведение итогов программы наставничества",
)
GROUP_TOPICS = (
    "Установочная встреча: цели и план работы группы",
    "Проектирование урока по обновлённому ФГОС ООО",
    "Критериальное оценивание письменных работ",
    "Взаимопосещение уроков и их анализ",
    "Работа с родителями: трудные ситуации",
    "Подготовка к ВПР по русскому языку и английскому языку",
    "Подготовка к аттестации на соответствие занимаемой должности",
    "Самоанализ урока: разбор видеозаписи",
    "Итоговая встреча: подведение итогов",
)
NEWCOMER_TOPICS = (
    "Локальные акты школы, рабочие программы, электронный журнал",
    "Посещение уроков наставника в 9 классе",
    "Подготовка к ОГЭ по английскому языку: устная часть",
)
ATTESTATION_TOPICS = (
    "Требования к аттестации на первую категорию (приказ № 196)",
    "Подготовка портфолио педагога",
    "Открытый урок: подготовка и анализ",
    "Результаты обучающихся: мониторинг и анализ",
    "Обобщение опыта: подготовка выступления на ШМО",
    "Итоговая встреча",
)
EVENT_FORMS = ("консультация", "посещение урока", "практикум", "беседа", "совместное планирование")
EVENT_OUTCOMES = ("Даны рекомендации", "Составлен план", "Разработана технологическая карта",
                  "Рекомендации выполнены", "Обсуждены затруднения, намечены шаги")


# --- the development programme ---------------------------------------------------------------

TASKS = (
    "Обеспечить непрерывное повышение профессионального мастерства педагогов на основе "
    "диагностики профессиональных дефицитов",
    "Развивать систему наставничества для молодых и вновь принятых педагогов",
    "Организовать работу по формированию и оценке функциональной грамотности обучающихся",
    "Выявлять, обобщать и распространять эффективный педагогический опыт",
)

# (task, direction, title, form, start (year offset, month, day) or None, deadline,
#  expected result, responsible)
ACTIVITIES = (
    (1, "Диагностика", "Диагностика профессиональных дефицитов педагогов на базе ЦНППМ",
     "диагностика", (0, 10, 1), (0, 11, 30), "Карта профессиональных дефицитов педагогов",
     ("morozova",)),
    (1, "Повышение квалификации",
     "План-график повышения квалификации с учётом выявленных дефицитов", "план-график", None,
     (0, 12, 20), "Утверждённый план-график", ("morozova",)),
    (1, "Повышение квалификации", "Разработка ИОМ для педагогов с выявленными дефицитами", "ИОМ",
     (0, 12, 1), (1, 1, 31), "ИОМ педагогов", ("morozova", "belova")),
    (1, "Повышение квалификации",
     "Повышение квалификации педагогов по программам из федерального реестра ДПП", "курсы",
     (0, 9, 1), (2, 6, 30), "Не менее 30 % педагогов обучены по программам реестра",
     ("morozova",)),
    (2, "Наставничество", "Положение о наставничестве и дорожная карта его внедрения",
     "локальный акт", None, (0, 9, 30), "Положение, дорожная карта", ("morozova", "sokolov")),
    (2, "Наставничество", "Закрепление наставнических пар приказом по школе", "приказ", None,
     (0, 10, 15), "Приказ о закреплении пар", ("sokolov",)),
    (2, "Наставничество", "Школа молодого педагога: цикл практических семинаров", "семинар",
     (1, 9, 1), (2, 5, 31), "Восемь занятий, методические материалы", ("orlova", "volkova")),
    (3, "Функциональная грамотность",
     "Семинар-практикум «Формирование функциональной грамотности на уроках»", "семинар", None,
     (0, 12, 15), "Материалы семинара", ("makarova",)),
    (3, "Функциональная грамотность", "Диагностика функциональной грамотности педагогов",
     "диагностика", (1, 9, 15), (1, 10, 31), "Не менее 30 % педагогов прошли диагностику",
     ("morozova",)),
    (3, "Функциональная грамотность",
     "Открытые уроки по функциональной грамотности в рамках методической недели",
     "открытые уроки", None, (2, 3, 31), "Шесть открытых уроков",
     ("volkova", "orlova", "makarova")),
    (4, "Распространение опыта", "Участие педагогов в муниципальном конкурсе «Учитель года»",
     "конкурс", None, (1, 2, 28), "Не менее одного участника", ("sokolov",)),
    (4, "Распространение опыта",
     "Публикация методических разработок педагогов в сборнике ИРО и на сайте школы",
     "публикация", None, (1, 6, 30), "Не менее пяти публикаций", ("morozova",)),
    (4, "Распространение опыта",
     "Муниципальный семинар на базе школы «Наставничество в сельской школе»", "семинар", None,
     (2, 11, 20), "Семинар для школ района", ("morozova", "volkova")),
)


class _Programme:
    """The development programme of the methodical service: tasks, activities, indicators."""

    def __init__(self, gen: _Generator, person: Callable[[str], str]) -> None:
        self.gen = gen
        self.person = person

    def build(self) -> None:
        gen, rng = self.gen, self.gen.rng
        first = gen.today.year - 1
        programme = gen.add(Programme(
            id=gen.new_id(),
            title=f"Программа развития методической службы школы на {first}–{first + 3} годы",
            year_from=first, year_to=first + 3,
            goal="Создание условий для непрерывного профессионального развития педагогов и "
                 "повышения качества образования",
            order_number="84-о", order_date=dt.date(first, 8, 29), is_current=True)).id
        tasks = [gen.add(ProgrammeTask(id=gen.new_id(), programme_id=programme, number=i + 1,
                                       title=title)).id for i, title in enumerate(TASKS)]
        for task, direction, title, form, start, deadline, result, people in ACTIVITIES:
            start_day = self._day(first, start) if start else None
            due = self._day(first, deadline)
            if due < gen.today:
                status, done = "выполнено", max(start_day or due, due - rng.randint(0, 20) * DAY)
            else:
                status = "в работе" if start_day and start_day <= gen.today else "запланировано"
                done = None
            gen.add(ProgrammeActivity(
                id=gen.new_id(), task_id=tasks[task - 1], direction=direction, title=title,
                form=form, start_date=start_day, deadline=due, expected_result=result,
                status=status, done_date=done, responsible_ids=[self.person(k) for k in people]))
        self._special_activities(tasks)
        self._indicators(programme, first)

    @staticmethod
    def _day(first: int, when: tuple[int, int, int]) -> dt.date:
        offset, month, day = when
        return dt.date(first + offset, month, day)

    def _special_activities(self, tasks: list[str]) -> None:
        """The cases the dashboard shows whatever today is: overdue, postponed, cancelled."""
        gen = self.gen
        due = gen.ago(months=1, days=10)
        gen.add(ProgrammeActivity(
            id=gen.new_id(), task_id=tasks[2], direction="Функциональная грамотность",
            title="Банк заданий по функциональной грамотности для 5–9 классов",
            form="методическая разработка", start_date=gen.ago(months=9), deadline=due,
            expected_result="Банк заданий на сайте школы", status="в работе",
            note="Собраны задания по читательской и математической грамотности; "
                 "естественно-научная — в работе",
            responsible_ids=[self.person("makarova"), self.person("orlova")]))
        old = gen.ago(months=3)
        moved = gen.add(ProgrammeActivity(
            id=gen.new_id(), task_id=tasks[1], direction="Наставничество",
            title="Конкурс «Лучшая наставническая пара»", form="конкурс",
            deadline=add_months(old, 12), expected_result="Положение о конкурсе, итоги",
            status="перенесено", responsible_ids=[self.person("kuznetsova")])).id
        gen.add(ActivityPostponement(
            id=gen.new_id(), activity_id=moved, old_deadline=old, new_deadline=add_months(old, 12),
            reason="Совпадение сроков с ВПР; перенесено решением методического совета",
            changed_on=old - 20 * DAY))
        gen.add(ProgrammeActivity(
            id=gen.new_id(), task_id=tasks[3], direction="Цифровая среда",
            title="Электронная библиотека методических разработок школы", form="ресурс",
            deadline=gen.ago(months=6), status="отменено",
            note="Отменено: функции переданы муниципальному ресурсному центру",
            responsible_ids=[self.person("andreev")]))

    def _indicators(self, programme: str, first: int) -> None:
        gen = self.gen
        # (name, unit, baseline, source, computed key, targets per year, actuals per year)
        indicators = (
            ("Доля педагогов, не проходивших повышение квалификации более 3 лет", "%", 25.0,
             "training_overdue", (15, 10, 5, 0), None),
            ("Доля молодых педагогов, охваченных наставничеством", "%", 50.0, "young_supported",
             (70, 80, 90, 100), None),
            ("Выполнение плана мероприятий программы", "%", None, "programme_done",
             (90, 90, 95, 100), None),
            ("Доля педагогов, прошедших ДПО по программам федерального реестра по результатам "
             "диагностики дефицитов", "%", 12.0, None, (20, 30, 35, 40), (19.2, 26.9)),
            ("Доля педагогов, прошедших диагностику функциональной грамотности", "%", 15.0, None,
             (30, 35, 40, 50), (23.1, 38.5)),
            ("Число педагогов — победителей и призёров конкурсов профмастерства муниципального "
             "уровня и выше", "чел.", 1.0, None, (2, 2, 3, 3), (2.0, 1.0)),
        )
        for number, (name, unit, baseline, key, targets, actuals) in enumerate(indicators, 1):
            indicator = gen.add(TargetIndicator(
                id=gen.new_id(), programme_id=programme, number=number, name=name, unit=unit,
                baseline=baseline, source="computed" if key else "manual", computed_key=key)).id
            for i, target in enumerate(targets):
                year = first + i
                actual = actuals[i] if actuals and i < len(actuals) and year <= gen.today.year \
                    else None
                gen.add(IndicatorTarget(id=gen.new_id(), indicator_id=indicator, year=year,
                                        target=float(target), actual=actual))


# --- the stress school -----------------------------------------------------------------------

MALE_NAMES = ("Александр", "Сергей", "Андрей", "Дмитрий", "Алексей", "Владимир", "Николай",
              "Игорь", "Виктор", "Михаил", "Павел", "Иван", "Олег", "Евгений", "Максим",
              "Никита", "Юрий", "Артём", "Роман", "Константин", "Василий", "Пётр")
FEMALE_NAMES = ("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
                "Екатерина", "Юлия", "Марина", "Галина", "Людмила", "Надежда", "Валентина",
                "Оксана", "Анастасия", "Дарья", "Полина", "Вера", "Любовь", "Лариса", "Нина",
                "Алёна", "Ксения", "Виктория")
# father's name → (masculine, feminine) patronymic
PATRONYMICS = (
    ("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Андреевич", "Андреевна"),
    ("Дмитриевич", "Дмитриевна"), ("Алексеевич", "Алексеевна"), ("Владимирович", "Владимировна"),
    ("Николаевич", "Николаевна"), ("Игоревич", "Игоревна"), ("Викторович", "Викторовна"),
    ("Михайлович", "Михайловна"), ("Павлович", "Павловна"), ("Иванович", "Ивановна"),
    ("Олегович", "Олеговна"), ("Евгеньевич", "Евгеньевна"), ("Юрьевич", "Юрьевна"),
    ("Петрович", "Петровна"), ("Васильевич", "Васильевна"), ("Анатольевич", "Анатольевна"),
    ("Геннадьевич", "Геннадьевна"), ("Степанович", "Степановна"), ("Ильич", "Ильинична"),
)
SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев "
    "Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин "
    "Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов "
    "Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов "
    "Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин "
    "Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Быков Маслов Родионов "
    "Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов "
    "Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов "
    "Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев "
    "Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов "
    "Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин "
    "Покровский Успенский Добровольский Шевченко Ткаченко Бондаренко Коваленко Кравченко"
).split()


def feminine(surname: str) -> str:
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname   # Шевченко and the like do not change


SPECIALISTS = ("педагог-психолог", "социальный педагог", "учитель-логопед", "учитель-дефектолог",
               "педагог-организатор", "педагог дополнительного образования",
               "советник директора по воспитанию", "воспитатель", "педагог-библиотекарь",
               "тьютор", "методист")
# Subject combinations a teacher holds, with weights (a rough staffing of a Russian school).
TEACHING = (
    (("начальные классы",), 22), (("начальные классы", "ОРКСЭ"), 3),
    (("русский язык", "литература"), 12), (("математика", "алгебра", "геометрия"), 9),
    (("математика", "информатика"), 3), (("информатика",), 2),
    (("иностранный язык (английский)",), 8), (("иностранный язык (немецкий)",), 1),
    (("история", "обществознание"), 5), (("история", "обществознание", "ОДНКНР"), 1),
    (("физика",), 3), (("физика", "математика"), 1), (("химия", "биология"), 3),
    (("биология",), 2), (("география",), 2), (("физическая культура",), 6), (("ОБЗР",), 1),
    (("труд (технология)",), 3), (("музыка",), 2), (("изобразительное искусство",), 2),
    (("русский язык", "литература", "родной язык"), 2),
)
GROUPS_OF_TRACKS = (
    ("начальные", "ШМО учителей начальных классов"),
    ("русский", "ШМО учителей русского языка и литературы"),
    ("иностранный", "ШМО учителей иностранных языков"),
    ("математика", "ШМО учителей математики и информатики"),
    ("естественные", "ШМО учителей естественно-научного цикла"),
    ("история", "ШМО учителей истории и обществознания"),
    ("физкультура", "ШМО учителей физической культуры и ОБЗР"),
    ("обзр", "ШМО учителей физической культуры и ОБЗР"),
    ("искусство", "ШМО учителей технологии и искусства"),
)
SPECIALIST_GROUP = "ШМО специалистов сопровождения и воспитания"


class _StressSchool:
    """A synthetic school of N people, for load tests of the register and indicators."""

    def __init__(self, gen: _Generator, size: int) -> None:
        self.gen = gen
        self.size = size
        self.courses = _Courses(gen)
        teaching, weights = zip(*TEACHING)
        self.teaching = teaching
        self.cum_weights = _accumulate(weights)
        self.course_counts = _accumulate((6, 12, 22, 25, 18, 10, 7))   # 0…6, about 3 each
        self.six_years_ago = gen.ago(years=6)
        self.three_years_ago = gen.ago(years=3)

    def build(self) -> None:
        gen, rng = self.gen, self.gen.rng
        gen.add(School(id=gen.new_id(), full_name=f"Синтетическая школа на {self.size} педагогов",
                       short_name="Нагрузочная школа", code="9999",
                       municipality="Тестовый муниципальный район",
                       director="", deputy="", address=""))
        names = dict.fromkeys(name for _, name in GROUPS_OF_TRACKS)
        names[SPECIALIST_GROUP] = None
        groups = {name: gen.new_id() for name in names}
        council = gen.new_id()
        members: dict[str, list[str]] = {g: [] for g in groups.values()}
        people: list[tuple[Staff, tuple[str, ...]]] = []
        for i in range(self.size):
            staff, tracks = self._person(i, groups, council)
            people.append((staff, tracks))
            for g in staff.association_ids:
                members.setdefault(g, []).append(staff.id or "")
            gen.add(staff)
        for name, group_id in [*groups.items(), ("Методический совет", council)]:
            heads = members.get(group_id) or [people[0][0].id]
            gen.add(Association(id=group_id, name=name,
                                kind="методический совет" if group_id == council else "ШМО",
                                head_id=rng.choice(heads)))
        young: list[Staff] = []
        mentors: list[Staff] = []
        active_ids: list[str] = []
        born_after, experienced_before = gen.ago(years=35), gen.ago(years=10)
        for staff, tracks in people:
            self._history(staff, tracks)
            if staff.dismissal_date is None and staff.employment == "основной":
                active_ids.append(staff.id or "")
                if (staff.ped_start_date > self.three_years_ago
                        and staff.birth_date > born_after):
                    young.append(staff)
                elif staff.ped_start_date < experienced_before and len(mentors) < 400:
                    mentors.append(staff)
        self._mentorships(young, mentors)
        _Programme(gen, lambda _key: rng.choice(active_ids)).build()

    def _person(self, i: int, groups: dict[str, str],
                council: str) -> tuple[Staff, tuple[str, ...]]:
        gen, rng = self.gen, self.gen.rng
        male = rng.random() < 0.22
        patronymic = rng.choice(PATRONYMICS)[0 if male else 1]
        surname = rng.choice(SURNAMES)
        first = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
        age = min(70, max(21, int(rng.gauss(46, 11))))
        ped = rng.randint(0, max(0, age - 21))
        hired = rng.randint(0, ped)
        subjects: tuple[str, ...] = ()
        management = False
        if i == 0:
            positions, subjects, management = ["директор", "учитель"], ("история",), True
        elif i % 150 == 1:
            positions = ["заместитель директора", "учитель"]
            subjects, management = rng.choices(self.teaching, cum_weights=self.cum_weights)[0], True
        elif rng.random() < 0.14:
            positions = [rng.choice(SPECIALISTS)]
        else:
            positions = ["учитель"]
            subjects = rng.choices(self.teaching, cum_weights=self.cum_weights)[0]
        tracks = tracks_of(positions, subjects)
        group = next((g for t, g in GROUPS_OF_TRACKS if t in tracks), SPECIALIST_GROUP)
        association_ids = [groups[group]] + ([council] if management else [])
        hire_date = gen.school_year(hired) + rng.choice((0, 0, 0, 14, 45, 120)) * DAY
        hire_date = min(hire_date, gen.today)
        dismissal = None
        if rng.random() < 0.04 and hire_date < gen.ago(months=6):
            dismissal = max(hire_date, gen.ago(days=rng.randint(1, 900)))
        spo = rng.random() < 0.12
        staff = Staff(
            id=gen.new_id(), last_name=surname if male else feminine(surname), first_name=first,
            middle_name=patronymic, birth_date=gen.birth(age), sex="м" if male else "ж",
            employment="внешний совместитель" if rng.random() < 0.06 else "основной",
            hire_date=hire_date, dismissal_date=dismissal,
            ped_start_date=min(gen.school_year(ped), hire_date),
            education_level="среднее профессиональное" if spo else "высшее",
            education_pedagogical=spo or rng.random() < 0.9, management_team=management,
            positions=positions, subjects=list(subjects), association_ids=association_ids)
        return staff, tracks

    def _history(self, staff: Staff, tracks: tuple[str, ...]) -> None:
        """Trainings, a category or a conformity attestation, diagnostics, achievements."""
        gen, rng = self.gen, self.gen.rng
        staff_id = staff.id or ""
        until = staff.dismissal_date or gen.today
        since = max(staff.ped_start_date, self.six_years_ago)
        span = (until - since).days
        taken: set[str] = set()
        deficits: list[Deficit] = []
        if rng.random() < 0.1 and span > 200:
            diag_day = since + rng.randint(0, span - 100) * DAY
            diag = gen.add(Diagnostic(
                id=gen.new_id(), staff_id=staff_id, date=diag_day,
                kind="профессиональные дефициты", operator="ЦНППМ",
                score=rng.randint(20, 48), max_score=50)).id
            for area, description, status in rng.sample(STRESS_DEFICITS, rng.randint(1, 2)):
                deficits.append(gen.add(Deficit(
                    id=gen.new_id(), staff_id=staff_id, diagnostic_id=diag, area=area,
                    description=description, status=status, found_date=diag_day)))
        if span > 20:
            count = rng.choices(range(7), cum_weights=self.course_counts)[0]
            for _ in range(count):
                end = since + rng.randint(10, span) * DAY
                course = self.courses.pick(tracks, end, taken)
                taken.add(course.title)
                gen.add(self.courses.training(staff_id, course, end))
            if deficits and rng.random() < 0.6:
                end = max(d.found_date for d in deficits) + rng.randint(30, 200) * DAY
                if end <= until:
                    course = rng.choice(STRESS_DIAGNOSTIC_COURSES)
                    gen.add(self.courses.training(staff_id, course, end, by_diagnostics=True,
                                                  deficit_ids=[d.id or "" for d in deficits]))
            if deficits and staff.dismissal_date is None and rng.random() < 0.4:
                self._route(staff_id, deficits)
            if staff.management_team:
                end = until - rng.randint(30, 900) * DAY
                course = COURSE["Управление качеством образования в общеобразовательной "
                                "организации"]
                gen.add(self.courses.training(staff_id, course, max(end, since)))
        if rng.random() < 0.5 and staff.ped_start_date < self.three_years_ago:
            decision = gen.ago(days=rng.randint(30, 8 * 365))
            gen.add(QualificationCategory(
                id=gen.new_id(), staff_id=staff_id, position=staff.positions[0],
                category="высшая" if rng.random() < 0.4 else "первая", decision_date=decision,
                order_number=f"{rng.randint(100, 3000)}-д", order_date=decision + 5 * DAY,
                issuing_body="Министерство образования",
                valid_until=_category_valid_until(decision)))
        elif rng.random() < 0.3 and span > 60:
            day = since + rng.randint(0, span) * DAY
            gen.add(ConformityAttestation(
                id=gen.new_id(), staff_id=staff_id, position=staff.positions[0], date=day,
                result="соответствует", order_number=f"{rng.randint(1, 200)}-о", order_date=day))
        if rng.random() < 0.3:
            gen.add(Diagnostic(
                id=gen.new_id(), staff_id=staff_id, date=gen.ago(days=rng.randint(1, 700)),
                kind="функциональная грамотность", operator="ЦНППМ",
                percent=float(rng.randint(30, 98))))
        if rng.random() < 0.25:
            kind = rng.choice(("публикация", "открытый урок", "мастер-класс", "выступление",
                               "конкурс профмастерства", "обобщение опыта"))
            gen.add(Achievement(
                id=gen.new_id(), staff_id=staff_id, kind=kind,
                level=rng.choice(("школьный", "школьный", "муниципальный", "региональный",
                                  "всероссийский")),
                date=gen.ago(days=rng.randint(1, 1500)), title=f"{kind.capitalize()}: "
                f"{rng.choice(ACHIEVEMENT_THEMES)}"))

    def _route(self, staff_id: str, deficits: list[Deficit]) -> None:
        """An ИОМ for the year from the diagnostic: a step per deficit and an open lesson."""
        gen, rng = self.gen, self.gen.rng
        start = max(d.found_date for d in deficits) + rng.randint(10, 40) * DAY
        end = add_months(start, 12) - DAY
        route = gen.add(IndividualRoute(
            id=gen.new_id(), staff_id=staff_id, period_start=start, period_end=end,
            developed_by=rng.choice(("школа", "ЦНППМ")), approved_date=start,
            status="завершён" if end < gen.today else "выполняется")).id
        steps = [(d.id, f"Преодолеть дефицит: {d.description[0].lower()}{d.description[1:]}",
                  rng.choice(("курсы", "самообразование", "наставничество", "вебинар")))
                 for d in deficits]
        steps.append((None, "Провести открытый урок для коллег", "открытый урок"))
        for i, (deficit_id, goal, form) in enumerate(steps):
            deadline = start + rng.randint(60, 360) * DAY
            done = deadline - rng.randint(0, 30) * DAY
            gen.add(RouteStep(
                id=gen.new_id(), route_id=route, deficit_id=deficit_id, goal=goal, form=form,
                deadline=deadline, sort_order=i,
                done_date=done if done <= gen.today and rng.random() < 0.85 else None))

    def _mentorships(self, young: list[Staff], mentors: list[Staff]) -> None:
        gen, rng = self.gen, self.gen.rng
        if not mentors:
            return
        supported = [s for s in young if rng.random() < 0.7]
        i = 0
        while i < len(supported):
            size = 2 if rng.random() < 0.15 and i + 1 < len(supported) else 1
            mentees = supported[i:i + size]
            i += size
            start = max(max(m.hire_date for m in mentees), gen.ago(months=rng.randint(1, 11)))
            months = rng.randint(6, 12)
            finished = rng.random() < 0.1
            pair = Mentorship(
                id=gen.new_id(), mentor_id=rng.choice(mentors).id or "",
                mentee_ids=[m.id or "" for m in mentees],
                form="групповое" if size > 1 else "педагог – молодой специалист",
                reason="молодой специалист", start_date=start,
                planned_end=add_months(start, months) - DAY,
                actual_end=gen.today if finished else None,
                status="завершена" if finished else "действует",
                order_number="" if rng.random() < 0.1 else f"{rng.randint(1, 200)}-о",
                order_date=start)
            gen.add(pair)
            for k in range(rng.randint(1, 4)):
                day = start + (10 + 30 * k) * DAY
                held = day <= gen.today
                gen.add(MentorshipEvent(
                    id=gen.new_id(), mentorship_id=pair.id or "", date=day,
                    topic=YOUNG_TOPICS[k], form=rng.choice(EVENT_FORMS),
                    status="проведено" if held else "запланировано"))


STRESS_DEFICITS = tuple((area, description, status)
                        for _, area, description, status in DEFICITS)
STRESS_DIAGNOSTIC_COURSES = tuple(COURSE[title] for _, title, _ in BY_DIAGNOSTICS)
ACHIEVEMENT_THEMES = ("функциональная грамотность на уроке", "проектная деятельность",
                      "воспитательная работа класса", "цифровые ресурсы на уроке",
                      "работа с одарёнными детьми", "инклюзивная практика")


def _accumulate(values: Sequence[int]) -> list[int]:
    total, out = 0, []
    for value in values:
        total += value
        out.append(total)
    return out
