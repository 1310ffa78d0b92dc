"""Which column holds what: the guess from header names as schools write them, and
mappings saved under a name (settings key ``import_mapping:<name>``) to reuse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from metodkab import strings as S
from metodkab.importing.reader import normalise_header

STAFF = "staff"
TRAININGS = "trainings"
KINDS = (STAFF, TRAININGS)
SETTING_PREFIX = "import_mapping:"

Mapping = dict[int, str]      # column index → field key


@dataclass(frozen=True)
class Rule:
    """How a field's header is recognised: ``exact`` compact forms (3 points), ``phrases``
    at the start (2) or inside (1) the header, never when an ``exclude`` word is there."""

    exact: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


_NAME_RULES = {
    "fio": Rule(("фио", "фиополностью", "фамилияимяотчество", "фиопедагога", "фиоработника",
                 "фиосотрудника", "фиоучителя", "фиопедагогическогоработника", "сотрудник",
                 "работник", "педагог", "педагогическийработник", "фамилияиинициалы"),
                ("фио", "ф и о", "фамилия, имя, отчество", "фамилия имя отчество")),
    "last_name": Rule(("фамилия",), ("фамилия",), ("имя", "инициал")),
    "first_name": Rule(("имя",)),
    "middle_name": Rule(("отчество",), ("отчество",), ("фамилия",)),
    "birth_date": Rule(("датарождения", "др", "рождения", "годрождения", "числомесяцгодрождения"),
                       ("дата рождения", "год рождения", "число, месяц, год рождения")),
}

_COURSES_RULE = Rule(
    ("курсы", "курсыпк", "повышениеквалификации", "курсоваяподготовка", "кпк", "пк",
     "сведенияоповышенииквалификации", "курсыповышенияквалификации", "прохождениекурсов",
     "сведенияокурсах", "курсоваяподготовкагодтемачасы"),
    ("повышение квалификации", "курсы", "курсовая подготовка", "сведения о повышении",
     "прохождение курсов", "сведения о курсах", "кпк", "данные о повышении",
     "сведения о профессиональной переподготовке"),
    ("дата", "часов", "организац", "место", "номер", "удостоверен", "вид", "форма", "последн",
     "просроч"))

STAFF_RULES: dict[str, Rule] = {
    **_NAME_RULES,
    "sex": Rule(("пол",)),
    "positions": Rule(("должность", "должности", "занимаемаядолжность",
                       "должностьпоштатномурасписанию",
                       "наименованиедолжности", "основнаядолжность"),
                      ("должност", "занимаемая должность"),
                      ("категор", "соответств", "стаж", "дата", "приказ")),
    "subjects": Rule(("предмет", "предметы", "преподаваемыйпредмет", "преподаваемыепредметы",
                      "дисциплина", "дисциплины", "преподаваемыедисциплины"),
                     ("предмет", "преподаваем", "дисциплин")),
    "employment": Rule(("занятость", "видзанятости", "характерработы", "условияпривлечениякработе",
                        "совместительство", "основнойсовместитель", "основнаяработа",
                        "основнойработник", "условияработы"),
                       ("занятост", "совместител", "условия привлечения")),
    "dismissal_date": Rule(("датаувольнения", "уволен", "уволена", "уволенa", "увольнение",
                            "уволенсдолжности"),
                           ("дата увольнения", "уволен")),
    "hire_date": Rule(("датаприема", "датаприеманаработу", "принят", "датапоступления",
                       "датапоступлениянаработу", "принятнаработу"),
                      ("дата приема", "принят на работу", "дата поступления")),
    "ped_start_date": Rule(("началопедстажа", "датаначалапедстажа",
                            "датаначалапедагогическогостажа",
                            "началопедагогическогостажа"),
                           ("начало пед", "дата начала пед")),
    "experience": Rule(("стаж", "педстаж", "педстажлет", "стажпедагогический", "педагогическийстаж",
                        "стажпедагогическойработы", "педагогическийстажлет", "стажпедработы"),
                       ("педстаж", "пед стаж", "пед. стаж", "педагогический стаж",
                        "стаж педагогической", "стаж пед", "стаж работы по специальности",
                        "стаж по специальности"),
                       ("общ", "в должности", "в данной", "начало", "дата", "руковод")),
    "education": Rule(("образование", "уровеньобразования", "образованиеуровень"),
                      ("образовани", "уровень образования"),
                      ("дополнительн", "учрежден", "наименование", "курс")),
    "qualification": Rule(("квалификация", "квалификацияподиплому", "квалификацияпообразованию",
                           "квалификацияподокументуобобразовании"),
                          ("квалификация по", "квалификация (по"), ("категор",)),
    "speciality": Rule(("специальность", "специальностьподиплому", "направлениеподготовки",
                        "направлениеподготовкииилиспециальность",
                        "наименованиенаправленияподготовкииилиспециальности",
                        "специальностьнаправлениеподготовки"),
                       ("специальност", "направлени подготовки", "направление подготовки",
                        "наименование направления")),
    "category": Rule(("категория", "квалификационнаякатегория", "квкатегория",
                      "категорияквалификационная", "наличиекатегории", "аттестация",
                      "результататтестации", "квалификационнаякатегориясзд"),
                     ("категори", "квалификационная категория", "аттестац", "кв. категория"),
                     ("дата", "год", "срок", "действ", "приказ", "окончан")),
    "category_date": Rule(("датаприсвоениякатегории", "датаприсвоения", "датааттестации",
                           "годаттестации", "годприсвоения", "годприсвоениякатегории",
                           "датаприказаобаттестации"),
                          ("дата присвоения", "дата аттестации", "год аттестации",
                           "год присвоения", "дата приказа")),
    "category_until": Rule(("срокдействиякатегории", "срокдействия", "действуетдо",
                            "категориядействуетдо", "датаокончаниядействиякатегории",
                            "срокдействияаттестации"),
                           ("срок действия", "действует до", "окончания действия",
                            "дата окончания категории")),
    "snils": Rule(("снилс",), ("снилс",)),
    "phone": Rule(("телефон", "тел", "контактныйтелефон", "мобильныйтелефон"), ("телефон",)),
    "email": Rule(("email", "электроннаяпочта", "элпочта", "почта", "адресэлектроннойпочты"),
                  ("e-mail", "email", "электронная почта", "эл. почта")),
    "notes": Rule(("примечание", "примечания", "комментарий"), ("примечан",)),
    "courses": _COURSES_RULE,
}

TRAINING_RULES: dict[str, Rule] = {
    **_NAME_RULES,
    "title": Rule(("наименованиепрограммы", "названиепрограммы", "программа", "тема", "темакурсов",
                   "названиекурсов", "наименованиекурсов", "наименованиекпк", "темакпк",
                   "наименованиедпп", "программакурсов", "названиекурса", "темапрограммы",
                   "наименованиедополнительнойпрофессиональнойпрограммы", "курс",
                   "наименованиекурса", "названиедпп", "темаобучения"),
                  ("наименование программ", "название программ", "тема", "наименование курс",
                   "название курс", "наименование дпп", "наименование дополнительной"),
                  ("организац", "учрежден", "документ", "удостоверен", "час")),
    "courses": _COURSES_RULE,
    "provider": Rule(("организация", "учреждение", "местопрохождения", "гдепроходилкурсы",
                      "гдепроходил", "образовательнаяорганизация", "наименованиеорганизации",
                      "организацияпроводившаяобучение", "ктопроводил", "местопрохождениякурсов",
                      "учебноезаведение", "организаторкурсов", "гдеобучался", "базакурсов"),
                     ("организац", "учрежден", "место прохождения", "где проход", "кем выдан",
                      "где обучал", "место обучения")),
    "hours": Rule(("часов", "количествочасов", "колвочасов", "часы", "объем", "объемчасов",
                   "объемпрограммы", "колвоч", "ч", "объемвчасах", "количествоаудиторныхчасов"),
                  ("кол-во час", "количество час", "объем", "часов", "часы")),
    "start_date": Rule(("датаначала", "начало", "датаначалаобучения", "началообучения",
                        "датаначалакурсов"),
                       ("дата начала", "начало обучения", "начало курсов"), ("пед",)),
    "end_date": Rule(("дата", "датаокончания", "окончание", "датаокончанияобучения",
                      "датазавершения",
                      "датаокончаниякурсов", "окончаниеобучения"),
                     ("дата окончания", "окончание", "дата завершения"),
                     ("действ", "категор")),
    "period": Rule(("сроки", "срокипрохождения", "срокиобучения", "период", "периодобучения",
                    "датыпрохождения", "датапрохождения", "срокипроведения", "когда",
                    "срокипрохождениякурсов", "датыобучения", "сроки"),
                   ("срок", "период", "даты прохождения", "дата прохождения", "даты обучения"),
                   ("действ",)),
    "year": Rule(("год", "годпрохождения", "годпрохождениякурсов", "годобучения", "годокончания",
                  "годпрохожденияпк"),
                 ("год прохождения", "год обучения", "год окончания"),
                 ("рожден", "аттестац", "присвоен")),
    "kind": Rule(("вид", "видобучения", "видпк", "типобучения", "видпрограммы", "виддпо",
                  "видповышенияквалификации", "пкпп", "тип"),
                 ("вид обучения", "вид программы", "вид дпо", "тип обучения", "вид повышения")),
    "form": Rule(("формаобучения", "форма", "формапрохождения", "формапроведения"),
                 ("форма обучения", "форма проведения", "форма прохождения")),
    "doc_number": Rule(("номерудостоверения", "удостоверение", "документ", "номердокумента",
                        "реквизитыдокумента", "удостоверениесертификат", "регистрационныйномер",
                        "удостоверениономер", "документоповышенииквалификации",
                        "номерудостоверениядиплома", "серияномер"),
                       ("номер удостоверен", "удостоверен", "номер документ", "реквизит",
                        "документ", "регистрационный номер"),
                       ("дата", "вид", "тип")),
    "doc_date": Rule(("датавыдачи", "датавыдачиудостоверения", "датадокумента",
                      "датаудостоверения"),
                     ("дата выдачи", "дата документа", "дата удостоверения")),
}

RULES = {STAFF: STAFF_RULES, TRAININGS: TRAINING_RULES}


def fields(kind: str) -> list[str]:
    """The target fields of an import kind, in the order they are offered."""
    return list(RULES[kind])


def field_label(key: str) -> str:
    return S.IMP_FIELD_LABELS.get(key, key)


def _compact(text: str) -> str:
    return re.sub(r"[\s.,\-–—/№'`]", "", text)


def header_points(header: str, rule: Rule) -> int:
    """How well a header names a field: 3 exact, 2 starts with a phrase, 1 contains one."""
    low = normalise_header(header)
    if not low:
        return 0
    if _compact(low) in rule.exact:
        return 3
    if any(word in low for word in rule.exclude):
        return 0
    best = 0
    for phrase in rule.phrases:
        if low.startswith(phrase):
            best = max(best, 2)
        elif re.search(r"(?:^|\s)" + re.escape(phrase), low):
            best = max(best, 1)
    return best


def header_score(kind: str):
    """A function telling how much a row of cells looks like this kind's header row."""
    rules = RULES[kind]

    def score(cells: Sequence[str]) -> int:
        found = set()
        for cell in cells:
            if len(cell) > 80:
                continue
            for key, rule in rules.items():
                if header_points(cell, rule) >= 2:
                    found.add(key)
        return len(found)

    return score


