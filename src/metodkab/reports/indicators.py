"""Every indicator of domain.md §4 for a report date D and a period, as pure functions.

The one registry of computed indicators: the indicators screen, the XLSX export and the
development programme's computed target values (reports/programme.py delegates its
rules here) all read figures from this module. Storage (storage/indicators.py) fetches the
facts in ``IndicatorData``; nothing here touches the database or the UI.

Common definitions (report date D, period [start, end], end = D unless chosen otherwise):

- **P(D)**: staff employed on D (reports.rules.employed_on: hired on or before D, not
  dismissed before D — the dismissal day is still a working day) whose main job is this
  school (employment «основной»; external part-timers are left out, as in ОО-1). Every
  share below is over P(D) or a part of it.
- a training **counts** once completed: its end date is on or before D.
- a category is **held** on D when decided on or before D and valid on D (a category whose
  ``valid_until`` is D is still held that day).
- a young teacher is **supported** on D by any support form turned on in the settings
  (``support_forms``): a mentorship active on D as mentee (reports.mentorship.active_on),
  an ИОМ active on D (reports.training.route_active_on), membership of an association of
  the kind «школа молодого педагога».
- shares are compared with their targets exactly (reports.rules.share_reaches).

Each indicator is a small function returning a ``Result``: count over base (the value is
the percent, or the plain count or ratio for the register figures), the target from the
settings, the status and the ids of the people counted and of those in the base but not
counted (for the drill-down).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

from metodkab import strings as S
from metodkab.domain.parse import add_months, add_years, years_between
from metodkab.reports import attestation as ra
from metodkab.reports import growth as rg
from metodkab.reports import mentorship as rm
from metodkab.reports import rules
from metodkab.reports import training as rt

MAIN = rules.MAIN
YOUNG_SCHOOL_KIND = "школа молодого педагога"
FL_KIND = "функциональная грамотность"
FGOS_TOPIC = "ФГОС/ФООП"
SHARE, COUNT, RATIO = "share", "count", "ratio"
# Settings this module reads that storage/settings.py DEFAULTS may not list yet.
EXTRA_DEFAULTS: dict[str, Any] = {
    "indicator_period_months": 12,     # the period: the 12 months ending on D
    "target_management_trained": None,  # no target in domain.md: no status shown
    "self_evaluation_training_years": 5,
    "support_mentorship": True,        # support forms of indicator 4 (domain.md §6)
    "support_route": True,
    "support_young_school": True,
}
SUPPORT_FORMS = ("mentorship", "route", "young_school")
FOOTNOTE_MARK = "*"          # a column title whose schools count with different settings
FOOTNOTE_NAMED = 8           # a footnote names at most this many schools of its largest group


# --- the facts storage provides ------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    employment: str = MAIN
    hire_date: dt.date | None = None
    dismissal_date: dt.date | None = None
    birth_date: dt.date | None = None
    ped_start_date: dt.date | None = None
    education_level: str | None = None
    education_pedagogical: bool = False
    management_team: bool = False
    positions: str = ""


@dataclass(frozen=True)
class TrainingFact:
    staff_id: str
    end_date: dt.date
    kind: str = "повышение квалификации"
    federal_register: bool = False
    by_diagnostics: bool = False
    management: bool = False
    topics: tuple[str, ...] = ()
    end_precision: str = "day"          # "year": end_date is 1 January of the year stated


@dataclass(frozen=True)
class DiagnosticFact:
    staff_id: str
    date: dt.date
    kind: str
    percent: float | None = None     # the percent typed, if any
    score: float | None = None
    max_score: float | None = None


@dataclass(frozen=True)
class CategoryFact:
    staff_id: str
    category: str
    decision_date: dt.date | None          # None: stated without a date (still held)
    valid_until: dt.date | None = None
    position: str = ""
    decision_precision: str = "day"        # "year": known only by its year (1 January)
    until_precision: str = "day"           # "year": «до 2024 г.» (valid_until its 1 January)

    def facts(self) -> ra.CategoryFacts:
        return ra.CategoryFacts(None, self.position, self.category, self.decision_date,
                                self.valid_until, self.decision_precision,
                                self.until_precision)


@dataclass(frozen=True)
class RouteFact:
    staff_id: str
    period_start: dt.date
    period_end: dt.date
    status: str
    steps: tuple[rt.StepFacts, ...] = ()


@dataclass(frozen=True)
class IndicatorData:
    day: dt.date
    period_start: dt.date
    period_end: dt.date
    settings: dict[str, Any]
    people: tuple[Person, ...] = ()
    trainings: tuple[TrainingFact, ...] = ()
    diagnostics: tuple[DiagnosticFact, ...] = ()
    categories: tuple[CategoryFact, ...] = ()
    pairs: tuple[rm.PairFacts, ...] = ()
    routes: tuple[RouteFact, ...] = ()
    activities: tuple = ()                          # reports.programme.ActivityFact
    tasks: tuple[tuple[str, str], ...] = ()         # (task id, "1. title") of the programme
    achievements: tuple[rg.AchievementFact, ...] = ()
    learning: tuple[rg.LearningFact, ...] = ()      # short learning (самообразование)
    young_school: frozenset[str] = frozenset()      # members of a «школа молодого педагога»

    def setting(self, key: str) -> Any:
        if key in self.settings:
            return self.settings[key]
        return EXTRA_DEFAULTS.get(key)


def default_period(day: dt.date, months: int = 12) -> tuple[dt.date, dt.date]:
    """The period ending on D: the ``months`` months before it (D − 12 months + 1 day … D)."""
    return add_months(day, -months) + dt.timedelta(days=1), day


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    key: str
    group: str
    name: str
    count: int
    base: int
    ids: tuple[str, ...] = ()            # the people counted
    other_ids: tuple[str, ...] = ()      # in the base but not counted
    target: float | None = None
    kind: str = SHARE
    lower_is_better: bool = False
    notes: tuple[tuple[str, str], ...] = ()   # (person id, what the drill-down says of them)

    def note(self, person_id: str) -> str:
        return dict(self.notes).get(person_id, "")

    @property
    def percent(self) -> float | None:
        return rules.percent_of(self.count, self.base)

    @property
    def value(self) -> float | None:
        """What is shown and compared to the target: percent, count or ratio."""
        if self.kind == COUNT:
            return float(self.count)
        if self.kind == RATIO:
            return None if not self.base else round(self.count / self.base, 2)
        return self.percent

    @property
    def achieved(self) -> bool | None:
        """None when there is no target (or nothing to measure). Compared exactly on count
        and base, never on the rounded value shown (rules.share_reaches)."""
        if self.target is None or self.value is None:
            return None
        if self.kind == COUNT:
            value = rules.exact(self.count)
        else:
            value = Fraction(self.count, self.base) * (100 if self.kind == SHARE else 1)
        target = rules.exact(self.target)
        return value <= target if self.lower_is_better else value >= target

    @property
    def status(self) -> str:
        return {True: S.IND_ACHIEVED, False: S.IND_NOT_ACHIEVED}.get(self.achieved, "")


def _result(data: IndicatorData, key: str, group: str, counted: Iterable[str],
            base: Sequence[str], *, name: str | None = None, target_key: str | None = None,
            lower_is_better: bool = False,
            notes: dict[str, str] | None = None) -> Result:
    counted_set = set(counted)
    ids = tuple(i for i in base if i in counted_set)
    other = tuple(i for i in base if i not in counted_set)
    target = data.setting(target_key) if target_key else None
    return Result(key, group, name or title(key, data.settings), len(ids), len(base), ids,
                  other, None if target is None else float(target),
                  lower_is_better=lower_is_better,
                  notes=tuple((i, notes[i]) for i in ids if notes and i in notes))


# --- rules shared with reports/programme.py ------------------------------------------------


in_p = rules.in_p            # P(D): the one rule, in reports/rules.py
p_of_d = rules.p_of_d


def young_in(people: Iterable[Any], day: dt.date, settings: dict[str, Any]) -> list[Any]:
    """Young specialists of P(D): under 35 on D (born strictly after D − 35 years: a person
    turning 35 on D is no longer young) with under 3 years of педстаж (rules.is_young_specialist)."""
    age = int(settings.get("young_max_age", 35))
    years = int(settings.get("young_max_experience", 3))
    return [p for p in p_of_d(people, day)
            if rules.is_young_specialist(p.birth_date, p.ped_start_date, day, age, years)]


def overdue_ids(people: Iterable[Any], last_end: Callable[[Any], dt.date | None],
                day: dt.date, period_years: int = 3) -> list[str]:
    """Ids of P(D) overdue for training on D (rules.overdue_on: no completed
    ПК/переподготовка in the last ``period_years`` years, counted from the later of its
    end and the start of pedagogical experience; a course that ended exactly 3 years
    before D still counts)."""
    return [p.id for p in p_of_d(people, day)
            if rules.overdue_on(last_end(p), day, period_years, p.ped_start_date)]


# --- helpers over the facts ----------------------------------------------------------------


def _base(data: IndicatorData) -> list[str]:
    return [p.id for p in p_of_d(data.people, data.day)]


def _completed(data: IndicatorData, since: dt.date, *,
               kinds: Sequence[str] | None = None) -> list[TrainingFact]:
    return [t for t in data.trainings if since <= t.end_date <= data.day
            and (kinds is None or t.kind in kinds)]


def _in_period(data: IndicatorData, day: dt.date) -> bool:
    return data.period_start <= day <= data.period_end and day <= data.day


def last_training_end(data: IndicatorData) -> dict[str, dt.date]:
    """The last completed ПК/переподготовка of each person on D."""
    last: dict[str, dt.date] = {}
    for t in data.trainings:
        if t.kind in rt.COUNTED_KINDS and t.end_date <= data.day:
            if t.staff_id not in last or t.end_date > last[t.staff_id]:
                last[t.staff_id] = t.end_date
    return last


def year_only_last(data: IndicatorData) -> set[str]:
    """The people whose last completed course (``last_training_end``) is known only by its
    year: lists show it as «2023 г.», not as the 1 January it is counted from."""
    last = last_training_end(data)
    day_known = {t.staff_id for t in data.trainings
                 if last.get(t.staff_id) == t.end_date and t.kind in rt.COUNTED_KINDS
                 and t.end_precision != rt.YEAR_ONLY}
    return {t.staff_id for t in data.trainings if last.get(t.staff_id) == t.end_date
            and t.kind in rt.COUNTED_KINDS and t.end_precision == rt.YEAR_ONLY} - day_known


def held_categories(data: IndicatorData) -> dict[str, CategoryFact]:
    """Each person's best category held on D (highest rank, then the latest decision)."""
    best: dict[str, CategoryFact] = {}
    for c in data.categories:
        if not ra.category_valid_on(c.decision_date, c.valid_until, data.day,
                                    c.decision_precision):
            continue
        old = best.get(c.staff_id)
        rank = (rules.CATEGORY_RANK.get(c.category, 0), ra.decided_order(c.decision_date))
        if old is None or rank > (rules.CATEGORY_RANK.get(old.category, 0),
                                  ra.decided_order(old.decision_date)):
            best[c.staff_id] = c
    return best


