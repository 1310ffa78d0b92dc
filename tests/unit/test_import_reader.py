"""Reading tables (XLSX, CSV in two encodings and separators) and guessing the columns."""

import datetime as dt
import shutil

import pytest
from openpyxl import Workbook

from metodkab.importing import mapping as m
from metodkab.importing.reader import ImportFileError, decode, detect_delimiter, read_table
from tests.data import make_import_samples as samples

STAFF = m.header_score(m.STAFF)
TRAININGS = m.header_score(m.TRAININGS)


def test_staff_sheet_with_title_rows_and_numbering():
    sheet = read_table(samples.STAFF_XLSX, score=STAFF)
    assert sheet.sheet_name == "Кадры" and sheet.header_row == 4
    assert sheet.headers == samples.STAFF_HEADER
    numbers = [n for n, _ in sheet.rows]
    assert numbers == list(range(6, 6 + len(samples.STAFF_ROWS)))     # "1 2 3 …" row skipped
    first = sheet.rows[0][1]
    assert first[1] == "ИВАНОВА" and first[4] == dt.date(1980, 3, 14)
    assert sheet.column_label(5) == "F «Должность»"
    assert sheet.samples(5) == ["Учитель", "учитель истории и обществознания", "педагог-психолог"]


def test_csv_in_windows_1251_with_semicolons():
    sheet = read_table(samples.STAFF_CSV, score=STAFF)
    assert (sheet.encoding, sheet.delimiter, sheet.header_row) == ("Windows-1251", ";", 1)
    assert sheet.headers[:3] == ["ФИО", "Дата рождения", "Должность"]
    assert sheet.rows[0] == (2, ["ИВАНОВА  АННА ПЕТРОВНА", "14.03.1980", "учитель математики",
                                 "высш.", "12 лет", "высшее педагогическое"])
    assert sheet.column_label(0) == "1 «ФИО»"