def any_header_score(cells: Sequence[str]) -> int:
    return max(header_score(kind)(cells) for kind in KINDS)


def guess_mapping(headers: Sequence[str], kind: str) -> Mapping:
    """The most likely field of each column; a field goes to one column only."""
    rules = RULES[kind]
    order = {key: i for i, key in enumerate(rules)}
    candidates = []
    for column, header in enumerate(headers):
        for key, rule in rules.items():
            points = header_points(header, rule)
            if points:
                candidates.append((-points, order[key], column, key))
    mapping: Mapping = {}
    taken: set[str] = set()
    for _, _, column, key in sorted(candidates):
        if column in mapping or key in taken:
            continue
        mapping[column] = key
        taken.add(key)
    if {"last_name", "first_name"} <= taken and "fio" in taken:
        mapping = {c: k for c, k in mapping.items() if k != "fio"}
    return dict(sorted(mapping.items()))


def problems(mapping: Mapping, kind: str) -> list[str]:
    """Why a mapping cannot be used (no name column, no course column)."""
    used = set(mapping.values())
    result = []
    if "fio" not in used and not {"last_name", "first_name"} <= used:
        result.append(S.IMP_MAP_NEED_NAME)
    if kind == TRAININGS and not used & {"title", "courses"}:
        result.append(S.IMP_MAP_NEED_TITLE)
    return result