def people_by_id(data: IndicatorData) -> dict[str, Person]:
    return {p.id: p for p in data.people}


def active_pairs(data: IndicatorData) -> list[rm.PairFacts]:
    """The mentorships active on D (reports.mentorship.active_on)."""
    people = people_by_id(data)
    return [p for p in data.pairs if rm.active_on(p, data.day, people)]


def active_routes(data: IndicatorData) -> list[RouteFact]:
    """The ИОМ active on D (reports.training.route_active_on), of anybody."""
    return [r for r in data.routes
            if rt.route_active_on(r.period_start, r.period_end, r.status, data.day)]


def support_forms(data: IndicatorData) -> dict[str, list[str]]:
    """The support forms (SUPPORT_FORMS, those turned on in the settings) each person has
    on D: a mentee in a mentorship active on D, an ИОМ active on D, a member of an
    association of the kind «школа молодого педагога»."""
    forms: dict[str, list[str]] = {}
    if data.setting("support_mentorship"):
        for pair in active_pairs(data):
            for m in pair.mentee_ids:
                forms.setdefault(m, []).append("mentorship")
    if data.setting("support_route"):
        for route in active_routes(data):
            if "route" not in forms.get(route.staff_id, ()):
                forms.setdefault(route.staff_id, []).append("route")
    if data.setting("support_young_school"):
        for person in sorted(data.young_school):
            forms.setdefault(person, []).append("young_school")
    return forms