def test_csv_in_utf8_with_commas_and_quotes(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text('\ufeffФИО,Должность,Стаж\n"Иванова Анна Петровна","учитель, методист",12\n'
                    'Петров Пётр Петрович,учитель,3\n', encoding="utf-8")
    sheet = read_table(path, score=STAFF)
    assert (sheet.encoding, sheet.delimiter) == ("UTF-8", ",")
    assert sheet.rows[0][1] == ["Иванова Анна Петровна", "учитель, методист", "12"]


def test_csv_in_utf16_with_tabs(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes("ФИО\tДолжность\nИванова Анна\tучитель\n".encode("utf-16"))
    sheet = read_table(path, score=STAFF)
    assert (sheet.encoding, sheet.delimiter) == ("UTF-16", "\t")
    assert sheet.rows == [(2, ["Иванова Анна", "учитель"])]


def test_decode_and_delimiter():
    assert decode("ФИО;Стаж".encode("cp1251")) == ("ФИО;Стаж", "Windows-1251")
    assert decode("ФИО;Стаж".encode("utf-8")) == ("ФИО;Стаж", "UTF-8")
    assert detect_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert detect_delimiter('a,b,c\n1,"2;5",3\n') == ","


def test_merged_cells_are_filled_as_the_user_sees_them():
    sheet = read_table(samples.TRAININGS_XLSX, score=TRAININGS)
    assert sheet.header_row == 2
    by_number = dict(sheet.rows)
    assert by_number[4][1] == by_number[5][1] == "Петров Сергей Иванович"


def test_two_header_rows(tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["№", "ФИО", None, None, "Дата рождения", "Должность"])
    ws.append([None, "Фамилия", "Имя", "Отчество", None, None])
    ws.append([1, "Иванова", "Анна", "Петровна", "14.03.1980", "учитель"])
    ws.merge_cells("B1:D1")
    ws.merge_cells("E1:E2")
    ws.merge_cells("F1:F2")
    path = tmp_path / "two.xlsx"
    book.save(path)
    sheet = read_table(path, score=STAFF)
    assert sheet.headers == ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность"]
    assert [n for n, _ in sheet.rows] == [3]


def test_the_sheet_with_the_list_is_chosen(tmp_path):
    book = Workbook()
    book.active.title = "Пояснения"
    book.active.append(["Список заполняется по состоянию на 1 сентября"])
    hidden = book.create_sheet("Старый")
    hidden.append(["ФИО", "Должность", "Дата рождения", "Категория"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("Педагоги")
    data.append(["ФИО", "Должность"])
    data.append(["Иванова Анна Петровна", "учитель"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    sheet = read_table(path, score=STAFF)
    assert sheet.sheet_name == "Педагоги" and len(sheet.rows) == 1


@pytest.mark.parametrize("name, message", [
    ("old.xls", "Excel 97–2003 .*повреждён"), ("list.ods", "LibreOffice .*повреждён"),
    ("missing.csv", "не найден"), ("notes.docx", "не поддерживаются"),
])
def test_files_that_cannot_be_read(tmp_path, name, message):
    path = tmp_path / name
    if name != "missing.csv":
        path.write_bytes(b"\xd0\xcf\x11\xe0 not a table")
    with pytest.raises(ImportFileError, match=message):
        read_table(path, score=STAFF)


def test_broken_xlsx_empty_file_and_unknown_headers(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ImportFileError, match="Excel"):
        read_table(broken, score=STAFF)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n;;\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="пуста"):
        read_table(empty, score=STAFF)
    # Headers nobody could guess: the first filled row is the header; the user maps it.
    plain = tmp_path / "plain.csv"
    plain.write_text("\nКто;Кем работает\nИванова Анна;учитель\n", encoding="utf-8")
    sheet = read_table(plain, score=STAFF)
    assert sheet.header_row == 2 and sheet.headers == ["Кто", "Кем работает"]
    assert sheet.rows == [(3, ["Иванова Анна", "учитель"])]
    assert m.guess_mapping(sheet.headers, m.STAFF) == {}


# --- mapping ---------------------------------------------------------------------------


def test_guess_staff_columns_as_schools_write_them():
    headers = ["№ п/п", "ФИО", "Дата рождения", "Должность", "Преподаваемый предмет",
               "Квалификационная категория", "Дата присвоения категории", "Общий стаж",
               "Педагогический стаж", "Образование", "Курсы повышения квалификации", "Примечание"]
    assert m.guess_mapping(headers, m.STAFF) == {
        1: "fio", 2: "birth_date", 3: "positions", 4: "subjects", 5: "category",
        6: "category_date", 8: "experience", 9: "education", 10: "courses", 11: "notes"}


def test_guess_name_columns():
    assert m.guess_mapping(["Фамилия, имя, отчество", "Должность"], m.STAFF) == {
        0: "fio", 1: "positions"}
    assert m.guess_mapping(["Ф.И.О.", "Должность"], m.STAFF) == {0: "fio", 1: "positions"}
    assert m.guess_mapping(["Фамилия", "Имя", "Отчество", "Стаж"], m.STAFF) == {
        0: "last_name", 1: "first_name", 2: "middle_name", 3: "experience"}
    assert m.guess_mapping(["ФИО педагога (полностью)", "Занимаемая должность"], m.STAFF) == {
        0: "fio", 1: "positions"}


def test_guess_training_columns():
    headers = ["№", "ФИО", "Наименование программы", "Организация, проводившая обучение",
               "Кол-во часов", "Сроки прохождения", "Номер удостоверения", "Дата выдачи"]
    assert m.guess_mapping(headers, m.TRAININGS) == {
        1: "fio", 2: "title", 3: "provider", 4: "hours", 5: "period", 6: "doc_number",
        7: "doc_date"}
    assert m.guess_mapping(["ФИО", "Курсы", "Год"], m.TRAININGS) == {
        0: "fio", 1: "courses", 2: "year"}


def test_mapping_problems_and_description():
    assert m.problems({0: "positions"}, m.STAFF) == [m.S.IMP_MAP_NEED_NAME]
    assert m.problems({0: "fio"}, m.TRAININGS) == [m.S.IMP_MAP_NEED_TITLE]
    assert m.problems({0: "last_name", 1: "first_name", 2: "title"}, m.TRAININGS) == []
    assert m.describe({0: "fio", 2: "positions"}, ["ФИО", "", "Должн."]) == [
        "A «ФИО» → ФИО", "C «Должн.» → Должность"]


def test_saved_mapping_follows_the_headers(fresh_db):
    headers = ["Сотрудник", "Что ведёт", "Разряд"]
    m.save_mapping(fresh_db, "  Наш  список ", m.STAFF, headers,
                   {0: "fio", 1: "subjects", 2: "category"})
    stored = fresh_db.db.conn.execute(
        "SELECT key FROM settings WHERE key LIKE 'import_mapping:%'").fetchall()
    assert stored == [("import_mapping:Наш список",)]
    saved = m.load_mapping(fresh_db, "наш список", m.STAFF)
    assert [s.name for s in m.saved_mappings(fresh_db, m.STAFF)] == ["Наш список"]
    assert m.saved_mappings(fresh_db, m.TRAININGS) == []
    # Another file: the columns moved and one more was added; found by header name.
    assert saved.apply(["№", "Разряд", "Сотрудник", "Что ведёт"]) == {
        1: "category", 2: "fio", 3: "subjects"}
    with pytest.raises(ValueError, match="не найден"):
        m.load_mapping(fresh_db, "чужой")
    with pytest.raises(ValueError, match="другого вида"):
        m.load_mapping(fresh_db, "Наш список", m.TRAININGS)
    with pytest.raises(ValueError, match="название"):
        m.save_mapping(fresh_db, "  ", m.STAFF, headers, {0: "fio"})


def test_samples_can_be_rebuilt(tmp_path):
    """The committed samples are what the script makes (so they can be regenerated)."""
    made = samples.make_staff_csv(tmp_path / "s.csv")
    assert made.read_bytes() == samples.STAFF_CSV.read_bytes()
    shutil.copy(samples.make_staff_xlsx(tmp_path / "s.xlsx"), tmp_path / "copy.xlsx")
    assert read_table(tmp_path / "copy.xlsx", score=STAFF).headers == samples.STAFF_HEADER


def test_ods_merged_cells_are_filled_in():
    # python-calamine reports no merged cells for .ods: they are read from content.xml.
    xlsx = read_table(samples.TRAININGS_XLSX, score=m.header_score(m.TRAININGS))
    ods = read_table(samples.TRAININGS_ODS, score=m.header_score(m.TRAININGS))
    assert [r[1][1] for r in ods.rows] == [r[1][1] for r in xlsx.rows]
    assert ods.rows[2][1][1] == "Петров Сергей Иванович"          # B4:B5 merged down