def describe(mapping: Mapping, headers: Sequence[str], *, letters: bool = True) -> list[str]:
    """"B «Должность» → Должность" for each mapped column."""
    from metodkab.importing.reader import column_letter

    lines = []
    for column, key in sorted(mapping.items()):
        header = headers[column] if column < len(headers) else ""
        where = column_letter(column) if letters else str(column + 1)
        where += f" «{header}»" if header else ""
        lines.append(f"{where} → {field_label(key)}")
    return lines


# --- saved mappings --------------------------------------------------------------------


@dataclass(frozen=True)
class SavedMapping:
    name: str
    kind: str
    columns: tuple[tuple[str, int, str], ...]      # (normalised header, index, field)

    def apply(self, headers: Sequence[str]) -> Mapping:
        """The saved mapping on a file: columns found by header name, else by position."""
        by_header = {normalise_header(h): i for i, h in reversed(list(enumerate(headers))) if h}
        mapping: Mapping = {}
        for header, index, key in self.columns:
            column = by_header.get(header) if header else None
            if column is None and (not header or index < len(headers)
                                   and not normalise_header(headers[index])):
                column = index if index < len(headers) else None
            if column is not None and column not in mapping and key not in mapping.values():
                mapping[column] = key
        return dict(sorted(mapping.items()))