def supported_ids(data: IndicatorData) -> set[str]:
    return set(support_forms(data))


# --- 1. federal indicators (concept Р-76 of 06.08.2020; seeds 001, 003) ----------------------


def federal_register(data: IndicatorData) -> Result:
    """Share of P(D) with at least one training completed in the period that is from the
    federal register of ДПП *and* chosen by deficit diagnostics. Target ≥ 30 %
    (setting target_federal_register). Source: domain.md §4.1."""
    counted = {t.staff_id for t in data.trainings
               if t.federal_register and t.by_diagnostics and _in_period(data, t.end_date)}
    return _result(data, "federal_register", "federal", counted, _base(data),
                   target_key="target_federal_register")


def _fl(data: IndicatorData) -> list[DiagnosticFact]:
    return [d for d in data.diagnostics if d.kind == FL_KIND and _in_period(data, d.date)]


def fl_diagnostics(data: IndicatorData) -> Result:
    """Share of P(D) who took a functional-literacy diagnostic in the period.
    Target ≥ 30 % (target_fl_diagnostics). Source: domain.md §4.2."""
    return _result(data, "fl_diagnostics", "federal", {d.staff_id for d in _fl(data)},
                   _base(data), target_key="target_fl_diagnostics")


def fl_high_score(data: IndicatorData) -> Result:
    """Share of P(D) with a functional-literacy diagnostic in the period scored at or above
    fl_high_score_percent (70 %), compared exactly (rules.score_reaches: 18.9 of 27 is
    70 %). Target ≥ 15 % (target_fl_high_score). domain.md §4.2, §6."""
    threshold = data.setting("fl_high_score_percent") or 70
    counted = {d.staff_id for d in _fl(data)
               if rules.score_reaches(d.percent, d.score, d.max_score, threshold)}
    return _result(data, "fl_high_score", "federal", counted, _base(data),
                   target_key="target_fl_high_score")


def management_trained(data: IndicatorData) -> Result:
    """Management-team members of P(D) with a management-team training completed in the
    period, over the management team of P(D). domain.md §4.3 (no default target)."""
    team = [p.id for p in p_of_d(data.people, data.day) if p.management_team]
    counted = {t.staff_id for t in data.trainings if t.management and _in_period(data, t.end_date)}
    return _result(data, "management_trained", "federal", counted, team,
                   target_key="target_management_trained")


def young_supported(data: IndicatorData) -> Result:
    """Young teachers of P(D) (under 35 on D, under 3 years of педстаж) supported on D by a
    form turned on in the settings (``support_forms``), over all young teachers of P(D);
    the drill-down names the forms. Target ≥ 70 % (target_young_supported). domain.md
    §4.4, §6; letter АЗ-1128/08/657."""
    young = [p.id for p in young_in(data.people, data.day, data.settings)]
    forms = support_forms(data)
    notes = {i: ", ".join(S.IND_SUPPORT_FORMS[f] for f in f_list)
             for i, f_list in forms.items()}
    return _result(data, "young_supported", "federal", forms, young,
                   target_key="target_young_supported", notes=notes)


# --- 2. self-evaluation, staff block (Приказ Минобрнауки № 1324 от 10.12.2013) -------------


def _people_where(data: IndicatorData, key: str, group: str,
                  test: Callable[[Person], bool], name: str | None = None) -> Result:
    base = p_of_d(data.people, data.day)
    return _result(data, key, group, [p.id for p in base if test(p)], [p.id for p in base],
                   name=name)


def edu_higher(data: IndicatorData) -> Result:
    """P(D) with higher education, over P(D). Приказ № 1324, п. 1.19."""
    return _people_where(data, "edu_higher", "self", lambda p: p.education_level == "высшее")


