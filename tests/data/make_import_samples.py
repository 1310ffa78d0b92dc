"""Make the sample tables of the import tests (committed beside this script).

    .venv/bin/python tests/data/make_import_samples.py

They look like what schools keep: a title merged over the top rows, the column numbering
row, ФИО in three columns or in one, values written by hand; a list as school websites
publish it (Windows-1251 CSV with the list's date in its title), and the same list as
XLSX, XLS and ODS with «ФИО» merged over «Фамилия | Имя | Отчество». The .xls and .ods
files are written by LibreOffice (``soffice --headless --convert-to``), which openpyxl
cannot do; without LibreOffice the committed ones are left as they are. The
password-protected samples come from make_password_samples.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = DATA = Path(__file__).parent
STAFF_XLSX = HERE / "import_staff_fio3.xlsx"
STAFF_CSV = HERE / "import_staff_fio1_cp1251.csv"
TRAININGS_XLSX = HERE / "import_trainings_text.xlsx"

STAFF_HEADER = ["№ п/п", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность",
                "Преподаваемый предмет", "Категория", "Дата присвоения категории",
                "Пед. стаж", "Курсы"]
STAFF_ROWS = [
    [1, "ИВАНОВА", "анна", "петровна", dt.datetime(1980, 3, 14), "Учитель", "Математика",
     "высшая", "27.03.2022", "12 лет",
     "2021, ФГОС ООО, 36 ч; 2023 — «Функциональная грамотность», 72 ч."],
    [2, " Петров ", "Сергей", "Иванович", "05.11.1975", "учитель истории и обществознания",
     None, "1 кв. к.", "2019 г.", 25, None],
    [3, "Сидорова", "Елена", None, 30000, "педагог-психолог", None, "СЗД", None, "3",
     "Курсы по инклюзии 2020"],
    [4, "Кузнецов", "Олег", "Петрович", "31.02.1990", "учитель", "физкультура", None, None,
     None, None],
    [5, "Морозова", "Ольга", "Викторовна", "12.07.1992", None, "музыка", None, None, None, None],
    [6, "Новикова", "Мария", "Андреевна", "01.02.1998", "Учитель начальных классов", None,
     "В", None, "2 года", None],
    [7, "Иванова", "Анна", "Петровна", "14.03.1980", "учитель", None, None, None, None, None],
]

CSV_TEXT = """ФИО;Дата рождения;Должность;Категория;Стаж;Образование
ИВАНОВА  АННА ПЕТРОВНА;14.03.1980;учитель математики;высш.;12 лет;высшее педагогическое
Смирнов Павел Андреевич;23.08.1985;зам. директора по УВР, учитель физики;первая (2020);15;высшее
Козлова Ирина Олеговна;1990 г.;социальный педагог;б/к;5 лет;ср. проф.
Петров;01.01.1970;учитель;;;
Фёдорова Светлана Игоревна;02.02.1988;педагог доп. образования;СЗД;7;СПО
Лебедев Артём Олегович;10.10.1995;учитель-логопед;вторая;2;высшее
"""

# A list as schools put it on their website (Windows-1251 CSV, a title row with the list's
# date); the same rows are written as XLSX, XLS and ODS with «ФИО» merged over
# «Фамилия | Имя | Отчество».
SITE_TITLE = "Педагогический состав МБОУ «Берёзовская СОШ» на 01.09.2025"
SITE_HEADER = ["№", "ФИО", "Занимаемая должность", "Преподаваемые дисциплины",
               "Уровень образования", "Квалификация по диплому", "Общий стаж",
               "Педагогический стаж", "Категория", "Повышение квалификации"]
SITE_ROWS = [
    [1, "Иванова Анна Петровна", "Учитель (внешний совместитель)", "Математика", "высшее",
     "учитель математики", "20 лет", "18 лет", "высшая 27.03.2022",
     "ФГОС ООО 2021: 36 ч. (2022)"],
    [2, "Петров Сергей Иванович", "Заместитель директора по УВР", "Математика", "высшее",
     "учитель истории", "33 года", "33 года", "первая 15.12.2021",
     "Управление образовательной организацией, 72 ч., 2023; "
     "Функциональная грамотность 36 ч (2022)"],
    [3, "Алиев Руслан Мамед оглы", "Учитель", "Физическая культура",
     "среднее профессиональное", "педагог по физической культуре", "6 лет", "5 лет", "СЗД",
     "2021, 72 ч., Современные методики физического воспитания"],
    [4, "Гасанова Лейла Ильгар кызы", "Учитель", "Начальные классы", "высшее",
     "учитель начальных классов", "10 лет", "8 лет", "", "Обучение детей с ОВЗ, 72 ч., 2023"],
    [5, "Смирнова Ольга Викторовна", "Педагог-психолог", "", "высшее", "психолог", "12 лет",
     "12 лет", "СЗД 2021", ""],
    [6, "Кузьмин Илья Ильич", "Учитель, совместитель", "Информатика", "высшее", "инженер",
     "15 лет", "3 года", "", "Цифровая образовательная среда, 16 ч., 2024"],
]
SITE_CSV = HERE / "import_site_cp1251.csv"


def make_site_csv(path: Path = SITE_CSV) -> Path:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([SITE_TITLE] + [""] * (len(SITE_HEADER) - 1))
    writer.writerow(SITE_HEADER)
    for row in SITE_ROWS:
        writer.writerow(row)
    path.write_bytes(out.getvalue().encode("cp1251"))
    return path


SITE_XLSX = HERE / "import_site_merged.xlsx"
SITE_XLS = HERE / "import_site_merged.xls"
SITE_ODS = HERE / "import_site_merged.ods"
TRAININGS_ODS = HERE / "import_trainings_text.ods"


def make_site_xlsx(path: Path = SITE_XLSX) -> Path:
    """The site list with a two-row header: «ФИО» merged over «Фамилия | Имя | Отчество»,
    every other header merged down over both rows."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Педагоги"
    width = len(SITE_HEADER) + 2
    sheet.append([SITE_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    top = [SITE_HEADER[0], "ФИО", None, None, *SITE_HEADER[2:]]
    sheet.append(top)
    sheet.append([None, "Фамилия", "Имя", "Отчество"] + [None] * (width - 4))
    sheet.merge_cells("B2:D2")
    for column in [1, *range(5, width + 1)]:
        letter = get_column_letter(column)
        sheet.merge_cells(f"{letter}2:{letter}3")
    for row in SITE_ROWS:
        last, first, middle = row[1].split(" ", 2)
        sheet.append([row[0], last, first, middle, *row[2:]])
    book.save(path)
    return path


def make_site_xls_ods() -> list[Path]:
    """The same workbook as .xls and .ods, written by LibreOffice (openpyxl writes neither);
    the files are committed, so the tests need no LibreOffice."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: .xls and .ods left as they are")
        return []
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, target, fmt in ((SITE_XLSX, SITE_XLS, "xls"), (SITE_XLSX, SITE_ODS, "ods"),
                                    (TRAININGS_XLSX, TRAININGS_ODS, "ods")):
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", fmt, "--outdir", tmp, str(source)],
                           check=True, capture_output=True, timeout=180)
            shutil.move(Path(tmp) / f"{source.stem}.{fmt}", target)
            made.append(target)
    return made


TRAINING_HEADER = ["№", "ФИО педагога", "Повышение квалификации (год, тема, часы)", "Организация"]
TRAINING_ROWS = [
    [1, "Иванова А.П.", "2021, ФГОС ООО, 36 ч", "ГАУ ДПО ИРО"],
    [2, "Петров Сергей Иванович",
     "12.03.2022–25.03.2022 «Функциональная грамотность школьников», 72 ч.", None],
    [3, None, "Переподготовка «Менеджмент в образовании», 2020 г., 520 ч", None],
    [4, "СИДОРОВА ЕЛЕНА", "Инклюзивное образование детей с ОВЗ, 2024 г., 16 часов", None],
    [5, "Неизвестный Иван Иванович", "2022, ФГОС, 36 ч", None],
    [6, "Новикова Мария Андреевна", "ФГОС НОО", None],
    [7, "Иванова Анна Петровна", "2021, ФГОС ООО, 36 ч", "ГАУ ДПО ИРО"],
]


def make_staff_xlsx(path: Path = STAFF_XLSX) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Кадры"
    sheet["A1"] = "Список педагогических работников МБОУ «Тестовая СОШ»"
    sheet.merge_cells("A1:K1")
    sheet["A2"] = "по состоянию на 01.09.2026"
    sheet.merge_cells("A2:K2")
    sheet.append([])
    sheet.append(STAFF_HEADER)
    sheet.append(list(range(1, len(STAFF_HEADER) + 1)))
    for row in STAFF_ROWS:
        sheet.append(row)
    sheet["E6"].number_format = "DD.MM.YYYY"
    book.save(path)
    return path


def make_staff_csv(path: Path = STAFF_CSV) -> Path:
    path.write_bytes(CSV_TEXT.replace("\n", "\r\n").encode("cp1251"))
    return path


def make_trainings_xlsx(path: Path = TRAININGS_XLSX) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Курсы"
    sheet["A1"] = "Курсовая подготовка педагогов, 2020–2024"
    sheet.merge_cells("A1:D1")
    sheet.append(TRAINING_HEADER)
    for row in TRAINING_ROWS:
        sheet.append(row)
    sheet.merge_cells("B4:B5")         # one person, two courses: ФИО merged down
    book.save(path)
    return path


if __name__ == "__main__":
    for made in (make_staff_xlsx(), make_staff_csv(), make_trainings_xlsx(), make_site_csv(),
                 make_site_xlsx(), *make_site_xls_ods()):
        print(made)