def mapping_setting(name: str) -> str:
    return SETTING_PREFIX + " ".join(name.split())


def save_mapping(store, name: str, kind: str, headers: Sequence[str], mapping: Mapping) -> str:
    """Save a mapping under ``name`` (replacing one of the same name); return the name."""
    from metodkab.storage.settings import set_settings

    name = " ".join(name.split())
    if not name:
        raise ValueError(S.IMP_MAP_NAME_EMPTY)
    columns = [{"header": normalise_header(headers[c]) if c < len(headers) else "",
                "index": c, "field": key} for c, key in sorted(mapping.items())]
    set_settings(store, {mapping_setting(name): {"kind": kind, "columns": columns}})
    return name


def saved_mappings(store, kind: str | None = None) -> list[SavedMapping]:
    """Saved mappings (of one kind), by name."""
    from metodkab.storage.settings import all_settings

    result = []
    for key, value in all_settings(store).items():
        if not key.startswith(SETTING_PREFIX) or not isinstance(value, dict):
            continue
        saved = SavedMapping(
            name=key.removeprefix(SETTING_PREFIX), kind=value.get("kind", STAFF),
            columns=tuple((c.get("header", ""), int(c.get("index", 0)), c.get("field", ""))
                          for c in value.get("columns", []) if c.get("field")))
        if kind is None or saved.kind == kind:
            result.append(saved)
    return sorted(result, key=lambda m: m.name.lower())


def load_mapping(store, name: str, kind: str | None = None) -> SavedMapping:
    """A saved mapping by name; ``ValueError`` with a Russian message when there is none."""
    wanted = " ".join(name.split()).lower()
    for saved in saved_mappings(store):
        if saved.name.lower() == wanted:
            if kind is not None and saved.kind != kind:
                raise ValueError(S.IMP_MAP_WRONG_KIND.format(
                    name=saved.name, kind=S.IMP_KIND_LABELS[saved.kind]))
            return saved
    raise ValueError(S.IMP_MAP_NOT_FOUND.format(name=name))