def edu_higher_ped(data: IndicatorData) -> Result:
    """P(D) with higher pedagogical education, over P(D). Приказ № 1324, п. 1.20."""
    return _people_where(data, "edu_higher_ped", "self",
                         lambda p: p.education_level == "высшее" and p.education_pedagogical)


def edu_spo(data: IndicatorData) -> Result:
    """P(D) with secondary vocational education, over P(D). Приказ № 1324, п. 1.21."""
    return _people_where(data, "edu_spo", "self",
                         lambda p: p.education_level == "среднее профессиональное")


def edu_spo_ped(data: IndicatorData) -> Result:
    """P(D) with secondary vocational pedagogical education. Приказ № 1324, п. 1.22."""
    return _people_where(data, "edu_spo_ped", "self",
                         lambda p: p.education_level == "среднее профессиональное"
                         and p.education_pedagogical)


def _category_result(data: IndicatorData, key: str, ranks: set[int]) -> Result:
    held = held_categories(data)
    return _people_where(data, key, "self", lambda p: p.id in held
                         and rules.CATEGORY_RANK.get(held[p.id].category, 0) in ranks)


def cat_any(data: IndicatorData) -> Result:
    """P(D) holding any category on D (valid_until ≥ D). Приказ № 1324, п. 1.23."""
    return _category_result(data, "cat_any", {1, 2, 3})


def cat_highest(data: IndicatorData) -> Result:
    """P(D) whose best category on D is высшая (педагог-методист and педагог-наставник
    need высшая and count here). Приказ № 1324, п. 1.23.1."""
    return _category_result(data, "cat_highest", {2, 3})


def cat_first(data: IndicatorData) -> Result:
    """P(D) whose best category on D is первая. Приказ № 1324, п. 1.23.2."""
    return _category_result(data, "cat_first", {1})


def exp_under_5(data: IndicatorData) -> Result:
    """P(D) with under 5 years of педстаж on D (started strictly after D − 5 years).
    Приказ № 1324, п. 1.24.1."""
    since = add_years(data.day, -5)
    return _people_where(data, "exp_under_5", "self",
                         lambda p: p.ped_start_date is not None and p.ped_start_date > since)


def exp_over_30(data: IndicatorData) -> Result:
    """P(D) with over 30 years of педстаж on D (started strictly before D − 30 years).
    Приказ № 1324, п. 1.24.2."""
    since = add_years(data.day, -30)
    return _people_where(data, "exp_over_30", "self",
                         lambda p: p.ped_start_date is not None and p.ped_start_date < since)


def age_under_30(data: IndicatorData) -> Result:
    """P(D) aged under 30 on D (born strictly after D − 30 years). Приказ № 1324, п. 1.25."""
    since = add_years(data.day, -30)
    return _people_where(data, "age_under_30", "self",
                         lambda p: p.birth_date is not None and p.birth_date > since)


def age_55_plus(data: IndicatorData) -> Result:
    """P(D) aged 55 and over on D (the 55th birthday on or before D). Приказ № 1324, п. 1.26."""
    return _people_where(data, "age_55_plus", "self",
                         lambda p: p.birth_date is not None
                         and years_between(p.birth_date, data.day) >= 55)


def _trained_since(data: IndicatorData, key: str, fgos: bool) -> Result:
    years = int(data.setting("self_evaluation_training_years") or 5)
    since = rules.training_cutoff(data.day, years)
    counted = {t.staff_id for t in _completed(data, since, kinds=rt.COUNTED_KINDS)
               if not fgos or FGOS_TOPIC in t.topics}
    return _result(data, key, "self", counted, _base(data))


def trained_5y(data: IndicatorData) -> Result:
    """P(D) with a ПК or переподготовка completed in the last 5 years (end date from
    D − 5 years to D). Приказ № 1324, п. 1.27."""
    return _trained_since(data, "trained_5y", fgos=False)


def trained_fgos(data: IndicatorData) -> Result:
    """P(D) with a ПК or переподготовка tagged «ФГОС/ФООП» completed in the last 5 years.
    Приказ № 1324, п. 1.28."""
    return _trained_since(data, "trained_fgos", fgos=True)


# --- 3. ОО-1 style distributions ----------------------------------------------------------


EXPERIENCE_BANDS = ((0, 3), (3, 5), (5, 10), (10, 15), (15, 20), (20, None))
AGE_BANDS = ((None, 25), (25, 30), (30, 35), (35, 40), (40, 45), (45, 50), (50, 55), (55, 60),
             (60, 65), (65, None))


def age_day(day: dt.date) -> dt.date:
    """The day ages are counted on in the ОО-1 tables: 1 January of the school year of D
    (a report in September–December counts on the coming 1 January, one in January–August
    on that year's 1 January), as ОО-1 counts full years on 1 January after its 20 September
    snapshot."""
    return dt.date(rm.academic_year(day) + 1, 1, 1)


def _bands(data: IndicatorData, group: str, labels: Sequence[str],
           which: Callable[[Person], int | None], other: str) -> list[Result]:
    base = p_of_d(data.people, data.day)
    ids = [p.id for p in base]
    found = {p.id: which(p) for p in base}
    results = [_result(data, f"{group}_{i}", group, [k for k, v in found.items() if v == i],
                       ids, name=label) for i, label in enumerate(labels)]
    missing = [k for k, v in found.items() if v is None]
    if missing:
        results.append(_result(data, f"{group}_none", group, missing, ids, name=other))
    return results


def _band_of(value: int | None, bands: Sequence[tuple[int | None, int | None]]) -> int | None:
    if value is None:
        return None
    for index, (low, high) in enumerate(bands):
        if (low is None or value >= low) and (high is None or value < high):
            return index
    return None


EDUCATION_BANDS = (("высшее", True), ("высшее", False), ("среднее профессиональное", True),
                   ("среднее профессиональное", False))


def by_education(data: IndicatorData) -> list[Result]:
    """P(D) by education, each person in one band: высшее педагогическое, высшее иное,
    среднее профессиональное педагогическое, СПО иное, иное or not given. ОО-1, раздел 3.1."""
    def which(p: Person) -> int | None:
        band = (p.education_level, bool(p.education_pedagogical))
        return EDUCATION_BANDS.index(band) if band in EDUCATION_BANDS else None

    return _bands(data, "education", S.IND_EDU_BANDS, which, S.IND_EDU_OTHER)


def by_category(data: IndicatorData) -> list[Result]:
    """P(D) by best category held on D: высшая (with педагог-методист/-наставник), первая,
    none. ОО-1, раздел 3.1."""
    held = held_categories(data)

    def rank(p: Person) -> int:
        return rules.CATEGORY_RANK.get(held[p.id].category, 0) if p.id in held else 0

    return [_people_where(data, "category_highest", "category", lambda p: rank(p) >= 2,
                          S.IND_CAT_HIGHEST),
            _people_where(data, "category_first", "category", lambda p: rank(p) == 1,
                          S.IND_CAT_FIRST),
            _people_where(data, "category_none", "category", lambda p: rank(p) == 0,
                          S.IND_CAT_NONE)]


def by_experience(data: IndicatorData) -> list[Result]:
    """P(D) by full years of педстаж on D: до 3, 3–5, 5–10, 10–15, 15–20, 20 и более
    (a band includes its lower bound). ОО-1, раздел 3.4; «не указан» when unknown."""
    return _bands(data, "experience", S.IND_EXP_BANDS,
                  lambda p: _band_of(rules.experience_years(p.ped_start_date, data.day),
                                     EXPERIENCE_BANDS), S.IND_NOT_GIVEN)


def by_age(data: IndicatorData) -> list[Result]:
    """P(D) by full years of age on 1 January (``age_day``): моложе 25, 25–29 … 65 и старше.
    ОО-1, раздел 3.4."""
    when = age_day(data.day)
    return _bands(data, "age", S.IND_AGE_BANDS,
                  lambda p: _band_of(rules.age_on(p.birth_date, when), AGE_BANDS),
                  S.IND_NOT_GIVEN)


# --- 4. school working indicators ----------------------------------------------------------


def training_overdue(data: IndicatorData) -> Result:
    """Share of P(D) overdue for training on D (rules.overdue_on: no ПК/переподготовка
    ended in [D − 3 years, D], counted from the later of the course's end and the start of
    pedagogical experience; стажировка does not count; training_period_years; 273-ФЗ
    ст. 47 ч. 5 п. 2). Lower is better; no target.

    A course known only by its year counts from 1 January of it; a person overdue only
    because of that reading is counted and noted «уточнить дату окончания курсов»
    (reports.training.overdue_unsure)."""
    last = last_training_end(data)
    years = int(data.setting("training_period_years") or 3)
    late = overdue_ids(data.people, lambda p: last.get(p.id), data.day, years)
    latest: dict[str, dt.date] = {}
    for t in data.trainings:
        if t.kind in rt.COUNTED_KINDS and t.end_date <= data.day:
            end = rt.latest_end(t.end_date, t.end_precision)
            latest[t.staff_id] = max(end, latest.get(t.staff_id, end))
    starts = {p.id: p.ped_start_date for p in data.people}
    notes = {i: S.IND_NOTE_CLARIFY_END for i in late
             if rt.overdue_unsure(last.get(i), latest.get(i), data.day, years, starts.get(i))}
    return _result(data, "training_overdue", "school", late, _base(data), lower_is_better=True,
                   notes=notes)


def _active_routes(data: IndicatorData) -> list[RouteFact]:
    members = set(_base(data))
    return [r for r in active_routes(data) if r.staff_id in members]


def route_coverage(data: IndicatorData) -> Result:
    """Share of P(D) with an ИОМ active on D (approved, not «проект»; its period covers D;
    not «завершён»). domain.md §6."""
    counted = {r.staff_id for r in _active_routes(data)}
    return _result(data, "route_coverage", "school", counted, _base(data))


def route_steps_done(data: IndicatorData) -> Result:
    """Steps done on D (done date on or before D) over all steps of the ИОМ active on D
    (counts are steps). Drill-down: people whose steps are all done, and people with
    steps left."""
    done = total = 0
    finished: dict[str, bool] = {}
    for r in _active_routes(data):
        d, t, _ = rt.route_progress(r.steps, data.day)
        done, total = done + d, total + t
        finished[r.staff_id] = finished.get(r.staff_id, True) and d == t
    ids = tuple(p for p in _base(data) if finished.get(p) is True)
    other = tuple(p for p in _base(data) if finished.get(p) is False)
    return Result("route_steps_done", "school", title("route_steps_done", data.settings), done,
                  total, ids, other)


def diagnostic_coverage(data: IndicatorData) -> Result:
    """Share of P(D) with any diagnostic from 1 September of the school year of D to D."""
    start, _ = rm.academic_year_bounds(rm.academic_year(data.day))
    counted = {d.staff_id for d in data.diagnostics if start <= d.date <= data.day}
    return _result(data, "diagnostic_coverage", "school", counted, _base(data))


def _active_pairs(data: IndicatorData) -> list[rm.PairFacts]:
    return active_pairs(data)


def pairs_active(data: IndicatorData) -> Result:
    """Mentorship pairs and groups active on D (a count; reports.mentorship.active_on:
    started, not ended before D, mentor and a mentee employed on D). Drill-down: their
    mentors."""
    mentors = tuple(dict.fromkeys(p.mentor_id for p in _active_pairs(data)))
    return Result("pairs_active", "school", title("pairs_active", data.settings),
                  len(_active_pairs(data)), 0, mentors, (), kind=COUNT)


def pairs_per_mentor(data: IndicatorData) -> Result:
    """Active pairs over the number of distinct mentors of those pairs (a ratio)."""
    pairs = _active_pairs(data)
    mentors = tuple(dict.fromkeys(p.mentor_id for p in pairs))
    return Result("pairs_per_mentor", "school", title("pairs_per_mentor", data.settings),
                  len(pairs), len(mentors), mentors, (), kind=RATIO)


def pairs_bad_length(data: IndicatorData) -> Result:
    """Active pairs whose programme (start → planned end, in calendar months inclusive:
    01.09–30.11 is 3) is outside 3–12 months (mentorship_min_months / _max_months;
    АЗ-1128/08/657). Lower is better."""
    low = int(data.setting("mentorship_min_months") or rm.MIN_MONTHS)
    high = int(data.setting("mentorship_max_months") or rm.MAX_MONTHS)
    pairs = _active_pairs(data)
    bad = [p for p in pairs if rm.check_length(p.start, p.planned_end, low, high)]
    return Result("pairs_bad_length", "school", title("pairs_bad_length", data.settings), len(bad),
                  len(pairs), tuple(dict.fromkeys(p.mentor_id for p in bad)), (),
                  kind=COUNT, lower_is_better=True)


def pairs_no_order(data: IndicatorData) -> Result:
    """Active pairs without a school order: no order number recorded (a missing order date
    is asked for on the card, not counted here). Lower is better."""
    pairs = _active_pairs(data)
    bad = [p for p in pairs if not rm.has_order(p)]
    return Result("pairs_no_order", "school", title("pairs_no_order", data.settings), len(bad),
                  len(pairs), tuple(dict.fromkeys(p.mentor_id for p in bad)), (),
                  kind=COUNT, lower_is_better=True)


def categories_expiring(data: IndicatorData) -> Result:
    """P(D) holding a category whose term ends from D to D + 6 months
    (category_warn_months; Приказ № 196: apply at least 3 months ahead), over P(D) holding
    one. Lower is better; no target."""
    months = int(data.setting("category_warn_months") or 6)
    until = rules.category_warning_until(data.day, months)
    members = set(_base(data))
    current = [c for c in data.categories if c.staff_id in members
               and ra.category_valid_on(c.decision_date, c.valid_until, data.day,
                                        c.decision_precision)]
    holders = [p for p in _base(data) if any(c.staff_id == p for c in current)]
    latest: dict[tuple[str, str], CategoryFact] = {}
    for c in current:         # a newer decision for the same position replaces the old one
        key = (c.staff_id, c.position)
        if key not in latest or (ra.decided_order(c.decision_date)
                                 > ra.decided_order(latest[key].decision_date)):
            latest[key] = c
    # a year-only decision's term as counted (its 1 January), unless only the unknown day
    # decides: then it is listed apart, «уточнить дату решения» (categories_to_clarify)
    expiring = {c.staff_id for c in latest.values()
                if (end := ra.term_end(c.decision_date, c.valid_until, c.decision_precision))
                is not None and end <= until
                and not ra.term_unsure(c.facts(), data.day, months)}
    return _result(data, "categories_expiring", "school", expiring, holders,
                   lower_is_better=True)


def categories_to_clarify(data: IndicatorData) -> dict[str, list[ra.Expiry]]:
    """P(D)'s categories listed with the ending ones as «уточнить дату решения» (no
    decision date, or a year-only one whose unknown day decides: reports.attestation
    .expiring), per person; not in the figure of categories_expiring."""
    months = int(data.setting("category_warn_months") or 6)
    members = set(_base(data))
    by_person: dict[str, list[ra.CategoryFacts]] = {}
    for c in data.categories:
        if c.staff_id in members:
            by_person.setdefault(c.staff_id, []).append(c.facts())
    found = {staff_id: [e for e in ra.expiring(cats, data.day, months) if e.clarify]
             for staff_id, cats in by_person.items()}
    return {staff_id: items for staff_id, items in found.items() if items}


def programme_done(data: IndicatorData) -> Result:
    """Activities of the current development programme done on D over those due on D
    (reports.programme: due = not cancelled, deadline ≤ D)."""
    from metodkab.reports import programme as rp

    total = rp.progress_total(data.activities, data.day)
    return Result("programme_done", "school", title("programme_done", data.settings), total.done,
                  total.due)


def programme_breakdown(data: IndicatorData) -> list[Result]:
    """Programme progress by task, by direction and by person responsible (done over due)."""
    from metodkab.reports import programme as rp

    names = {p.id: p.name for p in data.people}
    rows: list[Result] = []
    for prefix, label, lines in (
            ("task", S.IND_BY_TASK, rp.progress_by_task(data.activities, data.day, data.tasks)),
            ("direction", S.IND_BY_DIRECTION,
             rp.progress_by_direction(data.activities, data.day, S.IND_NO_DIRECTION)),
            ("person", S.IND_BY_PERSON,
             rp.progress_by_person(data.activities, data.day, sorted(
                 names.items(), key=lambda kv: kv[1])))):
        for line in lines:
            ids = (line.key,) if prefix == "person" else ()
            rows.append(Result(f"programme_{prefix}_{line.key}", "programme",
                               f"{label}: {line.label}", line.done, line.due, ids))
    return rows


# --- the teacher's growth (reports/growth.py: who counts) ------------------------------------


def _growth(data: IndicatorData, key: str, rule, facts) -> Result:
    counted = rule(facts, data.period_start, data.period_end, data.day)
    return _result(data, key, "growth", counted, _base(data))


def achievers_municipal(data: IndicatorData) -> Result:
    """Share of P(D) with an achievement at municipal level or higher (муниципальный,
    региональный, всероссийский, международный) dated in the period."""
    return _growth(data, "achievers_municipal", rg.municipal_or_higher, data.achievements)


def contest_participants(data: IndicatorData) -> Result:
    """P(D) who took part in a professional contest in the period (any level and result)."""
    return replace(_growth(data, "contest_participants", rg.contest_participants,
                           data.achievements), kind=COUNT)


def contest_winners(data: IndicatorData) -> Result:
    """P(D) who won a professional contest in the period: победитель, призёр or лауреат."""
    return replace(_growth(data, "contest_winners", rg.contest_winners, data.achievements),
                   kind=COUNT)


def shared_practice(data: IndicatorData) -> Result:
    """Share of P(D) who shared practice in the period: an open lesson, a master class or
    a talk, at any level."""
    return _growth(data, "shared_practice", rg.shared_practice, data.achievements)


def short_learning(data: IndicatorData) -> Result:
    """Share of P(D) with short learning in the period (lectures, webinars, seminars,
    online courses under 16 hours; never counted as ПК)."""
    return _growth(data, "short_learning", rg.short_learners, data.learning)


# --- the registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Definition:
    key: str
    group: str
    compute: Callable[[IndicatorData], Result] = field(repr=False)

    @property
    def name(self) -> str:
        """The title under the default settings (``title`` with the school's settings is
        what a figure carries)."""
        return title(self.key)

    @property
    def doc(self) -> str:
        """The formula and source, for the drill-down and the export."""
        return " ".join((self.compute.__doc__ or "").split())


INDICATORS: dict[str, Definition] = {d.key: d for d in (
    Definition("federal_register", "federal", federal_register),
    Definition("fl_diagnostics", "federal", fl_diagnostics),
    Definition("fl_high_score", "federal", fl_high_score),
    Definition("management_trained", "federal", management_trained),
    Definition("young_supported", "federal", young_supported),
    Definition("edu_higher", "self", edu_higher),
    Definition("edu_higher_ped", "self", edu_higher_ped),
    Definition("edu_spo", "self", edu_spo),
    Definition("edu_spo_ped", "self", edu_spo_ped),
    Definition("cat_any", "self", cat_any),
    Definition("cat_highest", "self", cat_highest),
    Definition("cat_first", "self", cat_first),
    Definition("exp_under_5", "self", exp_under_5),
    Definition("exp_over_30", "self", exp_over_30),
    Definition("age_under_30", "self", age_under_30),
    Definition("age_55_plus", "self", age_55_plus),
    Definition("trained_5y", "self", trained_5y),
    Definition("trained_fgos", "self", trained_fgos),
    Definition("training_overdue", "school", training_overdue),
    Definition("route_coverage", "school", route_coverage),
    Definition("route_steps_done", "school", route_steps_done),
    Definition("diagnostic_coverage", "school", diagnostic_coverage),
    Definition("pairs_active", "school", pairs_active),
    Definition("pairs_per_mentor", "school", pairs_per_mentor),
    Definition("pairs_bad_length", "school", pairs_bad_length),
    Definition("pairs_no_order", "school", pairs_no_order),
    Definition("categories_expiring", "school", categories_expiring),
    Definition("programme_done", "school", programme_done),
    Definition("achievers_municipal", "growth", achievers_municipal),
    Definition("contest_participants", "growth", contest_participants),
    Definition("contest_winners", "growth", contest_winners),
    Definition("shared_practice", "growth", shared_practice),
    Definition("short_learning", "growth", short_learning),
)}
DISTRIBUTIONS: tuple[Callable[[IndicatorData], list[Result]], ...] = (
    by_education, by_category, by_experience, by_age)
GROUP_ORDER = ("federal", "self", "education", "category", "experience", "age", "school",
               "growth",
               "programme")


def compute(key: str, data: IndicatorData) -> Result | None:
    definition = INDICATORS.get(key)
    return None if definition is None else definition.compute(data)


def compute_all(data: IndicatorData) -> list[Result]:
    """Every indicator, the distributions and the programme breakdown, in screen order."""
    results = [d.compute(data) for d in INDICATORS.values()]
    for distribution in DISTRIBUTIONS:
        results += distribution(data)
    results += programme_breakdown(data)
    order = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(results, key=lambda r: order.get(r.group, len(order)))   # stable


def rule_values(settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The thresholds the rules read (the settings and their defaults), as the help line
    names them: one source for the figure and for its description."""
    values = {**EXTRA_DEFAULTS, **(settings or {})}

    def number(key: str, default: Any) -> Any:
        value = values.get(key)
        return default if value is None else value

    forms = [S.IND_SUPPORT_FORMS[f] for f in SUPPORT_FORMS if values.get(f"support_{f}", True)]
    return {
        "training_years": number("training_period_years", 3),
        "self_years": number("self_evaluation_training_years", 5),
        "young_age": number("young_max_age", 35),
        "young_years": number("young_max_experience", 3),
        "fl_percent": number("fl_high_score_percent", 70),
        "min_months": number("mentorship_min_months", rm.MIN_MONTHS),
        "max_months": number("mentorship_max_months", rm.MAX_MONTHS),
        "warn_months": number("category_warn_months", 6),
        "target_young": number("target_young_supported", 70),
        "target_federal_register": number("target_federal_register", 30),
        "target_fl_diagnostics": number("target_fl_diagnostics", 30),
        "target_fl_high_score": number("target_fl_high_score", 15),
        "forms": ", ".join(forms) or S.IND_NO_FORMS,
    }


# --- titles: an indicator's name states the numbers its settings set --------------------


def years_text(years: int) -> str:
    """«1 год», «3 года», «5 лет»: the years after «за», «раз в»."""
    return f"{years} {rules.plural(int(years), S.IND_YEAR_FORMS)}"


def years_genitive(years: int) -> str:
    """«3 лет», «1 года», «21 года»: the years after «более», «до»."""
    return f"{years} {rules.plural(int(years), S.IND_YEARS_GENITIVE)}"


def title_values(settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """``rule_values`` and the numbers as titles word them (IND_NAMES, the office's
    lists): «3 лет» after «более», «5 лет», «3–12 мес.», «за 6 мес.», «в ближайшие
    6 месяцев»."""
    values = rule_values(settings)
    years, self_years = int(values["training_years"]), int(values["self_years"])
    months = int(values["warn_months"])
    month_word = rules.plural(months, S.IND_MONTH_FORMS)
    values.update(
        training_years_gen=years_genitive(years),
        training_last=f"{rules.plural(years, S.IND_LAST_FORMS)} {years_text(years)}",
        self_years_text=years_text(self_years),
        length_range=S.IND_LENGTH_RANGE.format(**values),
        warn_within=S.IND_WARN_WITHIN.format(**values),
        overdue_term=S.IND_OVERDUE_TERM.format(years=years_genitive(years)),
        expiring_term=S.IND_EXPIRING_TERM.format(months=months, word=month_word),
        expiring_within=S.IND_EXPIRING_WITHIN.format(months=months, word=month_word))
    return values


def title(key: str, settings: dict[str, Any] | None = None) -> str:
    """The indicator's name with the numbers of the settings it is computed with
    («Не проходили ПК более 5 лет» where Настройки say 5 years): the one title of the
    dashboard, Показатели, the to-do lists, Excel, Word and the office's reports."""
    return _titled(S.IND_NAMES.get(key, key), title_values(settings))


def _titled(template: str, values: dict[str, Any]) -> str:
    return template.format(**values) if "{" in template else template


def shared_values(settings: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``title_values`` for figures computed with several schools' settings (the office):
    a number every school has is stated; one the schools differ in is said «по настройкам
    школы» (S.IND_BY_SCHOOL), never one school's value for all."""
    each = [title_values(one) for one in settings] or [title_values()]
    values = dict(each[0])
    for key, phrase in S.IND_BY_SCHOOL.items():
        if len({v[key] for v in each}) > 1:
            values[key] = phrase
    return values


def shared_title(key: str, settings: Sequence[dict[str, Any]]) -> str:
    """The title of a column of figures computed with several schools' settings: the
    schools' title where it is the same for all, else the title that says «по настройкам
    школы» where they differ, marked «*» for ``title_footnote``."""
    own = {title(key, one) for one in settings}
    if len(own) <= 1:
        return next(iter(own), title(key))
    return _titled(S.IND_NAMES.get(key, key), shared_values(settings)) + FOOTNOTE_MARK


def title_footnote(key: str, schools: Sequence[tuple[str, dict[str, Any]]]) -> str | None:
    """Where the schools' settings give a figure different titles: which school's figure
    counts what («* Не проходили ПК более срока по настройкам школы: «…более 3 лет» —
    0101, 0102; «…более 5 лет» — 0412»); the largest group is «остальные школы (N)» when
    there are many. None where every school's title is the same."""
    groups: dict[str, list[str]] = {}
    for code, settings in schools:
        groups.setdefault(title(key, settings), []).append(code)
    if len(groups) <= 1:
        return None
    ranked = sorted(groups.items(), key=lambda kv: (len(kv[1]), kv[0]))
    parts = [S.IND_FOOTNOTE_GROUP.format(title=own, schools=", ".join(codes))
             for own, codes in ranked[:-1]]
    last_title, last = ranked[-1]
    parts.append(S.IND_FOOTNOTE_GROUP.format(
        title=last_title, schools=(S.IND_FOOTNOTE_REST.format(count=len(last))
                                   if len(last) > FOOTNOTE_NAMED else ", ".join(last))))
    column = shared_title(key, [s for _, s in schools]).removesuffix(FOOTNOTE_MARK)
    return S.IND_FOOTNOTE.format(mark=FOOTNOTE_MARK, title=column, groups="; ".join(parts))


def explain(result: Result, settings: dict[str, Any] | None = None) -> str:
    """The rule of the figure in plain Russian, boundaries included, with the thresholds
    from ``settings`` (the values the computation used)."""
    text = S.IND_FORMULAS.get(result.key) or S.IND_FORMULAS.get(result.group, "")
    return text.format(**rule_values(settings))
