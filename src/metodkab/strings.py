"""Every Russian word the user sees: labels, messages, key help.

Screens, widgets and the command line take their text from here, so wording is
reviewed in one place.
"""

APP_TITLE = "Методический кабинет"

# --- command line ---------------------------------------------------------------------
CLI_DESCRIPTION = "Методический кабинет: методическая работа школы без интернета."
CLI_HELP_DB = "файл базы данных (по умолчанию — в папке данных пользователя)"
CLI_HELP_DEMO_RUN = "открыть временную копию демонстрационной школы"
CLI_HELP_TODAY = "считать сегодняшней дату ДД.ММ.ГГГГ (для проверки и обучения)"
CLI_HELP_CHECK = "проверить целостность базы данных"
CLI_HELP_BACKUP = "сделать резервную копию базы данных"
CLI_HELP_RESTORE = "восстановить базу из резервной копии"
CLI_HELP_RESTORE_NO_CHECKSUM = ("копия прежней версии без файла .sha256: не сверять контрольную "
                                "сумму (целостность, схема и кодировка проверяются всё равно)")
CLI_HELP_DEMO = "создать демонстрационную базу"
CLI_HELP_DEMO_STAFF = "число сотрудников (для нагрузочных тестов)"
CLI_ERROR = "Ошибка"
CLI_BAD_ARGS = "неверные параметры командной строки"
CLI_SQLITE_ERROR = "сбой при работе с базой данных"
CLI_BACKUP_DONE = "Резервная копия сохранена: {path}"
CLI_RESTORE_BUSY = "база данных открыта в программе; закройте её перед восстановлением"
CLI_RESTORE_DONE = "База данных восстановлена: {path}"
CLI_RESTORE_KEPT = "Прежняя база сохранена как резервная копия: {path}"
# The office's own backup: its database and its private key sealed with a passphrase.
OB_CLI_OUT = "папка для копии (например, флешка); у управления образованием рядом кладётся его ключ, запечатанный парольной фразой"
OB_ASK_PASSPHRASE = "Парольная фраза для ключа управления: "
OB_ASK_AGAIN = "Ещё раз ту же фразу: "
OB_PASSPHRASES_DIFFER = "фразы не совпали; копия не сделана"
OB_PASSPHRASE_TTY = "нужна парольная фраза для ключа управления: запустите команду в терминале или задайте переменную METODKAB_PASSPHRASE"
OB_PASSPHRASE_SHORT = "Парольная фраза слишком короткая: нужно не меньше {count} знаков."
OB_PASSPHRASE_NEEDED = "Для восстановления ключа управления нужна парольная фраза."
OB_WRONG_PASSPHRASE = "Парольная фраза не подходит к запечатанному ключу (или файл ключа изменён). Ничего не изменено."
OB_WHAT_SEALED = "запечатанный ключ"
OB_SEALED_DAMAGED = "Файл запечатанного ключа {name} повреждён. Ничего не изменено."
OB_SEALED_OTHER_OFFICE = "Запечатанный ключ {name} — от другого управления образованием, не от этой копии базы. Ничего не изменено."
OB_OTHER_KEY_HERE = "Рядом с базой уже лежит ключ другого управления образованием ({path}); уберите его или восстановите в другую папку. Ничего не изменено."
OB_NOT_OFFICE_COPY = "{name} — не копия базы управления образованием."
OB_NO_OFFICE_ROW = "В копии {name} нет сведений об управлении образованием."
OB_NO_COPY_IN = "в папке {path} нет копий базы (.sqlite)"
OB_KEY_BACKUP = "Копия на флешку"
OB_DIALOG_TITLE = "Копия базы и ключа управления"
OB_DIALOG_HINT = ("Ключ управления будет запечатан парольной фразой (не меньше {count} знаков): "
                  "без неё копию не восстановить. Храните фразу отдельно от флешки.")
OB_DIALOG_DIFFER = "Фразы не совпадают."
OB_DIALOG_KEYS = "Enter — дальше, Esc — отмена"
OB_PICK_FOLDER = "Папка для копии (флешка)"
OB_SEALED_DONE = "Ключ управления запечатан парольной фразой: {path} (отпечаток {fp}). Храните фразу отдельно от флешки."
OB_KEY_RESTORED = "Ключ управления восстановлен: {path}"
OB_PUBLIC_WRITTEN = "Файл открытого ключа для школ: {path}"
OB_KEY_MISSING = "Внимание: ключа управления нет ни рядом с базой, ни в копии — пакеты школ не прочитать. Восстановите из копии, сделанной «metodkab backup --out ПАПКА»."
CLI_DEMO_EXISTS = "файл {path} уже существует; укажите другое имя"
CLI_DEMO_STAFF_POSITIVE = "число сотрудников должно быть больше нуля"
CLI_DEMO_DONE = "Демонстрационная база создана: {path}"
CLI_HELP_EXPORT = ("выгрузить в одну папку все реестры (Excel) и документы (Word) школы — "
                   "архив за год")
CLI_HELP_EXPORT_OUT = "папка для файлов (создаётся, если её нет)"
CLI_HELP_EXPORT_DATE = "дата отчёта ДД.ММ.ГГГГ (по умолчанию — из настроек или сегодня)"
CLI_EXPORT_FILE = "  {path}"
CLI_EXPORT_DONE = "Записано файлов: {count} в папку {folder}"
CLI_EXPORT_NOT_SCHOOL = "{path} — база муниципалитета; выгрузка документов — для базы школы"

# --- sections and common keys ---------------------------------------------------------
SECTION_DASHBOARD = "Главная"
SECTION_STAFF = "Кадры"
SECTION_ASSOCIATIONS = "Методические объединения"
SECTION_SETTINGS = "Настройки"

KEY_HELP = "Справка"
KEY_ADD = "Добавить"
KEY_OPEN = "Открыть"
KEY_DELETE = "Удалить"
KEY_DISMISS_OR_DELETE = "Уволить/удалить"
KEY_BACK = "Назад"
KEY_SAVE = "Сохранить"
KEY_CHOOSE = "Выбрать"
KEY_FILTER = "Фильтр"
KEY_SEARCH = "Поиск"
KEY_QUIT = "Выход"
# Ctrl+C (a Windows user's «copy», a Linux user's «stop») outside a text field.
QUIT_HINT_TITLE = "Выйти из программы?"
QUIT_HINT = "Выход — Ctrl+Q. Ctrl+C копирует выделенный текст в поле ввода."
KEY_PALETTE = "Команды"
PALETTE_PLACEHOLDER = "Поиск команды по названию…"
PALETTE_NO_MATCHES = "Ничего не найдено"
KEY_REVERSE = "Обратный порядок"
KEY_NEXT_PAGE = "Следующая страница"
KEY_PREV_PAGE = "Предыдущая страница"
KEY_RESET_FILTER = "Сбросить фильтр"
KEY_CLOSE = "Закрыть"
KEY_OK = "Готово"
KEY_CANCEL = "Отмена"
KEY_REINSTATE = "Вернуть на работу"
KEY_TOGGLE = "Да/нет"

# --- dialogs ----------------------------------------------------------------------------
YES = "Да"
NO = "Нет"
CONFIRM_TITLE = "Подтверждение"
ERROR_TITLE = "Ошибка"
UNSAVED_CHANGES = "Есть несохранённые изменения. Закрыть форму без сохранения?"
FORM_HAS_ERRORS = "Исправьте поля, под которыми написана ошибка: ничего не сохранено."
SAVED = "Сохранено"
# a failed action (app.report_error): what happened and what to do, in Russian; the
# exception's own words only after FOR_SUPPORT
INTERNAL_ERROR = ("Внутренняя ошибка программы: действие не выполнено. Ничего не сохранено — "
                  "данные в базе остались как были. Повторите действие; если ошибка "
                  "повторится, сообщите в службу поддержки. Подробности записаны в журнал {log}.")
DB_ERROR = ("Не удалось выполнить действие с базой данных. Ничего не сохранено — изменение "
            "отменено, данные в базе остались как были. Повторите действие; если ошибка "
            "повторится, закройте программу и обратитесь в службу поддержки. Подробности "
            "записаны в журнал {log}.")
DB_ERROR_BACKUPS = "Резервные копии базы — в папке {folder}."
DB_NOTHING_SAVED = "Ничего не сохранено — изменение отменено, данные в базе остались как были."
FOR_SUPPORT = "Для службы поддержки: {detail}"
LOADING = "Загрузка…"
CHOOSER_FILTER = "Начните вводить для отбора"
CHOOSER_MULTI_HINT = "Пробел — отметить, Enter — готово, Esc — отмена"
CHOOSER_SINGLE_HINT = "Enter — выбрать, Esc — отмена"
NOT_SELECTED = "— не выбрано —"

# --- help -------------------------------------------------------------------------------
HELP_TITLE = "Клавиши: {screen}"
HELP_GLOBAL = "Разделы и общие клавиши"
HELP_SCREEN = "Клавиши этого экрана"
HELP_FOOTER = "Esc или F1 — закрыть. Ctrl+P — все команды по названию."
HELP_KEY = "Клавиша"
HELP_ACTION = "Действие"
# F1 on a form: how its fields are filled (the keys live in the fields, not the form).
HELP_FIELDS = "Поля формы"
HELP_FIELD_KEYS = (
    ("↑ ↓", "предыдущее / следующее поле (и Tab)"),
    ("F4", "поле со списком: открыть список (и Enter)"),
    ("буквы", "поле со списком: список, отобранный по набранному"),
    ("Пробел", "в списке: отметить [x] / снять [ ]; поле «да/нет»: переключить"),
    ("Enter", "в списке: выбрать"),
    ("Del", "поле со списком: очистить"),
    ("ДД.ММ.ГГГГ", "даты: например, 05.09.2026"),
    ("→", "принять подсказку, показанную после набранного (и Tab, ↓)"),
)
# F1 on a list (widgets/register.py): the keys of the search box and the list.
HELP_REGISTER = "Поиск и список"
HELP_REGISTER_KEYS = (
    ("буквы", "в строку поиска (и из списка): список отбирается по набранному"),
    ("↓ / ↑", "из строки поиска в список; с первой строки списка — обратно в поиск"),
    ("Enter", "в поиске: одна найденная запись открывается, несколько — переход в список"),
    ("Esc", "сначала очищает поиск, затем — назад"),
)

# --- dashboard --------------------------------------------------------------------------
DASH_REPORT_DATE = "Дата отчёта: {date}"
DASH_COUNTS = "Сводка"
DASH_TODO = "Что требует внимания"
DASH_TODO_EMPTY = "Замечаний нет."
# Главная of a new database (no staff yet): where to begin instead of «Замечаний нет.».
DASH_START = (
    "В базе ещё нет сотрудников. Начните так:",
    "F2 — Кадры, Ins — добавить сотрудника",
    "Ctrl+T — загрузить список из Excel/CSV",
    "F10 — Настройки: сведения о школе",
)
DASH_COUNT_STAFF = "Педагогов работает"
DASH_COUNT_MAIN = "из них основные работники"
DASH_COUNT_DISMISSED = "Уволено (в архиве)"
DASH_COUNT_TRAININGS = "Записей о курсах"
DASH_COUNT_MENTORSHIPS = "Наставнических пар"
DASH_COUNT_ROUTES = "Действующих ИОМ"
DASH_COUNT_ASSOCIATIONS = "Методических объединений"
DASH_COUNT_ACTIVITIES = "Мероприятий программы"
TODO_OVERDUE_TRAINING = "Не проходили курсы ПК более {training_years_gen}"   # более 1 года, 3 лет
TODO_CATEGORY_EXPIRING = "Истекает категория в ближайшие {months} мес."
TODO_CATEGORY_UNDATED = "Категория без даты решения: уточнить"
TODO_YOUNG_UNSUPPORTED = "Молодые педагоги без поддержки"
TODO_MENTORSHIP_PAST_END = "Наставничество: срок программы истёк"
TODO_MENTOR_DISMISSED = "Наставничество: наставник уволен"
TODO_ROUTE_STEPS_OVERDUE = "Просроченные шаги ИОМ"
TODO_ACTIVITIES_OVERDUE = "Программа развития: срок прошёл"
TODO_CONFORMITY_DUE = "СЗД: срок наступил или наступит в ближайшие {months} мес."
# Each item of the to-do list by its alert key (Главная, its Excel sheet, the alert list).
TODO_TITLES = {
    "overdue_training": TODO_OVERDUE_TRAINING,
    "category_expiring": TODO_CATEGORY_EXPIRING,
    "category_undated": TODO_CATEGORY_UNDATED,
    "conformity_due": TODO_CONFORMITY_DUE,
    "young_unsupported": TODO_YOUNG_UNSUPPORTED,
    "mentor_dismissed": TODO_MENTOR_DISMISSED,
    "mentorship_past_end": TODO_MENTORSHIP_PAST_END,
    "route_steps_overdue": TODO_ROUTE_STEPS_OVERDUE,
    "activities_overdue": TODO_ACTIVITIES_OVERDUE,
}
ALERT_CONFORMITY_DUE = "срок аттестации на СЗД наступил"
ALERT_CONFORMITY_CLARIFY = "СЗД записана без даты — уточните дату"
ALERT_CONFORMITY_CLARIFY_YEAR = "СЗД известна только годом (следующая — {date}): уточните дату"
ALERT_CONFORMITY_SOON = "аттестация на СЗД до {date}"
ALERT_CATEGORY_UNTIL = "{name}: {category} до {date}"
ALERT_CATEGORY_CLARIFY = "{name}: {category} — дата решения не указана"
ALERT_CATEGORY_CLARIFY_UNTIL = "{name}: {category} — действует до {until}, уточнить срок"
ALERT_MENTORSHIP_PAST_END = "Наставник {name} → {mentees}: срок истёк {date}"
ALERT_MENTOR_DISMISSED = "Наставник {name} уволен(а) {dismissed}: пара не завершена"
ALERT_STEP_OVERDUE = "{name}: {goal} (срок {date})"
ALERT_ACTIVITY_OVERDUE = "{title} (срок {date})"
TODO_HINT = "Enter — открыть список"

# --- first run / school -----------------------------------------------------------------
SCHOOL_TITLE = "Сведения об образовательной организации"
SCHOOL_FIRST_RUN = "Первый запуск: укажите сведения о школе. Их можно изменить в настройках (F10)."
SCHOOL_FULL_NAME = "Полное наименование"
SCHOOL_SHORT_NAME = "Краткое наименование"
SCHOOL_CODE = "Код ОО (муниципальный)"
SCHOOL_CODE_ERROR = "Код — буквы и цифры (можно «.», «-», «_»), без пробелов и «№», как выдан управлением: например 0412"
SCHOOL_MUNICIPALITY = "Муниципалитет"
SCHOOL_DIRECTOR = "Директор (ФИО)"
SCHOOL_DEPUTY = "Заместитель (ФИО)"
SCHOOL_ADDRESS = "Адрес"
SCHOOL_NOT_SET = "Школа не указана"

# --- settings ---------------------------------------------------------------------------
SETTINGS_TITLE = "Настройки"
SETTINGS_USER = "Ваше имя (для журнала изменений)"
SETTINGS_REPORT_DATE = "Дата отчёта (пусто — сегодня)"
SETTINGS_PED_STEMS = "Импорт: педагогическое, если в дипломе есть"
SETTINGS_PED_STEMS_ERROR = "Укажите через запятую хотя бы одну основу слова (не короче 3 букв)"
SETTINGS_TRAINING_YEARS = "Период обязательных курсов, лет"
SETTINGS_CATEGORY_MONTHS = "Предупреждать об истечении категории, мес."
SETTINGS_SECTION_SCHOOL = "Школа"
SETTINGS_SECTION_WORK = "Работа"
SETTINGS_SECTION_DOCS = "Документы для печати"
SETTINGS_DOC_PLACE = "Место издания документов"
SETTINGS_DOC_PLACE_HINT = "например, с. Берёзовка"
SETTINGS_MENTOR_RULE_NUMBER = "Положение о наставничестве: номер приказа"
SETTINGS_MENTOR_RULE_DATE = "Положение о наставничестве: дата приказа"
SETTINGS_INT_ERROR = "Введите целое число от {lo} до {hi}"
SETTINGS_SECTION_TERMS = "Сроки и пороги"
SETTINGS_SECTION_TARGETS = "Целевые значения показателей, %"
SETTINGS_SELF_EVAL_YEARS = "Курсы для самообследования: за сколько лет"
SETTINGS_PERIOD_MONTHS = "Отчётный период показателей, мес."
SETTINGS_CATEGORY_RED_MONTHS = "Отмечать «!» истечение категории, мес."
SETTINGS_CONFORMITY_YEARS = "Аттестация на СЗД: раз в сколько лет"
SETTINGS_YOUNG_AGE = "Молодой педагог: моложе, лет"
SETTINGS_YOUNG_EXPERIENCE = "Молодой педагог: стаж меньше, лет"
SETTINGS_NEW_STAFF_MONTHS = "Новый сотрудник: принят за последние, мес."
SETTINGS_MENTORSHIP_MIN = "Программа наставничества не короче, мес."
SETTINGS_MENTORSHIP_MAX = "Программа наставничества не длиннее, мес."
SETTINGS_FL_HIGH_SCORE = "Высокий результат диагностики ФГ, % баллов"
SETTINGS_BACKUPS_KEEP = "Хранить резервных копий"
SETTINGS_TARGET_FEDERAL = "Курсы из федерального реестра"
SETTINGS_TARGET_FL_DIAG = "Прошли диагностику функц. грамотности"
SETTINGS_TARGET_FL_HIGH = "Высокий результат диагностики ФГ"
SETTINGS_TARGET_YOUNG = "Молодые педагоги с сопровождением"
SETTINGS_SECTION_SUPPORT = "Поддержка молодых педагогов (что считается)"
SETTINGS_SUPPORT_MENTORSHIP = "Наставничество (в действующей паре)"
SETTINGS_SUPPORT_ROUTE = "Утверждённый действующий ИОМ"
SETTINGS_SUPPORT_YOUNG_SCHOOL = "Участник «школы молодого педагога»"
SETTINGS_TARGET_MANAGEMENT = "Управл. команда обучена (пусто — без цели)"
SETTINGS_ORDER_ERROR = "Не больше, чем «{other}»"

# --- staff register ---------------------------------------------------------------------
STAFF_TITLE = "Кадры"
STAFF_SEARCH_PLACEHOLDER = "Поиск по ФИО (начните вводить)…"
STAFF_COL_NAME = "ФИО"
STAFF_COL_POSITIONS = "Должность"
STAFF_COL_SUBJECTS = "Предметы"
STAFF_COL_CATEGORY = "Категория"
STAFF_COL_EXPERIENCE = "Стаж"
STAFF_COL_TRAINING = "Курсы ПК"
STAFF_OVERDUE_MARK = "!"
# An overdue person the figures leave out (a part-timer): the mark and, in the status line,
# the reason (reports.rules.outside_p).
STAFF_NOT_IN_P = "†"
STAFF_SHOWN = "Показано {shown} из {total}"
STAFF_PAGE = "стр. {page} из {pages}"
STAFF_EMPTY = "Никого не найдено. Ins — добавить сотрудника, Ctrl+F — изменить фильтр."
STAFF_STATUS_ACTIVE = "работающие"
STAFF_STATUS_DISMISSED = "уволенные"
STAFF_STATUS_ALL = "все"
STAFF_FILTER_TITLE = "Фильтр и сортировка"
STAFF_FILTER_STATUS = "Показывать"
STAFF_FILTER_POSITION = "Должность"
STAFF_FILTER_ASSOCIATION = "Методическое объединение"
STAFF_FILTER_CATEGORY = "Категория"
STAFF_FILTER_OVERDUE = "Только просрочившие курсы ПК"
STAFF_FILTER_YOUNG = "Только молодые специалисты"
STAFF_FILTER_SORT = "Сортировать по"
STAFF_FILTER_DESC = "В обратном порядке"
STAFF_FILTER_ANY = "любая"
STAFF_FILTER_ANY_ASSOC = "любое"
STAFF_NO_CATEGORY = "без категории"
STAFF_FILTER_SUMMARY = "Фильтр: {text}"
STAFF_OVERDUE_SHORT = "просрочены курсы"
STAFF_YOUNG_SHORT = "молодые специалисты"
STAFF_DELETE_TITLE = "Сотрудник: {name}"
STAFF_DELETE_QUESTION = "Что сделать с записью?"
STAFF_DISMISS = "Уволить"
STAFF_DELETE = "Удалить запись"
STAFF_DISMISS_DATE = "Дата увольнения"
STAFF_DELETE_CONFIRM = "Удалить запись «{name}» без возможности восстановления в списке?"
STAFF_DELETE_HAS_DEPS = "У сотрудника есть связанные записи ({count}): удалить нельзя, можно уволить."
STAFF_DISMISSED_DONE = "{name}: уволен(а) {date}"
STAFF_DELETED_DONE = "Запись удалена: {name}"
STAFF_REINSTATE_CONFIRM = "Вернуть «{name}» в число работающих (снять дату увольнения)?"
STAFF_NEW = "Новый сотрудник"

# --- staff form -------------------------------------------------------------------------
F_LAST_NAME = "Фамилия"
F_FIRST_NAME = "Имя"
F_MIDDLE_NAME = "Отчество"
F_BIRTH_DATE = "Дата рождения"
F_SEX = "Пол"
F_SNILS = "СНИЛС"
F_POSITIONS = "Должности"
F_SUBJECTS = "Предметы"
F_EMPLOYMENT = "Занятость"
F_HIRE_DATE = "Дата приёма"
F_DISMISSAL_DATE = "Дата увольнения"
F_PED_START = "Начало педстажа"
F_EDUCATION = "Образование"
F_EDUCATION_PED = "Педагогическое"
F_MANAGEMENT = "Управл. команда"
F_ASSOCIATIONS = "Метод. объединения"
F_PHONE = "Телефон"
F_EMAIL = "Эл. почта"
F_NOTES = "Примечание"
DATE_PLACEHOLDER = "ДД.ММ.ГГГГ"
# An empty text field on a 16-colour terminal, where its shade is the screen's: a line to
# write on, as on a paper form.
FIELD_BLANK = "_" * 64
SEX_LABELS = {"м": "мужской", "ж": "женский"}

# --- associations -----------------------------------------------------------------------
ASSOC_TITLE = "Методические объединения"
ASSOC_COL_NAME = "Название"
ASSOC_COL_KIND = "Вид"
ASSOC_COL_HEAD = "Руководитель"
ASSOC_COL_MEMBERS = "Участников"
ASSOC_NEW = "Новое объединение"
ASSOC_NAME = "Название"
ASSOC_KIND = "Вид"
ASSOC_HEAD = "Руководитель"
ASSOC_MEMBERS = "Участники"
ASSOC_NOTES = "Примечание"
ASSOC_EMPTY = ("Объединений пока нет. Ins — создать объединение (ШМО, методический совет, "
               "творческую группу).")
ASSOC_NOT_FOUND = "Ничего не найдено. Esc — сбросить поиск, Ins — создать объединение."
ASSOC_SEARCH_PLACEHOLDER = "Поиск по названию, виду или руководителю (начните вводить)…"
ASSOC_SHOWN = "Объединений: {shown} из {total}"
ASSOC_FILTER_TITLE = "Объединения: отбор и порядок"
ASSOC_F_SORT = "Порядок"
ASSOC_SORT_LABELS = {"name": "по названию", "kind": "по виду", "head": "по руководителю",
                     "members": "по числу участников"}
ASSOC_DELETE_CONFIRM = "Удалить объединение «{name}»? Участники останутся в кадрах."

# --- programme ---
SECTION_PROGRAMME = "Программа развития"
PROG_TITLE = "Программа развития методической службы"
PROG_NONE = ("Программа развития ещё не создана.\n\n"
             "Ins — создать программу: название, годы, цель и приказ об утверждении.\n"
             "Затем Ins на цели добавляет задачу, Ins на задаче — мероприятие.")
PROG_HEADER = "{period} · на {date}{other} · {title}"
PROG_HEADER_OTHER = " (не текущая; Ctrl+L — список программ)"
PROG_TAB_OUTLINE = "1 Структура"
PROG_TAB_AGENDA = "2 Сроки"
PROG_TAB_PEOPLE = "3 Ответственные"
PROG_TAB_PROGRESS = "4 Выполнение"
PROG_TAB_INDICATORS = "5 Показатели"
PROG_GOAL = "Цель: {goal}"
PROG_GOAL_EMPTY = "Цель не указана (Enter — изменить программу)"
PROG_TASK_LABEL = "Задача {number}. {title}"
PROG_TASK_SHORT = "{number}. {title}"
PROG_TASK_COUNTS = "выполнено {done} из {total}"
PROG_TASK_NO_ACTIVITIES = "нет мероприятий"
PROG_NO_TASKS = "Задач нет: Ins — добавить задачу"
PROG_OVERDUE_MARK = "просрочено"
PROG_STATUS_MARKS = {"запланировано": "○", "в работе": "◐", "выполнено": "✓",
                     "перенесено": "»", "отменено": "✗"}

# keys
PROG_KEY_ADD = "Добавить задачу/мероприятие"
PROG_KEY_ADD_TASK = "Новая задача"
PROG_KEY_DONE = "Выполнено"
PROG_KEY_POSTPONE = "Перенести срок"
PROG_KEY_COPY_YEAR = "Копировать год вперёд"
PROG_KEY_PROGRAMMES = "Список программ"
PROG_KEY_NEXT_VIEW = "Следующий вид"
PROG_KEY_PREV_VIEW = "Предыдущий вид"
PROG_KEY_VIEW = {"outline": "Вид: структура программы", "agenda": "Вид: сроки",
                 "people": "Вид: ответственные", "progress": "Вид: выполнение",
                 "indicators": "Вид: целевые показатели"}
PROG_KEY_PREV_YEAR = "Предыдущий год"
PROG_KEY_NEXT_YEAR = "Следующий год"
PROG_KEY_MAKE_CURRENT = "Сделать текущей"
PROG_KEY_TOGGLE = "Свернуть/развернуть"

# detail line under the outline
PROG_DETAIL_DIRECTION = "Направление"
PROG_DETAIL_FORM = "Форма"
PROG_DETAIL_DATES = "Сроки"
PROG_DETAIL_RESPONSIBLE = "Ответственные"
PROG_DETAIL_RESULT = "Результат"
PROG_DETAIL_STATUS = "Статус"
PROG_DETAIL_NOTE = "Примечание"
PROG_DETAIL_MOVED = "перенесено {count} раз(а), было {dates}"
PROG_DETAIL_DONE_ON = "{status} {date}"
PROG_DETAIL_TASK = ("Мероприятий: {total} · срок наступил: {due} · выполнено: {done} · "
                    "просрочено: {overdue}")
PROG_NOBODY = "не назначены"

# agenda
PROG_AGENDA_OVERDUE = "Просрочено ({count})"
PROG_AGENDA_THIS_MONTH = "Этот месяц: {month} ({count})"
PROG_AGENDA_NEXT_MONTH = "Следующий месяц: {month} ({count})"
PROG_COL_DEADLINE = "Срок"
PROG_COL_ACTIVITY = "Мероприятие"
PROG_COL_RESPONSIBLE = "Ответственные"
PROG_COL_STATUS = "Статус"
PROG_COL_TASK = "Зад."
# the activity search (the register pattern over «2 Сроки»)
PROG_SEARCH = "Поиск (начните вводить)…"
PROG_STATUS = "Мероприятий: {total}, просрочено: {overdue}"
PROG_STATUS_FOUND = "Найдено: {shown} из {total}, просрочено: {overdue}"
PROG_EMPTY_NO_TASKS = "Задач ещё нет: Ins — добавить задачу, затем Ins на ней — мероприятие."
PROG_EMPTY_NO_ACTIVITIES = "Мероприятий ещё нет: Ins — добавить мероприятие (Ctrl+N — задачу)."
PROG_NOT_FOUND = "Ничего не найдено (название, ответственный, задача). Esc — сбросить поиск."
PROG_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")

# people
PROG_PEOPLE_SEARCH = "Фамилия…"
PROG_PEOPLE_EMPTY = "Ответственные не назначены ни в одном мероприятии."
PROG_PERSON_COUNTS = "{open}/{total}"
PROG_PERSON_TITLE = "{name}: мероприятий {total}, осталось {open}"

# progress
PROG_PROGRESS_TOTAL = "Вся программа"
PROG_PROGRESS_BY_TASK = "По задачам"
PROG_PROGRESS_BY_DIRECTION = "По направлениям"
PROG_PROGRESS_BY_PERSON = "По ответственным"
PROG_PROGRESS_NO_DIRECTION = "(не указано)"
PROG_COL_NAME = "Раздел"
PROG_COL_TOTAL = "Всего"
PROG_COL_DUE = "Наст."
PROG_COL_DONE = "Вып."
PROG_COL_OVERDUE = "Проср."
PROG_COL_AHEAD = "Досроч."
PROG_COL_PERCENT = "%"
PROG_PROGRESS_HINT = ("Наст. — срок наступил на {date}; Вып. — выполнено из них; "
                      "% = Вып. / Наст.; Досроч. — выполнено до срока.")

# indicators
PROG_IND_YEAR = "Год {year} · Ctrl+← / Ctrl+→ — другой год"
PROG_IND_EMPTY = "Целевых показателей нет. Ins — добавить показатель."
PROG_COL_IND_NAME = "Показатель"
PROG_COL_UNIT = "Ед."
PROG_COL_BASELINE = "Базовое"
PROG_COL_TARGET = "Цель"
PROG_COL_ACTUAL = "Факт"
PROG_COL_SOURCE = "Факт"
PROG_SOURCE_MANUAL = "вручную"
PROG_SOURCE_COMPUTED = "расчёт"
PROG_SOURCES = (("manual", "вводится вручную"), ("computed", "вычисляется программой"))
PROG_IND_NEW = "Новый целевой показатель"
PROG_IND_NAME = "Показатель"
PROG_IND_UNIT = "Единица"
PROG_IND_BASELINE = "Базовое значение"
PROG_IND_SOURCE = "Факт"
PROG_IND_KEY = "Что вычислять"
PROG_IND_TARGETS = "Целевые значения по годам"
PROG_IND_ACTUALS = "Фактические значения"
PROG_IND_TARGET_YEAR = "Цель {year}"
PROG_IND_ACTUAL_YEAR = "Факт {year}"
PROG_IND_DELETE_CONFIRM = "Удалить целевой показатель «{name}» со всеми значениями?"
PROG_COMPUTED_NAMES = {
    # the years of Настройки (reports.programme.computed_choices → indicators.title_values)
    "training_up_to_date": "Доля педагогов, прошедших ПК за {training_last}",
    "training_overdue": "Доля педагогов, не проходивших ПК более {training_years_gen}",
    "young_supported": "Доля молодых педагогов, охваченных наставничеством",
    "programme_done": "Выполнение плана мероприятий программы",
}

# programme form and list
PROG_NEW = "Новая программа развития"
PROG_F_TITLE = "Название"
PROG_F_YEAR_FROM = "Год начала"
PROG_F_YEAR_TO = "Год окончания"
PROG_F_GOAL = "Цель"
PROG_F_ORDER_NUMBER = "Приказ №"
PROG_F_ORDER_DATE = "Дата приказа"
PROG_F_CURRENT = "Текущая программа"
PROG_DEFAULT_TITLE = "Программа развития методической службы школы"
PROG_LIST_TITLE = "Программы развития"
PROG_COL_TITLE = "Название"
PROG_COL_YEARS = "Годы"
PROG_COL_CURRENT = "Текущая"
PROG_COL_TASKS = "Задач"
PROG_COL_ACTIVITIES = "Меропр."
PROG_LIST_HINT = "Enter — открыть, Ins — новая, Ctrl+T — сделать текущей, Del — удалить"
PROG_DELETE_PROGRAMME = ("Удалить программу «{title}» на {year_from}–{year_to} годы{current} "
                         "со всеми задачами, мероприятиями и показателями?")
PROG_DELETE_CURRENT = " (текущую)"

# task form
PROG_TASK_NEW = "Новая задача"
PROG_TASK_F_NUMBER = "Номер"
PROG_TASK_F_TITLE = "Задача"
PROG_DELETE_TASK = "Удалить задачу {number} «{title}»?"
PROG_DELETE_TASK_WITH = "Удалить задачу {number} «{title}» и её мероприятия ({count})?"

# activity form
PROG_ACT_NEW = "Новое мероприятие"
PROG_ACT_F_TASK = "Задача"
PROG_ACT_F_TITLE = "Мероприятие"
PROG_ACT_F_DIRECTION = "Направление"
PROG_ACT_F_FORM = "Форма"
PROG_ACT_F_START = "Начало"
PROG_ACT_F_DEADLINE = "Срок"
PROG_ACT_F_RESPONSIBLE = "Ответственные"
PROG_ACT_F_RESULT = "Ожидаемый результат"
PROG_ACT_F_STATUS = "Статус"
PROG_ACT_F_DONE = "Дата выполнения"
PROG_ACT_F_NOTE = "Примечание"
PROG_ACT_F_REASON = "Причина переноса"
PROG_ACT_REASON_REQUIRED = "Срок изменён: укажите причину переноса"
PROG_ACT_HISTORY = "Переносы: {items}"
PROG_DELETE_ACTIVITY = "Удалить мероприятие «{title}»?"
PROG_DATE_PLACEHOLDER = "ДД.ММ или ДД.ММ.ГГГГ"
PROG_DIRECTIONS = (
    "Повышение квалификации",
    "Аттестация педагогов",
    "Наставничество и молодые педагоги",
    "Диагностика профессиональных дефицитов",
    "Функциональная грамотность",
    "Обновлённые ФГОС и ФООП",
    "Работа ШМО",
    "Обобщение и распространение опыта",
    "Цифровая образовательная среда",
    "Конкурсы профессионального мастерства",
)
PROG_FORMS = (
    "семинар", "педагогический совет", "методический совет", "заседание ШМО",
    "открытый урок", "мастер-класс", "предметная неделя", "конференция", "круглый стол",
    "курсы", "диагностика", "консультация", "конкурс", "вебинар", "самообразование",
)

# people field
PROG_PEOPLE_HINT = "введите часть фамилии, Enter — добавить"
PROG_PEOPLE_NO_MATCH = "нет такого сотрудника"
PROG_KEY_PEOPLE_LIST = "Список сотрудников"

# dialogs
PROG_DONE_TITLE = "Выполнено: {title}"
PROG_DONE_DATE = "Дата выполнения"
PROG_POSTPONE_TITLE = "Перенос срока: {title}"
PROG_POSTPONE_WAS = "Сейчас срок: {date}"
PROG_POSTPONE_NEW = "Новый срок"
PROG_POSTPONE_REASON = "Причина"
PROG_POSTPONE_SAME = "Новый срок совпадает с прежним"
PROG_POSTPONE_REASON_REQUIRED = "Укажите причину переноса: её спросят при проверке плана"
# Ctrl+D / Ctrl+R with no activity under the cursor (a task, the goal, an empty view).
PROG_DONE_NEEDS_ACTIVITY = ("Ctrl+D отмечает выполненным мероприятие: поставьте курсор на мероприятие (задача выполнена, когда выполнены её мероприятия)")
PROG_POSTPONE_NEEDS_ACTIVITY = "Ctrl+R переносит срок мероприятия: поставьте курсор на мероприятие"
PROG_POSTPONE_DONE = "Мероприятие уже выполнено: срок не переносится (Ctrl+D вернёт его в работу)"
PROG_DATE_REQUIRED = "Укажите дату"
PROG_DIALOG_HINT = "Enter — готово, Esc — отмена"
PROG_REOPEN_CONFIRM = "Мероприятие уже выполнено. Вернуть его в работу?"
PROG_DONE_NOTICE = "Отмечено выполненным: {title}"
PROG_DONE_BEFORE_START = ("Дата выполнения {done} раньше начала мероприятия {start}. "
                          "Всё равно отметить выполненным?")
PROG_POSTPONED_NOTICE = "Срок перенесён на {date}: {title}"

# copy a year forward
PROG_COPY_TITLE = "Копировать мероприятия года на следующий год"
PROG_COPY_FROM = "Из года"
PROG_COPY_TO = "в {year} год"
PROG_COPY_HINT = "Пробел — снять/поставить отметку, Ctrl+S — копировать, Esc — отмена"
PROG_COPY_COUNT = "Отмечено {count} из {total}"
PROG_COPY_EXISTS = " (уже есть в {year})"
PROG_COPY_NOTHING = "В {year} году мероприятий нет."
PROG_COPY_OUTSIDE = "{year} год за пределами программы ({period}): сначала продлите её."
PROG_COPY_DONE = "Скопировано мероприятий: {count} (в {year} год)"

# printing
PROG_PRINT_LABELS = {
    "goal": "Цель:", "tasks": "Задачи:", "plan": "План мероприятий", "col_no": "№",
    "col_activity": "Мероприятие", "col_form": "Форма", "col_dates": "Сроки",
    "col_responsible": "Ответственные", "col_result": "Ожидаемый результат",
    "col_status": "Отметка о выполнении", "task": "Задача", "was": "перенесено, было:",
    "indicators": "Целевые показатели", "col_indicator": "Показатель", "col_unit": "Ед. изм.",
    "col_baseline": "Базовое значение", "target_actual": "цель / факт",
    "computed": "вычисляется по данным программы", "progress": "Выполнение программы на",
    "col_task": "Задача", "col_total": "Мероприятий", "col_due": "Срок наступил",
    "col_done": "Выполнено", "col_overdue": "Просрочено", "col_percent": "% выполнения",
    "total": "Вся программа", "task_label": "{number}. {title}",
    "order": "Утверждена приказом № {number} от {date}",
}

# --- mentorship -------------------------------------------------------------------------
SECTION_MENTORSHIP = "Наставничество"
MENT_TITLE = "Наставничество"
MENT_SEARCH_PLACEHOLDER = "Поиск по ФИО наставника или наставляемого…"
MENT_KEY_ADD = "Новая пара"
MENT_KEY_COVERAGE = "Охват"
MENT_KEY_LOAD = "Нагрузка"
MENT_COL_MENTOR = "Наставник"
MENT_COL_MENTEES = "Наставляемые"
MENT_COL_FORM = "Форма"
MENT_COL_START = "Начало"
MENT_COL_END = "Окончание"
MENT_COL_STATUS = "Статус"
MENT_COL_ORDER = "Приказ"
MENT_STATUS_ACTIVE = "действующие"
MENT_STATUS_DONE = "завершённые"
MENT_STATUS_BROKEN = "прерванные"
MENT_STATUS_ALL = "все"
MENT_SUMMARY = "Действует пар: {active}, наставляемых: {mentees}"
MENT_SUMMARY_PAST_END = "срок истёк: {count}"
MENT_SUMMARY_NO_ORDER = "без приказа: {count}"
MENT_SUMMARY_MENTOR_GONE = "наставник уволен: {count}"
MENT_SUMMARY_MENTEES_GONE = "нет работающих наставляемых: {count}"
# The status cell of a pair «действует» that is not counted as active on the report date.
MENT_NOT_COUNTED = "не учтена"
MENT_FILTER_SUMMARY = "Фильтр: {text}"
MENT_FILTER_MENTOR_IS = "наставник {name}"
MENT_FILTER_PROBLEMS_SHORT = "с замечаниями"
MENT_FILTER_NO_ORDER_SHORT = "без приказа"
MENT_SHOWN = "Показано {shown} из {total}"
MENT_PAGE = "стр. {page} из {pages}"
MENT_EMPTY = "Пар не найдено. Ins — новая пара, Ctrl+F — фильтр, Ctrl+G — охват."
MENT_ORDER_SHORT = "№ {number}"
MENT_NO_ORDER_SHORT = "нет"
MENT_GROUP_MORE = "{first} и ещё {more}"
MENT_PAIR_NAME = "{mentor} — {mentees}"
MENT_DELETE_CONFIRM = ("Удалить пару «{pair}» вместе с программой и журналом встреч?\n"
                       "Если наставничество было, лучше завершить или прервать его "
                       "(Ctrl+K в карточке): история сохранится.")
MENT_DELETED_DONE = "Пара удалена: {pair}"
MENT_DELETE_IN_ROUTE = ("Пара указана в ИОМ ({count} шаг.): удалить нельзя. "
                        "Завершите или прервите её в карточке (Ctrl+K).")
MENT_FILTER_TITLE = "Фильтр реестра наставничества"
MENT_FILTER_STATUS = "Показывать"
MENT_FILTER_FORM = "Форма"
MENT_FILTER_MENTOR = "Наставник"
MENT_FILTER_PROBLEMS = "Только с замечаниями (срок, приказ)"
MENT_FILTER_NO_ORDER = "Только без приказа"
MENT_DISMISSED_MARK = " (уволен)"
MENT_LOAD_MARK = " (пар: {count})"

# pair form
MENT_NEW = "Новая наставническая пара (группа)"
MENT_EDIT_TITLE = "Наставническая пара: изменение"
MENT_F_MENTOR = "Наставник"
MENT_F_MENTEES = "Наставляемые"
MENT_F_MENTEE = "Наставляемый"
MENT_F_FORM = "Форма"
MENT_F_REASON = "Основание"
MENT_F_START = "Начало"
MENT_F_PLANNED_END = "Окончание (план)"
MENT_F_ORDER_NUMBER = "Приказ №"
MENT_F_ORDER_DATE = "Дата приказа"
MENT_F_CURATOR = "Куратор"
MENT_WARN_CONFIRM = "Обратите внимание:\n{items}\n\nСохранить всё равно?"
MENT_SAVE_ANYWAY = "Сохранить"
MENT_FIX = "Исправить"

# checks
MENT_WARN_TOO_SHORT = ("Программа короче {min} мес. (сейчас {months}): рекомендуется "
                       "от {min} до {max} мес.")
MENT_WARN_TOO_LONG = ("Программа длиннее {max} мес. (сейчас {months}): рекомендуется "
                      "от {min} до {max} мес.")
MENT_WARN_NO_ORDER = "Нет приказа о закреплении пары"
MENT_WARN_ORDER_NO_DATE = "Не указана дата приказа"
MENT_WARN_PAST_END = "Срок программы истёк {date}, а пара не завершена"
MENT_LENGTH_MONTHS = "{months} мес."
MENT_LENGTH_DAYS = " {days} дн."
# Why a pair is not counted as active on the report date (reports.mentorship.pair_state).
MENT_STATE_REASONS = {
    "not_started": "ещё не началась — не считается действующей",
    "closed": "завершена — не считается действующей",
    "expired": "срок программы истёк — не считается действующей",
    "mentor_gone": "наставник уволен — не считается действующей",
    "mentees_gone": "нет работающих наставляемых — не считается действующей",
}
# A pair's state on D in one or two words (a status column of a printed document).
MENT_STATE_SHORT = {
    "not_started": "ещё не началась", "closed": "завершена",
    "expired": "срок программы истёк", "mentor_gone": "наставник уволен",
    "mentees_gone": "нет работающих наставляемых",
}
MENT_ROLE_MENTOR = "Наставник"
MENT_ROLE_MENTEE = "Наставляемый"
MENT_WARN_NOT_HIRED = "{who} {name} принят(а) {hired}, позже начала {start}"
MENT_WARN_DISMISSED_BEFORE = "{who} {name} уволен(а) {dismissed}, до начала {start}"
MENT_WARN_DISMISSED_DURING = "{who} {name} уволен(а) {dismissed}: завершите или прервите пару"
MENT_WARN_DUPLICATE = "Такая пара уже есть: {mentor} — {mentee} ({period})"
MENT_WARN_MENTOR_IS_MENTEE = ("Наставник {name} сам наставляемый у {other} в то же время "
                              "({period})")
MENT_WARN_MENTEE_IS_MENTOR = "Наставляемый {name} сам наставник в то же время ({period})"
MENT_WARN_EVENT_OUTSIDE = "Дата вне срока программы ({start} – {end})"
MENT_WARN_EVENT_FUTURE = "Встреча отмечена проведённой, но её дата {date} ещё не наступила"
MENT_MATCH_SUBJECT = "предмет"
MENT_MATCH_ASSOCIATION = "МО"

# card
MENT_CARD_TITLE = "Наставник {mentor} → {mentees}"
MENT_GROUP_OF = "группа ({count} чел.)"
MENT_CARD_LOAD = " (пар сейчас: {count})"
MENT_CARD_TERM = "Срок"
MENT_CARD_PERIOD = "{start} – {end} ({months} мес.)"
MENT_CARD_CLOSED = "{status} {date}"
# A pair «действует» that the figures leave out on the report date (the register's «не учтена»).
MENT_CARD_NOT_COUNTED = "не учтена: {why}"
MENT_CARD_ORDER = "Приказ"
MENT_ORDER_LONG = "№ {number} от {date}"
MENT_NO_ORDER_LONG = "нет приказа"
MENT_CARD_GOALS = "Цели"
MENT_NO_GOALS = "не заданы (Ctrl+T)"
MENT_CARD_RESULT = "Итог"
MENT_EVENTS_TITLE = ("План и журнал встреч: проведено {held}, запланировано {planned}, "
                     "отменено {cancelled}")
MENT_EVENTS_EMPTY = "Встреч пока нет. Ins — добавить встречу, Ctrl+N — запланировать."
MENT_KEY_ADD_MEETING = "Новая встреча"
MENT_KEY_ADD_PLANNED = "Запланировать"
MENT_KEY_OPEN_EVENT = "Открыть встречу"
MENT_KEY_DELETE_EVENT = "Удалить встречу"
MENT_KEY_EDIT_PAIR = "Изменить пару"
MENT_KEY_GOALS = "Цели программы"
MENT_KEY_CLOSE = "Завершить"
MENT_EV_COL_DATE = "Дата"
MENT_EV_COL_TOPIC = "Тема"
MENT_EV_COL_FORM = "Форма"
MENT_EV_COL_STATUS = "Статус"
MENT_EV_COL_OUTCOME = "Результат"
MENT_EV_HELD = "проведено"
MENT_EV_PLANNED = "план"
MENT_EV_CANCELLED = "отменено"
MENT_EV_DELETE_CONFIRM = "Удалить запись «{date} {topic}»?"
MENT_GOALS_TITLE = "Цели программы: {pair}"
MENT_GOALS_HINT = "Цели персонализированной программы наставничества, по одной на строке."
MENT_TEXT_KEYS = "Ctrl+S — сохранить, Esc — отмена"
MENT_RESULT_TITLE = "Итог наставничества"
MENT_CLOSED_QUESTION = "Пара {status} {date}. Что сделать?"
MENT_EDIT_RESULT = "Изменить итог"
MENT_REOPEN = "Возобновить"
MENT_REOPEN_CONFIRM = "Возобновить наставничество (снять дату окончания)? Итог сохранится."
MENT_CLOSED_DONE = "Пара {status} {date}"

# event form
MENT_EV_NEW_MEETING = "Новая встреча"
MENT_EV_NEW_PLANNED = "Мероприятие программы"
MENT_EV_EDIT = "Встреча"
MENT_EV_F_DATE = "Дата"
MENT_EV_F_TOPIC = "Тема"
MENT_EV_F_FORM = "Форма"
MENT_EV_F_STATUS = "Статус"
MENT_EV_F_OUTCOME = "Результат"
MENT_EV_STATUS_LABELS = {"проведено": "проведено", "запланировано": "запланировано",
                         "отменено": "отменено"}
MENT_EVENT_FORMS = (
    "консультация",
    "посещение урока наставляемого",
    "открытый урок наставника",
    "совместная подготовка урока",
    "анализ урока",
    "беседа",
    "семинар",
    "мастер-класс",
    "тренинг",
    "самоанализ",
)

# close dialog
MENT_CLOSE_TITLE = "Окончание наставничества"
MENT_CLOSE_KEYS = "Ctrl+S — готово, Esc — отмена"
MENT_CLOSE_HOW = "Как"
MENT_CLOSE_COMPLETE = "завершить (программа выполнена)"
MENT_CLOSE_BREAK = "прервать досрочно"
MENT_CLOSE_DATE = "Дата окончания"
MENT_CLOSE_RESULT = "Итог (результат наставничества):"
MENT_CLOSE_REASON = "Причина прекращения:"
MENT_CLOSE_NEED_DATE = "Укажите дату окончания"
MENT_CLOSE_BEFORE_START = "Дата окончания раньше начала ({start})"
MENT_CLOSE_NEED_RESULT = "Опишите итог наставничества"
MENT_CLOSE_NEED_REASON = "Укажите причину прекращения"
MENT_CLOSE_NO_MEETINGS = "В журнале нет ни одной проведённой встречи"
MENT_CLOSE_PLANNED_LEFT = "Остались запланированные мероприятия: {count}"

# coverage
MENT_COV_TITLE = "Охват наставничеством"
MENT_COV_HEADING = "Охват наставничеством: молодые педагоги и новые сотрудники"
MENT_COV_YOUNG = ("Молодые (до {age}, стаж до {years}): {total}, "
                  "с поддержкой {supported}{percent}")
MENT_COV_PERCENT = " — {percent} % (цель {target} %)"
MENT_COV_NEW = "Новые сотрудники (приняты за {months} мес.): {total}, с поддержкой {supported}"
MENT_COV_STATUS = "{shown} · на {date} · основные работники"
MENT_COV_SHOWN_ALL = "Показаны все"
MENT_COV_SHOWN_UNSUPPORTED = "Только без наставника"
MENT_COV_EMPTY = "Никого нет"
MENT_COV_COL_NAME = "ФИО"
MENT_COV_COL_WHO = "Кто"
MENT_COV_COL_EXP = "Стаж"
MENT_COV_COL_MENTOR = "Наставник"
MENT_COV_COL_UNTIL = "До"
MENT_COV_YOUNG_SHORT = "молодой"
MENT_COV_NEW_SHORT = "новый"
MENT_COV_BOTH = "мол., нов."
MENT_COV_NONE = "нет"
MENT_COV_UPCOMING = "с {date}: {name}"
MENT_COV_OTHER_FORM = "нет; поддержка: {forms}"
MENT_COV_ALREADY = "У {name} уже есть наставник ({mentor}): будет ещё одна пара"
MENT_KEY_ASSIGN = "Назначить наставника"
MENT_KEY_COV_OPEN = "Открыть пару / назначить"
MENT_KEY_ONLY_UNSUPPORTED = "Без наставника"

# suggested mentors
MENT_CHOOSER_TITLE = "Наставник для: {name}"
MENT_CHOOSER_SUBJECTS = "Предметы наставляемого: {subjects}"
MENT_CHOOSER_NO_SUBJECTS = "не указаны"
MENT_CHOOSER_SUGGESTED = "★ — подходящие: тот же предмет или МО и есть категория. Ctrl+F — все."
MENT_CHOOSER_ALL = "Показаны все работающие; ★ — подходящие. Ctrl+F — только подходящие."
MENT_CHOOSER_NONE_SUGGESTED = "Подходящих (тот же предмет или МО и категория) нет: показаны все."
MENT_CHOOSER_KEYS = "Enter — выбрать, Ctrl+F — все/подходящие, Esc — отмена"
MENT_CHOOSER_COL_NAME = "ФИО"
MENT_CHOOSER_COL_MATCH = "Совпадение"
MENT_CHOOSER_COL_CATEGORY = "Категория"
MENT_CHOOSER_COL_LOAD = "Пар"
MENT_KEY_SHOW_ALL = "Все / подходящие"

# mentor load
MENT_LOAD_TITLE = "Нагрузка наставников"
MENT_LOAD_NOTE = ("Пар сейчас — на дату отчёта; по учебным годам — пары, действовавшие "
                  "в году (пара на два года учтена в обоих). Enter — пары наставника.")
MENT_LOAD_COL_NAME = "Наставник"
MENT_LOAD_COL_NOW = "Пар"
MENT_LOAD_COL_MENTEES = "Чел."
MENT_LOAD_COL_TOTAL = "Всего"
MENT_LOAD_EMPTY = "Наставников пока нет"
MENT_KEY_MENTOR_PAIRS = "Пары наставника"

# --- exchange ---------------------------------------------------------------------------
# Пакеты для управления образованием, ключи, квитанции (sync/, screens/exchange*.py).
EX_CLI_MUNICIPALITY = "база управления образованием: создание, школы, ключи школ"
EX_CLI_MUNI_INIT = "создать базу управления образованием и пару ключей"
EX_CLI_MUNI_NAME = "наименование органа управления образованием"
EX_CLI_MUNI_PUB = "куда записать открытый ключ для школ (по умолчанию — рядом с базой)"
EX_CLI_MUNI_SCHOOLS = "список школ и их последних пакетов"
EX_CLI_MUNI_FORGET = "забыть ключ школы (школа сменила компьютер); следующий пакет зарегистрирует новый"
EX_CLI_KEYS = "ключи обмена в школе"
EX_CLI_KEYS_IMPORT = "загрузить открытый ключ управления образованием из файла"
EX_CLI_KEYS_REPLACE = "заменить ранее загруженный ключ другим"
EX_CLI_KEYS_SHOW = "показать отпечатки ключей"
EX_CLI_PACKET = "пакеты для управления образованием"
EX_CLI_PACKET_EXPORT = "выгрузить пакет (по умолчанию — изменения с последнего подтверждённого)"
EX_CLI_PACKET_INSPECT = "показать заголовок пакета и проверить подпись, не расшифровывая"
EX_CLI_PACKET_IMPORT = "загрузить пакеты школ в базу управления образованием"
EX_CLI_FULL = "полный пакет: все записи, а не только изменения"
EX_CLI_LEVEL = "персональные данные: full — полностью, deidentified — обезличенно"
EX_CLI_OUT = "папка, куда записать файл"
EX_CLI_DRY_RUN = "пробный прогон: показать, что изменится, ничего не записывая"
EX_CLI_TRUST = "зарегистрировать ключи новых школ без вопроса (сверьте отпечатки заранее)"
EX_CLI_RECEIPT = "квитанции о принятых пакетах"
EX_CLI_RECEIPT_EXPORT = "выгрузить квитанции для школ (в управлении образованием)"
EX_CLI_RECEIPT_IMPORT = "загрузить квитанцию (в школе): отметить пакеты принятыми"
EX_CLI_SCHOOL = "код школы (по умолчанию — всем школам)"

EX_REFUSED = "Файл {file} отклонён: {reason}. Ничего не записано."
EX_R_NO_FILE = "файл не найден"
EX_R_TOO_BIG = "файл слишком большой ({size} байт, допустимо не больше {limit})"
EX_R_TRUNCATED = "файл обрезан (неполный)"
EX_R_NOT_PACKET = "это не пакет «Методического кабинета»"
EX_R_MANIFEST_TOO_BIG = "заголовок пакета слишком большой"
EX_R_FORMAT = "формат пакета {version} не поддерживается (эта программа знает формат {supported}); обновите программу"
EX_R_MANIFEST_BAD = "заголовок пакета повреждён"
EX_R_SIZE_MISMATCH = "размер данных {actual} байт не совпадает с указанным в заголовке ({declared})"
EX_R_CONTENT_TOO_BIG = "данные пакета после распаковки слишком велики ({size} байт, допустимо не больше {limit})"
EX_R_SCHEMA_NEWER = "пакет сделан более новой версией программы (схема {version}, эта программа знает до {supported}); обновите программу"
EX_R_SIGNATURE = "подпись школы не сходится: файл изменён или повреждён"
EX_R_OTHER_KEY = "пакет школы {code} подписан другим ключом ({fp}), а зарегистрирован ключ {registered}"
EX_R_EMPTY = "файл пуст"
EX_R_CODE_CLASH = "другая школа с тем же кодом: в пакете — {name}, а под кодом {code} зарегистрирована {registered}"
EX_R_RESTORED = "пакет № {seq} школы {code} не продолжает уже загруженные (последний — № {last}), а сделан заново под старым номером: база школы, похоже, восстановлена из старой копии"
EX_R_UPDATE_TAIL = "обновите программу"
EX_R_RECIPIENT = "пакет зашифрован для другого управления образованием (ключ {fp}, наш — {ours})"
EX_R_HASH = "контрольная сумма данных не сходится: файл изменён или повреждён"
EX_R_DECRYPT = "данные не расшифровываются нашим ключом: файл изменён или зашифрован для другого получателя"
EX_R_CONTENT_BAD = "данные пакета повреждены"
EX_R_BOMB = "данные распаковываются больше заявленного размера ({declared} байт): файл опасен"
EX_R_HEADER = "внутренний заголовок данных не совпадает с заголовком пакета"
EX_R_SETTINGS = "настройки школы в пакете не проходят проверку: {reason}"
EX_R_SETTINGS_ORDER = "наименьший срок программы наставничества больше наибольшего"
EX_R_RECORDS_AT = "запись не проходит проверку: {reason}"
EX_R_NOT_UTF8 = "текст данных не в кодировке UTF-8"
DEID_HIDDEN = "скрыто"            # free text in a de-identified packet (it could name people)
EX_LINE_FORMAT = "строка {line}: не в формате записи пакета"
EX_LINE_TABLE = "строка {line}: неизвестная таблица «{table}»"
EX_LINE_RECORD = "строка {line}: таблица {table}, запись {id}: {error}"
EX_LINE_TIME = "строка {line}: таблица {table}, запись {id}: время изменения «{value}» не является датой и временем"
EX_LINE_TOO_LONG = "строка {line}: длиннее {limit} байт"
EX_LINE_SEQ = "строка {line}: номер изменения вне диапазона пакета"
EX_LINE_REPEAT = "строка {line}: запись повторяется в пакете"
EX_R_COUNTS = "число записей не совпадает с указанным в заголовке"
EX_R_SAME_PERSON = ("в пакете вторая карточка сотрудника {name}, {birth}: ФИО и дата рождения "
                    "совпадают с другой карточкой школы (программа школы такого не допускает)")
EX_R_UNTRUSTED = "школа {code} присылает пакет впервые, а её ключ ({fp}) не подтверждён"
EX_R_UNTRUSTED_CHANGED = "школа {code} сменила ключ, а новый ключ ({fp}) не подтверждён"
# What to ask the school (or do here) about a refused file, by the check that failed.
EX_ADVICE_AGAIN = "Попросите школу выгрузить пакет заново (Обмен → Ctrl+E) и прислать новый файл."
EX_ADVICE_NOT_PACKET = "Это не пакет. Проверьте, тот ли файл прислала школа: пакет называется «КОД_НОМЕР.mkp»."
EX_ADVICE_UPDATE = "Обновите программу в управлении образованием и загрузите файл снова."
EX_ADVICE_UNTRUSTED = "Сверьте отпечаток со школой по телефону и загрузите файл снова, ответив «Да»."
EX_ADVICE = {
    "file": "Файл пропал с носителя: скопируйте его снова.",
    "key": ("Если школа сменила компьютер, позвоните в школу, сверьте отпечаток нового ключа и "
            "замените ключ: Ctrl+K здесь или в карточке школы (Enter в списке школ)."),
    "clash": ("Не смешивайте данные: позвоните в школу из пакета и попросите исправить её код "
              "в Настройках (F10) на выданный управлением, затем выгрузить пакет заново."),
    "restored": ("Выгрузите квитанцию этой школе (Ctrl+R в её карточке или в списке школ) и попросите школу "
                 "загрузить её (Обмен → Ctrl+R): программа школы продолжит нумерацию и "
                 "следующий пакет будет полным. Затем загрузите новый пакет."),
    "person": ("Позвоните в школу: пусть найдёт обе карточки в разделе «Кадры», оставит одну "
               "(лишнюю удалит, Del) и выгрузит пакет заново."),
    "recipient": ("Пакет зашифрован не для нас: попросите школу загрузить ключ нашего управления "
                  "(файл «…-public.mkkey») и выгрузить пакет заново."),
    "decryption": ("Пакет зашифрован не для нас: попросите школу загрузить ключ нашего управления "
                   "(файл «…-public.mkkey») и выгрузить пакет заново."),
}
EX_R_NOT_RECEIPT = "это не квитанция «Методического кабинета»"
EX_R_RECEIPT_SIGNATURE = "подпись управления образованием не сходится: квитанция изменена или не от нашего управления"
EX_R_RECEIPT_OTHER_OFFICE = "квитанция выдана другим управлением образованием"
EX_R_RECEIPT_OTHER_SCHOOL = "квитанция выдана школе с кодом {code}, а не этой школе"
EX_R_RECEIPT_OTHER_KEY = "квитанция выдана на другой ключ школы (база перенесена на другой компьютер?)"

EX_KEY_FILE_BAD = "Сохранённый ключ управления образованием повреждён: загрузите файл ключа (.mkkey), присланный управлением, заново."
EX_KEY_FILE_BAD_NAMED = "Файл «{name}» — не ключ управления образованием или повреждён: попросите в управлении образованием файл ключа (.mkkey) заново и загрузите его."
EX_KEY_EXISTS = "Файл ключа уже существует: {path}. Существующий ключ не перезаписывается."
EX_KEY_MISSING = "Не найден файл закрытого ключа: {path}."
EX_KEY_DAMAGED = "Файл закрытого ключа повреждён: {path}."
EX_KEY_NOT_THIS_OFFICE = "Файл ключа рядом с базой не соответствует этой базе управления образованием."
EX_KEY_OTHER_OFFICE = "Уже загружен ключ другого управления образованием ({old}); новый — {new}. Чтобы заменить, повторите команду с --replace."
EX_KEY_IMPORTED = "Ключ управления образованием: {name}"
EX_FINGERPRINT = "Отпечаток ключа: {fp}"
EX_CHECK_BY_PHONE = "Сверьте отпечаток с управлением образованием по телефону."
EX_OWN_KEY = "Отпечаток ключа школы: {fp}"
EX_OWN_KEY_NONE = "ещё не создан (создаётся при первой выгрузке пакета)"
EX_KEY_CREATED = "Создан ключ подписи школы. Сообщите его отпечаток в управление образованием."
EX_KEY_CHANGED = "Внимание: ключ подписи школы сменился. Управление образованием примет пакет, только если подтвердит новый ключ."
EX_KEY_FORGOTTEN = "Ключ школы {code} ({fp}) забыт; следующий пакет школы зарегистрирует новый ключ после подтверждения."
EX_KEY_REGISTERED = "  Зарегистрирован ключ школы: {fp}"
EX_KEY_WOULD_REGISTER = "  Новая школа: ключ {fp} будет зарегистрирован после подтверждения"
EX_NOT_OPENED = "  Данные не расшифрованы: ключ новой школы ещё не подтверждён (заявлено записей: {rows}). Сверьте отпечаток по телефону и загрузите пакет без --dry-run."
EX_NEW_SCHOOL_KEY = "Школа {code} {name} присылает пакет впервые. Отпечаток её ключа: {fp}. Сверьте его со школой по телефону."
EX_ASK_REGISTER = "Зарегистрировать ключ школы? [да/нет]: "
EX_HINT_TRUST = "Сверьте отпечаток со школой и повторите загрузку, ответив «да» (или с параметром --trust)."

EX_NO_KEY_FOLDER = "Для ключей нужна база в файле (папка базы хранит ключи)."
EX_FILE_NOT_FOUND = "Файл не найден: {path}"
EX_NO_FOLDER = "Папка не найдена: {path}"
EX_NO_MUNICIPALITY_KEY = "Ключ управления образованием не загружен. Загрузите файл ключа: в разделе «Обмен» (F9) — Ctrl+K, в командной строке — metodkab keys import ФАЙЛ."
EX_NO_SCHOOL = "Сведения о школе не заполнены (раздел «Настройки», F10)."
EX_BAD_SCHOOL_CODE = "Код школы «{code}» не годится для обмена: укажите код, выданный управлением образованием (цифры и буквы), в разделе «Настройки» (F10)."
EX_BAD_LEVEL = "Неизвестный уровень персональных данных: {level}"
EX_PACKET_EXISTS = "Файл {path} уже существует; выберите другую папку или уберите старый файл."
EX_TABLE_UNKNOWN = "Таблица {table} не описана для обмена (обновите программу)."
EX_EXPORT_INVALID = "В базе есть запись, которую управление образованием не примет: {reason}. Исправьте её и повторите выгрузку."
EX_EXPORT_SAME_PERSON = "В базе две карточки сотрудника {name}, {birth}: ФИО и дата рождения совпадают. Управление образованием такой пакет не примет: оставьте одну карточку (Кадры, лишнюю удалите — Del) и повторите выгрузку."
EX_EXPORT_SETTINGS = "Настройки школы не годятся для выгрузки: {reason}. Исправьте их в разделе «Настройки» (F10) и повторите выгрузку."
EX_EXPORT_DONE = "Пакет записан: {path}"
EX_ROWS = "записей: {rows}"
EX_LEVEL_PREFIX = "персональные данные: "
EX_KIND_FULL = "полный пакет"
EX_KIND_DELTA = "изменения после пакета № {after}, получение которого подтверждено"
EX_KIND_DELTA_ANY = "изменения после последнего подтверждённого пакета"
EX_KIND_WORD = {"full": "полный", "delta": "изменения"}
EX_LEVEL_FULL = "полностью"
EX_LEVEL_DEID = "обезличенно (возраст и стаж группами на {date})"
EX_LEVEL_WORD = {"full": "данные полные", "deidentified": "данные обезличены"}

EX_IS_MUNICIPAL = "{name} — база управления образованием; эта команда выполняется в базе школы."
EX_NOT_MUNICIPAL = "{name} — не база управления образованием (создайте её: metodkab municipality init --db ФАЙЛ)."
EX_MUNI_NOT_FOUND = "База управления образованием не найдена: {path}. Создайте её: metodkab municipality init --db ФАЙЛ"
EX_MUNI_EXISTS = "Файл {path} уже существует; база управления образованием не создана."
EX_MUNI_BUSY = "База {name} уже открыта в другом окне.\nЗакройте то окно и попробуйте снова."
EX_MUNI_DAMAGED = "База {name} повреждена: {problem}."
EX_MUNI_TOO_NEW = "База {name} создана более новой версией программы. Обновите программу."
EX_INIT_KEY_SET_ASIDE = "Ключ от прерванной настройки (без базы данных) сохранён под именем {path}; создана новая пара ключей."
EX_INIT_DONE = "База управления образованием создана: {path}"
EX_INIT_KEY = "Закрытый ключ (не передавайте никому): {path}"
EX_INIT_PUBLIC = "Открытый ключ для школ: {path}"
EX_SCHOOL_UNKNOWN = "Школа с кодом {code} не зарегистрирована."
EX_NO_SCHOOLS = "Пакетов от школ ещё не было."
EX_SCHOOLS_HEADER = "Код      Школа                          Пакет  Данные  Сделан            Пропуски  Педагогов  Загружен"
OF_CLI_CHANGED_KEY = "Школа {code} {name} сменила ключ (новый компьютер?). Отпечаток нового ключа: {fp}. Сверьте его со школой по телефону."
OF_CLI_FORGET_PACKET = "сразу заменить ключ ключом из нового пакета школы (отпечаток сверяется по телефону)"
OF_CLI_NEW_KEY = "Пакет школы {code} {name} подписан новым ключом. Отпечаток: {fp}"
OF_CLI_ASK_REPLACE = "Школа прочитала по телефону тот же отпечаток? Заменить ключ [да/нет]: "
OF_CLI_NOT_REPLACED = "Ключ не заменён."
OF_CLI_REPLACED = "Ключ школы {code} заменён: прежний {old}, новый {fp}. История школы сохранена; загрузите её пакет."
EX_SCHOOLS_LINE = "{code:<8} {name:<30.30} {seq:>5}  {level:<6}  {made:<16}  {gaps:>8}  {staff:>9}  {at}"

EX_INSPECT_FILE = "Файл: {file}"
EX_INSPECT_FORMAT = "Формат пакета: {format}; схема базы школы: {schema}"
EX_INSPECT_UUID = "Идентификатор пакета: {uuid}"
EX_INSPECT_SCHOOL = "Школа: {code} {name}"
EX_INSPECT_SEQ = "Номер пакета: {seq} (хеш предыдущего: {prev})"
EX_INSPECT_KIND = "Содержимое: {kind}"
EX_INSPECT_LEVEL = "Персональные данные: {level}"
EX_INSPECT_ROWS = "Записей: {rows} ({tables})"
EX_INSPECT_SENDER = "Ключ школы: {fp}"
EX_INSPECT_RECIPIENT = "Ключ получателя: {fp}"
EX_INSPECT_CREATED = "Создан (по часам школы): {at}"
EX_INSPECT_PAYLOAD = "Зашифрованные данные: {size} байт, SHA-256 {hash}"
EX_INSPECT_OK = "Подпись школы верна, контрольная сумма данных сходится."

EX_PACKET_LINE = "{file}: школа {code} {name}, пакет № {seq} ({kind}, {level}), записей: {rows}"
EX_SUMMARY_TABLE = "Таблица"
# Right-aligned in 11 characters: each title at most 9, so two spaces part them («изменится
# без измен.» read as one title).
EX_SUMMARY_COLUMNS = ("добавится", "изменится", "без изм.", "удалится", "конфликты")
EX_TOTAL = "Итого"
EX_GAP = "  Пропущены пакеты № {missing}."
EX_GAP_COVERED = "Их изменения входят в этот пакет (пакеты накопительные)."
EX_GAP_NOT_COVERED = "Часть изменений может отсутствовать: попросите школу выгрузить полный пакет."
EX_CHAIN_BROKEN = "  Внимание: пакет не продолжает предыдущий (база школы восстанавливалась из копии?). Записи сверяются по версиям."
EX_DEFAULT_SETTINGS = "  Внимание: пакет сделан прежней версией программы без настроек школы: показатели школы {code} считаются по настройкам по умолчанию, пока школа не пришлёт пакет из обновлённой программы."
EX_DRY_RUN_DONE = "Пробный прогон: ничего не записано."
EX_APPLIED = "Пакет применён."
EX_DUPLICATE = "{file}: этот пакет уже загружен — ничего не изменилось."
EX_OLDER = "{file}: пакет старше уже загруженного — ничего не изменилось."

EX_NO_RECEIPTS = "Принятых пакетов нет — квитанции не выгружены."
EX_RECEIPT_WRITTEN = "Квитанция записана: {path}"
EX_RECEIPT_DONE = "Квитанция загружена: управление образованием подтвердило получение пакетов № {seqs}. В следующий пакет войдут только более поздние изменения."
EX_RECEIPT_ALREADY = "Квитанция уже была загружена: ничего не изменилось (подтверждён пакет № {seq})."
EX_EXPORT_RESTORED = ("База восстанавливалась из копии: управлению уже отправлен пакет № {last}, "
                      "поэтому этот пакет — № {seq} и полный (все данные). Отправьте его как обычно.")
EX_RECEIPT_RESYNCED = "Управление образованием приняло пакеты, которых нет в этой базе (база восстанавливалась из копии?). Нумерация продолжится после № {seq}; следующий пакет будет полным."

EX_TABLES = {
    "school": "Школа",
    "staff": "Сотрудники",
    "staff_position": "Должности",
    "staff_subject": "Предметы",
    "association": "Методобъединения",
    "association_member": "Члены методобъединений",
    "qualification_category": "Категории",
    "conformity_attestation": "Аттестация на СЗД",
    "training": "Повышение квалификации",
    "diagnostic": "Диагностики",
    "deficit": "Дефициты",
    "training_deficit": "Курсы по дефицитам",
    "mentorship": "Наставничество",
    "mentorship_mentee": "Наставляемые",
    "mentorship_event": "Встречи наставников",
    "individual_route": "ИОМ",
    "route_step": "Шаги ИОМ",
    "achievement": "Достижения",
    "short_learning": "Самообразование",
    "programme": "Программы развития",
    "programme_task": "Задачи программы",
    "programme_activity": "Мероприятия программы",
    "activity_postponement": "Переносы сроков",
    "activity_responsible": "Ответственные",
    "target_indicator": "Целевые показатели",
    "indicator_target": "Значения показателей",
}

# --- import ---------------------------------------------------------------------------
IMP_TITLE = "Импорт из таблицы"
IMP_KEY_OPEN = "Импорт из таблицы"
IMP_KIND_LABELS = {"staff": "Сотрудники", "trainings": "Курсы повышения квалификации"}
IMP_FIELD_LABELS = {
    "fio": "ФИО",
    "last_name": "Фамилия",
    "first_name": "Имя",
    "middle_name": "Отчество",
    "birth_date": "Дата рождения",
    "sex": "Пол",
    "positions": "Должность",
    "subjects": "Предметы",
    "employment": "Занятость",
    "hire_date": "Дата приёма",
    "dismissal_date": "Дата увольнения",
    "ped_start_date": "Начало педстажа",
    "experience": "Педстаж (лет)",
    "education": "Образование",
    "qualification": "Квалификация по диплому",
    "speciality": "Специальность по диплому",
    "category": "Категория",
    "category_date": "Дата присвоения категории",
    "category_until": "Категория действует до",
    "snils": "СНИЛС",
    "phone": "Телефон",
    "email": "Эл. почта",
    "notes": "Примечание",
    "courses": "Курсы (текстом)",
    "title": "Программа курсов",
    "provider": "Организация",
    "hours": "Часов",
    "start_date": "Дата начала",
    "end_date": "Дата окончания",
    "period": "Сроки",
    "year": "Год",
    "kind": "Вид обучения",
    "form": "Форма обучения",
    "doc_number": "Номер документа",
    "doc_date": "Дата документа",
}
# reading files
IMP_UNSUPPORTED = ("Файлы {suffix} не поддерживаются: выберите таблицу .xlsx, .xls, .ods "
                   "или .csv.")
IMP_NOT_FOUND = "Файл не найден: {path}"
IMP_FORMAT_NAMES = {".xlsx": "книгу Excel (.xlsx)", ".xlsm": "книгу Excel (.xlsm)",
                    ".xls": "книгу Excel 97–2003 (.xls)", ".ods": "таблицу LibreOffice (.ods)"}
IMP_BAD_WORKBOOK = ("«{name}» не удалось прочитать как {kind}: файл повреждён или это не "
                    "таблица. Ничего не загружено.")
IMP_HTML_AS_WORKBOOK = ("«{name}» — не книга Excel, а веб-страница (так выгружают некоторые "
                        "порталы): откройте её в Excel или LibreOffice и сохраните как .xlsx.")
IMP_XML_AS_WORKBOOK = ("«{name}» — таблица XML 2003, а не книга Excel: откройте её в Excel или "
                       "LibreOffice и сохраните как .xlsx.")
IMP_WORKBOOK_CRASHED = ("«{name}» не удалось прочитать: файл повреждён или слишком велик для "
                        "чтения. Ничего не загружено. Откройте его в Excel или LibreOffice и "
                        "сохраните заново.")
IMP_PASSWORD = ("Книга защищена паролем: откройте её в Excel или LibreOffice, снимите пароль "
                "(Файл → Сведения → Защита книги) и сохраните копию без пароля.")
IMP_TOO_MANY_ROWS = ("В «{sheet}» больше {limit} заполненных строк — это не список сотрудников "
                     "или курсов школы. Ничего не загружено: разделите таблицу на части.")
IMP_FILE_TOO_BIG = "Файл больше {mb} МБ — это не список школы. Ничего не загружено."
IMP_NOT_TEXT_TABLE = ("«{name}» — не текстовая таблица CSV (внутри двоичные данные): выберите "
                      "файл .xlsx, .xls, .ods или .csv.")
IMP_BAD_CSV = ("Строка {line} файла CSV не читается (повреждённые данные или ячейка длиннее "
               "100 000 знаков). Ничего не загружено.")
IMP_PROGRESS = "{what}: {done} из {total}…"
IMP_PROGRESS_READING = "Чтение файла"
IMP_RECOUNTING = "Просмотр пересчитывается…"
IMP_PROGRESS_ROWS = "Разбор строк"
IMP_LIST_DATE_LINE = "Дата списка {day} ({source}): стаж «N лет» отсчитан от неё · Ctrl+D — изменить"
IMP_LIST_DATE_BY_USER = "указана вами"
IMP_LIST_DATE_ASK_LINE = ("В файле нет даты списка: стаж «N лет» отсчитан от даты отчёта {day}. "
                          "Если список составлен в другой день — Ctrl+D")
IMP_LIST_DATE_NONE = "в файле не указана — взята дата отчёта"
IMP_LIST_DATE_TITLE_ASK = "Дата списка"
IMP_LIST_DATE_ASK = "На какую дату составлен список (от неё отсчитан стаж «N лет»):"
IMP_KEY_LIST_DATE = "Дата списка"
IMP_LIST_DATE_TITLE = "из заголовка «{text}»"
IMP_LIST_DATE_CELL = "из ячейки {cell} над таблицей"
IMP_NO_HEADER = "Таблица пуста: в файле нет ни одной заполненной строки."
# values
IMP_BAD_DATE = "дата не распознана: пишите ДД.ММ.ГГГГ"
IMP_NO_SUCH_DATE = "такой даты нет в календаре"
IMP_YEAR_ONLY = "указан только год ({year}), нужна полная дата ДД.ММ.ГГГГ"
IMP_BAD_NAME = "«{text}» — в ФИО допустимы только буквы, дефис и пробел"
IMP_NAME_SHORT = "«{text}» — нужны хотя бы фамилия и имя"
IMP_NAME_INITIALS = "вместо имени и отчества инициалы — нужно полное ФИО"
IMP_NO_LAST_NAME = "не указана фамилия"
IMP_NO_FIRST_NAME = "не указано имя"
IMP_BAD_CATEGORY = "«{text}» — категория не распознана (первая, высшая, педагог-методист, педагог-наставник, СЗД)"
IMP_CATEGORY_SECOND = "вторая категория отменена с 2011 года — укажите СЗД или оставьте пустым"
IMP_CATEGORY_NOT_CONFORM = "«не соответствует» не загружается как категория — внесите аттестацию вручную"
IMP_BAD_EXPERIENCE = "«{text}» — стаж не распознан (пишите «12 лет» или «12»)"
IMP_BAD_HOURS = "«{text}» — количество часов не распознано"
IMP_BAD_SEX = "«{text}» — пол пишется «м» или «ж»"
IMP_BAD_EMPLOYMENT = "«{text}» — занятость: «основной» или «внешний совместитель»"
IMP_BAD_EDUCATION = "«{text}» — образование: высшее, среднее профессиональное или среднее общее"
IMP_BAD_FLAG = "«{text}» — ожидается «да» или «нет»"
IMP_BAD_TRAINING_KIND = "«{text}» — вид: повышение квалификации, переподготовка или стажировка"
IMP_BAD_TRAINING_FORM = "«{text}» — форма: очная, очно-заочная, заочная или дистанционная"
# mapping
IMP_MAP_NEED_NAME = "Укажите столбец с ФИО (или столбцы «Фамилия» и «Имя»)."
IMP_MAP_NEED_TITLE = "Укажите столбец с программой курсов (или с курсами текстом)."
IMP_MAP_NAME_EMPTY = "Укажите название шаблона"
IMP_MAP_NOT_FOUND = "шаблон столбцов «{name}» не найден"
IMP_MAP_WRONG_KIND = "шаблон «{name}» сохранён для другого вида данных ({kind})"
IMP_BAD_KIND = "неизвестный вид импорта: {kind}"
# rows
IMP_TOO_LONG = "{label}: {length} знаков — слишком длинное значение (не больше {limit})"
IMP_DISMISSED_NO_DATE = ("«{text}» — уволен(а), но дата увольнения не указана: укажите дату, "
                         "иначе сотрудник попадёт в показатели как работающий")
IMP_NO_NAME = "Не указано ФИО"
IMP_NO_POSITION = "Не указана должность (нужна хотя бы одна)"
IMP_AMBIGUOUS = "В «Кадрах» {count} сотрудника «{name}»: добавьте в таблицу дату рождения"
IMP_REPEATED_PERSON = "Этот сотрудник уже есть в строке {row}"
IMP_PERSON_NOT_FOUND = "Сотрудник «{name}» не найден в «Кадрах»: сначала загрузите список сотрудников"
IMP_BIRTH_YEAR_ONLY = "дата рождения — указан только год ({year})"
IMP_NO_COURSE = "Не указаны курсы"
IMP_NO_COURSE_TITLE = "не указано название программы"
IMP_NO_HOURS = "не указано количество часов"
IMP_NO_END = "не указаны год или дата окончания"
IMP_COURSE = "Курсы"
IMP_CATEGORY = "Категория"
IMP_CONFORMITY = "СЗД"
IMP_NOT_LOADED = "не загружено"
IMP_COURSE_EXISTS = "курсы «{title}» уже есть"
IMP_COURSE_REPEATED = "курсы «{title}» уже в строке {row}"
IMP_CHANGE_NEW_PERSON = "новый сотрудник"
IMP_CHANGE_CATEGORY = "категория {category} ({position}) от {day}"
IMP_CHANGE_CATEGORY_UNDATED = "категория {category} ({position}), дата решения не указана"
IMP_CHANGE_CONFORMITY = "СЗД: соответствует ({day})"
IMP_CHANGE_COURSE = "курсы «{title}», {hours} ч, окончание {day}"
IMP_NOTE_EXPERIENCE = "педстаж {years}{months} на {day} → начало педстажа {start}"
IMP_NOTE_YEAR_END = ("известен только год окончания — записан «{year} г.»; в расчётах курсы "
                     "окончены 1 января {year} (самая ранняя дата года), уточните в карточке")
IMP_NOTE_CATEGORY_YEAR = ("известен только год присвоения — записан «{year} г.»; в расчётах "
                          "решение от 1 января {year} (самая ранняя дата года), уточните")
IMP_NOTE_CATEGORY_NO_DATE = ("дата присвоения категории не указана — записана без даты, "
                             "в «Аттестации» будет «уточнить дату решения»")
IMP_NOTE_CATEGORY_TERM = "категория до 01.09.2023 — срок действия до {day}"
IMP_NOTE_CATEGORY_UNTIL_YEAR = ("срок действия — известен только год: записано «до {year} г.»; "
                                "в расчётах 1 января {year} (самая ранняя дата года), уточните")
IMP_NOTE_CONFORMITY_YEAR = ("известен только год СЗД — записан «{year} г.»; в расчётах "
                            "1 января {year} (самая ранняя дата года), уточните")
IMP_NOTE_CONFORMITY_NO_DATE = ("дата СЗД не указана — записана без даты, в «Аттестации» будет "
                               "«уточнить»")
IMP_DATE_NOT_STATED = "дата не указана"
YEAR_ONLY = "{year} г."
IMP_NOTE_POSITION_AS_IS = "должности «{position}» нет в списке — записана как есть"
IMP_NOTE_EMPLOYMENT = "занятость: {employment} — из должности «{remark}»"
IMP_NOTE_SEX = "пол: {sex} — по отчеству «{middle}»"
IMP_NOTE_PEDAGOGICAL = "образование педагогическое — в столбце «{column}»: «{text}» (основа «{stem}»)"
IMP_NOTE_NOT_PEDAGOGICAL = ("образование не отмечено педагогическим — в «{text}» нет слов из списка "
                            "в Настройках")
IMP_NOTE_TEACHING_POST = ("категория отнесена к должности «учитель»: преподаёт {subjects}, "
                          "хотя в должности — {positions}")
IMP_NOTE_NAMESAKE = "тёзка с другой датой рождения — добавится как новый сотрудник"
IMP_NOTE_NAME_REMARK = "пометка в ФИО «{remark}» не загружена"
IMP_SUMMARY_HEADINGS = "Строки-заголовки разделов (пропущены): {rows}."
IMP_SUMMARY = "Добавить: {add}, обновить: {update}, без изменений: {same}, с ошибками: {error}."
IMP_SUMMARY_PARTIAL = "Частично (часть данных не загрузится): {partial}."
IMP_DONE = ("Загружено. Новых сотрудников: {added}, обновлено: {updated}, курсов: {trainings}, "
            "категорий: {categories}, СЗД: {conformity}. Не загружено строк: {errors}.")
IMP_AUDIT_NOTE = "загружено из списка {file}"
DEMO_AUDIT_NOTE = "демонстрационные данные"
# error report
IMP_REPORT_FILE = "Ошибки импорта — {stem} — {stamp}.xlsx"
IMP_REPORT_SHEET = "Ошибки импорта"
IMP_REPORT_TITLE = "Файл {file}: строки, не загруженные полностью. {summary}"
IMP_REPORT_ROW = "Строка файла"
IMP_REPORT_STATUS = "Итог"
IMP_REPORT_REASON = "Причина"
IMP_REPORT_COLUMN = "Столбец {n}"
IMP_REPORT_NOT_LOADED = "не загружена"
IMP_REPORT_PARTLY = "загружена частично"
IMP_REPORT_TITLE_PREVIEW = ("Файл {file}: строки, которые не будут загружены полностью "
                            "(проверка до загрузки). {summary}")
IMP_REPORT_WILL_NOT_LOAD = "не будет загружена"
IMP_REPORT_WILL_LOAD_PARTLY = "будет загружена частично"
# command line
CLI_HELP_IMPORT = "загрузить сотрудников или курсы из таблицы XLSX/CSV"
IMP_CLI_HELP_WHAT = "что загружать: staff — сотрудники, trainings — курсы"
IMP_CLI_HELP_FILE = "файл .xlsx, .xls, .ods или .csv"
IMP_CLI_HELP_DRY = "только показать, что будет загружено, ничего не записывая"
IMP_CLI_HELP_MAPPING = "взять столбцы из шаблона, сохранённого в программе"
IMP_CLI_HELP_REPORT = "куда сохранить отчёт об ошибках XLSX (файл или папка)"
IMP_CLI_SHEET = "Файл {file}{sheet}; строка заголовков {row}{encoding}."
IMP_CLI_HELP_DATE = "дата, на которую составлен список (от неё отсчитан стаж «N лет»)"
IMP_CLI_LIST_DATE = "Дата списка {day} ({source}): стаж «N лет» отсчитан от неё."
IMP_CLI_DATE_GIVEN = "--date"
IMP_CLI_MAPPING = "Столбцы ({source}):"
IMP_CLI_GUESSED = "определены по заголовкам"
IMP_CLI_SAVED = "шаблон «{name}»"
IMP_CLI_ROW = "  стр. {row:>4}  {status:<14} {name}{what}"
IMP_CLI_DRY_RUN = "Пробный запуск: в базу ничего не записано."
IMP_CLI_REPORT = "Отчёт об ошибках сохранён: {path}"
IMP_CLI_NOTHING = "Нечего загружать: нет новых или изменённых строк."
# screens
IMP_STATUS_LABELS = {"add": "добавить", "update": "обновить", "same": "без изменений",
                     "error": "ошибка"}
IMP_FILE_HEAD = ("Выберите таблицу (.xlsx, .xls, .ods или .csv) в дереве папок или введите "
                 "путь.")
IMP_FILE_HINT = "CSV: UTF-8 или Windows-1251, разделитель «;» или «,»."
IMP_KIND = "Что загружаем"
IMP_PATH = "Файл"
IMP_PATH_PLACEHOLDER = "Путь к файлу или папке (Enter — открыть)"
IMP_TEMPLATE = "Столбцы"
IMP_TEMPLATE_AUTO = "по заголовкам таблицы"
IMP_KEY_LOAD = "Открыть файл"
IMP_KEY_TREE = "К дереву папок"
IMP_KEY_IMPORT = "Загрузить"
IMP_KEY_REPORT = "Отчёт об ошибках"
IMP_KEY_MAPPING = "Столбцы"
IMP_KEY_ONLY_ERRORS = "Только ошибки / все"
IMP_KEY_DETAILS = "Подробно"
IMP_READING = "Чтение файла…"
IMP_NOT_A_FILE = "Выберите файл таблицы"
IMP_PREVIEW_HEAD = "{file}{sheet} · заголовки в строке {row}{encoding}"
IMP_MAPPING_LINE = "Столбцы: {text}"
IMP_COL_ROW = "Стр."
IMP_COL_STATUS = "Статус"
IMP_COL_NAME = "ФИО"
IMP_COL_WHAT = "Что будет / причина"
IMP_SHOWN_LIMIT = "показаны первые {shown} строк из {total}"
IMP_ONLY_ERRORS = "только строки с ошибками"
IMP_EMPTY = "В таблице нет строк с данными под заголовком."
IMP_NOTHING = "Нечего загружать: нет новых или изменённых строк."
IMP_CONFIRM = ("Загрузить строки «добавить» и «обновить» ({good})? Строки с ошибками ({errors}) "
               "не загрузятся — сохраните отчёт об ошибках (Ctrl+E).")
IMP_IMPORTED = "Готово. {summary}"
IMP_REPORT_ASK_TITLE = "Отчёт об ошибках (XLSX)"
IMP_REPORT_ASK_FOLDER = "Папка для отчёта (Enter — сохранить, Esc — отмена):"
IMP_REPORT_SAVED = "Отчёт об ошибках сохранён: {path}"
IMP_REPORT_NONE = "Все строки загружаются полностью — отчёт об ошибках не нужен."
IMP_MAP_TITLE = "Столбцы таблицы: что в каком столбце"
IMP_MAP_HINT = "Enter/F4 — выбрать поле · Ctrl+S — применить · Esc — отмена"
IMP_MAP_SKIP = "— не загружать —"
IMP_MAP_TEMPLATE_NAME = "Сохранить как шаблон:"
IMP_MAP_TEMPLATE_PLACEHOLDER = "название (необязательно)"
IMP_MAP_TEMPLATE_SAVED = "Шаблон столбцов «{name}» сохранён"
IMP_MAP_PROBLEM = "Сопоставление не подходит: {problem}"
IMP_MAP_USE_TEMPLATE = "Взять из шаблона"
IMP_ROW_TITLE = "Строка {row}: {status}"
IMP_KEY_PARENT = "Папка выше"
IMP_FOLDER = "Папка: {folder}   (Backspace — папка выше)"
IMP_PREVIEW_HINT = "Enter — подробно · Ctrl+K — столбцы · Ctrl+D — дата списка · Ctrl+F — ошибки"
IMP_MAP_HEAD = ("Столбец", "Что в нём", "Первые значения")

# --- training (повышение квалификации) ----------------------------------------------------
SECTION_TRAINING = "Повышение квалификации"
TR_TITLE = "Повышение квалификации"
TR_SEARCH_PLACEHOLDER = "Поиск по названию программы или ФИО (начните вводить)…"
TR_COL_NAME = "ФИО"
TR_COL_TITLE = "Программа"
TR_COL_PROVIDER = "Организация"
TR_COL_HOURS = "Час"
TR_COL_END = "Окончание"
TR_COL_KIND = "Вид"
TR_COL_MARKS = "Отм"
TR_COL_POSITIONS = "Должность"
TR_COL_LAST = "Последние"
TR_COL_SINCE = "Просрочено с"
TR_COL_PLANNED = "Запланир."
TR_SHOWN = "Показано {shown} из {total} (сотрудников: {people})"
TR_PAGE = "стр. {page} из {pages}"
TR_EMPTY = "Курсов не найдено. Ins — добавить, Ctrl+G — группой, Ctrl+F — фильтр."
TR_FILTER_SUMMARY = "Фильтр: {text}"
TR_FILTER_TITLE = "Фильтр реестра курсов"
TR_FILTER_YEAR = "Год окончания"
TR_FILTER_PROVIDER = "Организация"
TR_FILTER_KIND = "Вид"
TR_FILTER_FORM = "Форма обучения"
TR_FILTER_FEDERAL = "Из федерального реестра"
TR_FILTER_BY_DIAG = "По итогам диагностики"
TR_FILTER_TOPIC = "Тема"
TR_FILTER_FEDERAL_SHORT = "из фед. реестра"
TR_FILTER_NOT_FEDERAL = "не из фед. реестра"
TR_FILTER_BY_DIAG_SHORT = "по диагностике"
TR_FILTER_NOT_BY_DIAG = "не по диагностике"
TR_KEY_GROUP = "Группой"
TR_KEY_OVERDUE = "Просрочено"
TR_KEY_CARD = "Карточка сотрудника"
TR_KEY_ADD_FOR = "Внести курсы"
TR_KEY_GROUP_FOR = "Всем просрочившим"
TR_KEY_EVERYONE = "Все работающие"

# training form
TR_NEW = "Новые курсы повышения квалификации"
TR_EDIT = "Курсы: {title}"
TR_F_PERSON = "Сотрудник"
TR_F_PEOPLE = "Участники"
TR_F_PEOPLE_COUNT = "Участники ({count})"
TR_F_TITLE = "Программа"
TR_F_KIND = "Вид"
TR_F_HOURS = "Часов"
TR_F_START = "Начало"
TR_F_END = "Окончание"
TR_F_PROVIDER = "Организация"
TR_F_OWNERSHIP = "Тип организации"
TR_F_FORM = "Форма обучения"
TR_F_DOC_KIND = "Документ"
TR_F_DOC_NUMBER = "Номер документа"
TR_F_DOC_DATE = "Дата документа"
TR_F_FEDERAL = "Из фед. реестра ДПП"
TR_F_BY_DIAG = "По диагностике"
TR_F_DEFICITS = "Дефициты"
TR_F_MANAGEMENT = "Для упр. команды"
TR_F_TOPICS = "Темы"
TR_DEFICIT_OPTION = "{area}: {text} ({status})"
TR_WARN_CONFIRM = "Обратите внимание:\n{items}\n\nСохранить всё равно?"
TR_SAVE_ANYWAY = "Сохранить"
TR_FIX = "Исправить"
TR_WARN_NO_DEFICIT = ("Курсы отмечены «по итогам диагностики», но не выбран ни один дефицит, "
                      "который они устраняют")
TR_WARN_GROUP_NO_DEFICIT = ("Курсы отмечены «по итогам диагностики»: дефициты у каждого свои — "
                            "выберите их потом в карточке каждого участника")
TR_WARN_DUPLICATE = "Такие курсы уже внесены: «{title}», окончание {date}"

# group entry
TR_GROUP_NEW = "Курсы для группы: одна запись на каждого участника (Ctrl+G — все работающие)"
TR_GROUP_NEED_PEOPLE = "Выберите участников"
TR_GROUP_SAVED = "Курсы внесены для {count} чел."
TR_GROUP_EDIT_TITLE = "Курсы внесены группой"
TR_GROUP_EDIT_QUESTION = "Эти курсы внесены сразу для {count} чел. Изменить только эту запись или у всех?"
TR_GROUP_EDIT_ONE = "Только эту"
TR_GROUP_EDIT_ALL = "У всех ({count})"

# deleting
TR_DELETE_CONFIRM = "Удалить курсы «{title}» ({name})?"
TR_DELETE_GROUP_QUESTION = "Курсы внесены группой ({count} чел.). Удалить запись {name} или всю группу?"
TR_DELETE_ONE = "Только эту"
TR_DELETE_ALL = "Всю группу ({count})"
TR_GROUP_DELETED = "Удалено записей: {count}"
TR_DELETE_IN_ROUTE = ("Курсы указаны в ИОМ ({count} шаг.): удалить нельзя. Сначала уберите их "
                      "из шага маршрута.")

# overdue
TR_OVERDUE_TITLE = "Просрочены курсы повышения квалификации"
TR_OVERDUE_SUMMARY = ("На {date}: не проходили ПК или переподготовку более {years} — {overdue}; "
                      "станут просроченными в ближайшие {months} мес. — {soon}")
TR_OVERDUE_OUTSIDE = " (и {count} † — не входят в показатель: {why})"
TR_OVERDUE_HINT = "«!» — уже просрочено, без «!» — скоро. Enter — карточка, Ins — внести курсы"
TR_NEVER = "курсов нет"
TR_NONE = "нет"
TR_CLARIFY_END = "уточнить"

# --- development: the person's card -------------------------------------------------------
DEV_CARD_TITLE = "Карточка сотрудника"
DEV_TAB_LABELS = {"main": "1 Основное", "courses": "2 Курсы", "attestation": "3 Аттестация",
                  "diagnostics": "4 Диагностика", "routes": "5 ИОМ", "growth": "6 Достижения"}
DEV_KEY_TAB = {"main": "Вкладка «Основное»", "courses": "Вкладка «Курсы»",
               "attestation": "Вкладка «Категории и аттестация»",
               "diagnostics": "Вкладка «Диагностика и дефициты»", "routes": "Вкладка «ИОМ»",
               "growth": "Вкладка «Достижения и самообразование»"}
DEV_KEY_NEXT_TAB = "Следующая вкладка"
DEV_KEY_PREV_TAB = "Предыдущая вкладка"
DEV_KEY_EDIT_PERSON = "Изменить сведения"
DEV_MAIN_HINT = "Ctrl+E — изменить сведения · 1–6 или Ctrl+PgDn / Ctrl+PgUp — вкладки"
DEV_COURSES_HINT = "Отм: Р — фед. реестр, Д — по диагностике, У — упр. команда, Г — группой"
DEV_TAB_COURSES = "Курсы"
DEV_COURSES_NEVER = "курсов ПК нет"
DEV_COURSES_LAST = "последние {date}"
DEV_COURSES_OVERDUE = "просрочено с {date}"
DEV_COURSES_CLARIFY = "уточните дату: засчитываются курсы с {date}"
DEV_COURSES_DUE = "следующие — не позже {date}"
DEV_COURSES_HOURS = "за 3 года — {h3}, за 5 лет — {h5}"
DEV_HOURS = "Часов ПК"
DEV_HIRED = "принят(а) {date}"
DEV_DISMISSED = "уволен(а) {date}"
DEV_DISMISSED_MARK = " (уволен)"
DEV_PED_EXPERIENCE = "Педстаж"
DEV_SINCE = "{years} (с {date})"
DEV_PEDAGOGICAL = ", педагогическое"
DEV_YEAR_1 = "год"
DEV_YEAR_2 = "года"
DEV_YEAR_5 = "лет"

# --- exchange (screens) -----------------------------------------------------------------
SECTION_EXCHANGE = "Обмен"
EX_TITLE = "Обмен с управлением образованием"
EX_PACKETS_TITLE = "Выгруженные пакеты"
EX_PACKET_COLUMNS = ("№", "Дата", "Вид", "Данные", "Записей", "Подтверждён")
EX_LEVEL_SHORT = {"full": "полные", "deidentified": "обезличены"}
EX_NOT_ACKED = "нет"
EX_SCREEN_NO_OFFICE = "Ключ управления образованием не загружен: Ctrl+K — загрузить файл ключа."
EX_SCREEN_OFFICE = "Управление образованием: {name}"
EX_SCREEN_OFFICE_FP = "Отпечаток его ключа: {fp}"
EX_SCREEN_OWN_FP = "Отпечаток ключа школы: {fp}"
EX_SCREEN_STATUS = ("Код школы {code}. Последний пакет № {last}, подтверждён № {acked}; "
                    "следующий пакет — изменения после пакета № {acked}.")
EX_SCREEN_STATUS_UNACKED = ("Код школы {code}. Последний пакет № {last}, ни один не подтверждён: "
                            "следующий пакет будет полным.")
EX_SCREEN_STATUS_NONE = "Код школы {code}. Пакетов ещё не было: первый пакет будет полным."
EX_KEY_EXPORT = "Выгрузить пакет"
EX_KEY_IMPORT_KEY = "Ключ управления"
EX_KEY_RECEIPT = "Квитанция"
EX_KEY_WRITE = "Записать"
EX_KEY_PICK_FOLDER = "Выбрать папку"
EX_KEY_CHOOSE_PATH = "Выбрать"
EX_KEY_PARENT = "Папка выше"
EX_EXPORT_TITLE = "Выгрузка пакета"
EX_FIELD_KIND = "Что выгрузить"
EX_FIELD_LEVEL = "Персональные данные"
EX_FIELD_FOLDER = "Папка (флешка)"
EX_KIND_CHOICES = {"delta": "изменения с последнего подтверждённого", "full": "всё (полный пакет)"}
EX_LEVEL_CHOICES = {"full": "полностью", "deidentified": "обезличенно (без ФИО, дат рождения, СНИЛС)"}
EX_EXPORT_HINT = "F4 в поле папки — выбрать папку. Ctrl+S — записать пакет, Esc — отмена."
EX_PICK_KEY = "Файл ключа управления образованием (.mkkey)"
EX_PICK_RECEIPT = "Файл квитанции (.mkr)"
EX_PICK_FOLDER = "Папка для файлов"
EX_PICK_PACKETS = "Пакеты школ: файл .mkp или папка (флешка)"
EX_PICK_PACKETS_HINT = "Enter на файле — один пакет; Ctrl+S — все пакеты из папки в поле. Esc — отмена."
EX_PATH_PLACEHOLDER = "путь к файлу или папке"
EX_PATH_HINT = "Enter на файле — выбрать; путь можно ввести в поле. Ctrl+S — выбрать, Esc — отмена."
EX_PATH_MISSING = "Не найдено: {path}"
EX_CONFIRM_KEY = ("Ключ управления образованием «{name}».\nОтпечаток: {fp}\n\n"
                  "Сверьте отпечаток с управлением образованием по телефону. Загрузить ключ?")
EX_CONFIRM_REPLACE_KEY = "Внимание: он заменит ранее загруженный ключ другого управления."
EX_KEY_LOADED = "Ключ управления образованием загружен"
EX_RECEIPT_TITLE = "Квитанция"

EX_MUNI_APP_TITLE = "Методический кабинет (УО)"   # short: the header keeps the screen name whole at 80 columns
EX_MUNI_SCHOOLS_TITLE = "Школы"
# Two lines: the fingerprint whole on its own at 80 columns (it wrapped mid-key).
EX_MUNI_OFFICE = "{name} · школ: {count}\nОтпечаток ключа управления: {fp}"
EX_SCHOOL_COLUMNS = ("Код", "Школа", "№", "Данные", "Сделан", "Загружен", "Проп.", "Пед.")
OF_SEARCH_PLACEHOLDER = "Поиск по коду или названию школы (начните вводить)…"
OF_KEY_SORT = "Сортировка"
OF_KEY_CLEAR_SEARCH = "Очистить поиск"
OF_SORTS = {"code": "по коду", "name": "по названию", "last": "свежие пакеты первыми",
            "silent": "молчащие первыми"}
OF_SORT_STATUS = "{sort} (F6)"
OF_SILENT_COUNT = "молчат более {days} дн.: {count}"
OF_SILENT_MARK = "!"
OF_SILENT_MARKED = "«!» молчат более {days} дн.: {count}"
OF_EMPTY_SEARCH = "Ничего не найдено. Esc — очистить поиск."
OF_NEVER = "не было"
OF_LISTED_ONLY = ("Школа {code} {name} есть в списке школ муниципалитета, но пакетов от неё "
                  "ещё не было. Карточка появится с её первым пакетом (Ins — загрузить пакеты).")
OF_FILE_SCHOOLS = "Школы"
OF_SHEET_TITLE = "{office}: школы на {date}"
OF_SHEET_COLUMNS = ("Код", "Школа", "Последний пакет, №", "Данные", "Сделан школой",
                    "Загружен", "Пропущено пакетов", "Педагогов (база F8)", "Молчит",
                    "Директор", "Телефон")
EX_KEY_LOAD_PACKETS = "Загрузить пакеты"
EX_KEY_RECEIPTS = "Выгрузить квитанции"
EX_KEY_REFRESH = "Обновить"
EX_KEY_APPLY = "Применить"
EX_RECEIPTS_TITLE = "Квитанции"
EX_IMPORT_TITLE = "Загрузка пакетов"
EX_NO_PACKETS_IN = "В {path} нет пакетов (.mkp)."
EX_IMPORT_FILES = "Файлов: {count}. Сначала — пробная проверка: в базу ничего не пишется."
EX_CHECKING = "Проверка подписей, контрольных сумм и всех записей…"
EX_APPLYING = "Применение…"
EX_SUMMARY_SCREEN_COLUMNS = ("Школа", "Таблица", "Доб.", "Изм.", "Без изм", "Удал.", "Конфл")
EX_NOTE_NEW_SCHOOL = "Новая школа {code} {name}: отпечаток ключа {fp} — подтвердите при применении."
EX_NOTE_NOT_OPENED = "Пакет школы {code} ({rows} записей) будет расшифрован и проверен только после подтверждения ключа."
EX_NOTE_GAP = "Школа {code}: пропущены пакеты № {missing}."
EX_NOTE_CHAIN = "Школа {code}: пакет не продолжает предыдущий (база восстанавливалась?)."
EX_DRY_SUMMARY = "Проверено: будет применено пакетов: {count}. Ctrl+S — применить, Esc — отказаться."
EX_NOTHING_TO_APPLY = "Применять нечего."
EX_APPLIED_SUMMARY = "Применено пакетов: {count}. Esc — к списку школ."
# The office's loading summary, school card and key replacement (sync/office.py,
# screens/office_import.py, screens/office_school.py).
OF_KEY_CARD = "Карточка школы"
OF_KEY_RECEIPTS = "Квитанции"
OF_LEVEL_SHORT = {"full": "полные", "deidentified": "обезл."}
OF_CONTACT_LINE = "Директор: {director} · тел.: {phone}"
OF_NO_PHONE = "не указан"
OF_STAFF_NOTE = ("Enter — карточка. «Сделан» — выгружен школой; «Проп.» — пакеты, чьих "
                 "изменений нет; «Пед.» — основные педагоги на {date} (база показателей F8).")
OF_CARD_TITLE = "Карточка школы"
OF_CARD_NAME = "{code} {name} — {full}"
OF_CARD_CONTACTS = "Директор: {director} · телефон: {phone}"
OF_CARD_LEVEL = ("Данные: {level} · педагогов на {date} (база показателей F8): {base} · "
                 "сотрудников в данных: {every}")
OF_CARD_KEY = "Ключ: {fp} · с {at}"
OF_CARD_NO_KEY = "Ключ не зарегистрирован: Ctrl+K — взять новый ключ из пакета школы."
OF_CARD_OLD_KEY = "Прежний ключ: {fp} · {since}–{until}"
OF_CARD_MISSING = ("Не хватает пакетов № {numbers}: их изменений нет — попросите школу "
                   "выгрузить полный пакет.")
OF_CARD_NOTHING_MISSING = "Пропущенных пакетов нет."
OF_CARD_COVERED = "Не пришли, но их изменения пришли позже: {numbers}."
OF_CARD_COVERED_ONE = "№ {number} (с № {by})"
OF_CARD_SETTINGS_DEFAULT = ("Настройки школы не пришли (пакеты прежней версии программы): её "
                            "показатели считаются по настройкам по умолчанию.")
OF_CARD_SETTINGS_SAME = "Показатели считаются по настройкам школы (как по умолчанию)."
OF_CARD_SETTINGS_OWN = "Показатели считаются по настройкам школы; не как по умолчанию: {changes}."
OF_CARD_SETTING_ONE = "{name} — {value} (по умолчанию {default})"
OF_SETTING_YES, OF_SETTING_NO, OF_SETTING_NONE = "да", "нет", "без цели"
OF_SETTING_NAMES = {      # the settings a packet carries, as the school's card names them
    "training_period_years": SETTINGS_TRAINING_YEARS,
    "self_evaluation_training_years": SETTINGS_SELF_EVAL_YEARS,
    "indicator_period_months": SETTINGS_PERIOD_MONTHS,
    "category_warn_months": SETTINGS_CATEGORY_MONTHS,
    "young_max_age": SETTINGS_YOUNG_AGE,
    "young_max_experience": SETTINGS_YOUNG_EXPERIENCE,
    "mentorship_min_months": SETTINGS_MENTORSHIP_MIN,
    "mentorship_max_months": SETTINGS_MENTORSHIP_MAX,
    "fl_high_score_percent": SETTINGS_FL_HIGH_SCORE,
    "target_federal_register": f"цель «{SETTINGS_TARGET_FEDERAL}», %",
    "target_fl_diagnostics": f"цель «{SETTINGS_TARGET_FL_DIAG}», %",
    "target_fl_high_score": f"цель «{SETTINGS_TARGET_FL_HIGH}», %",
    "target_young_supported": f"цель «{SETTINGS_TARGET_YOUNG}», %",
    "target_management_trained": "цель «Управленческая команда обучена», %",
    "support_mentorship": f"поддержка молодых: {SETTINGS_SUPPORT_MENTORSHIP}",
    "support_route": f"поддержка молодых: {SETTINGS_SUPPORT_ROUTE}",
    "support_young_school": f"поддержка молодых: {SETTINGS_SUPPORT_YOUNG_SCHOOL}",
}
OF_CARD_PACKETS = "Пакеты школы (новые сверху)"
OF_PACKET_COLUMNS = ("№", "Вид", "Данные", "Сделан школой", "Загружен", "Записей")
OF_KEY_REPLACE = "Заменить ключ"
OF_KEY_PHONE = "Телефон"
OF_KEY_RECEIPT = "Квитанция школе"
OF_KEY_PROBLEM_HINT = ("Пакеты школ не прочитать: восстановите базу вместе с ключом из копии, "
                       "сделанной Ctrl+B или «metodkab backup --out».")
OF_PHONE_TITLE = "Телефон школы для сверки отпечатка ключа:"
OF_PICK_NEW_KEY = "Новый пакет школы (из него берётся новый ключ)"
OF_PICK_NEW_KEY_HINT = "Enter на файле .mkp — выбрать. Ничего не загружается, только читается ключ. Esc — отмена."
OF_CONFIRM_REPLACE = ("Школа {code} {name}: пакет {file} (№ {seq}) подписан новым ключом.\n"
                      "Отпечаток нового ключа: {fp}\nПрежний ключ: {old}\n\n"
                      "Позвоните в школу (директор {director}, тел. {phone}) и попросите прочитать "
                      "отпечаток её ключа (Обмен, F9). Совпадает до последнего знака?")
OF_YES_REPLACE = "Да, заменить"
OF_KEY_REPLACED = "Ключ школы {code} заменён. Загрузите её пакет (Ins в списке школ)."
OF_SKIPPED_FOLDER = "папка — вложенные папки не просматриваются: выберите её отдельно"
OF_SKIPPED_FILE = "не пакет (пакеты — файлы .mkp) — пропущен"
OF_PHONE_TOO_LONG = "Телефон слишком длинный (не больше 60 знаков)."
OF_KEY_OTHER_CODE = "Файл {file} — пакет школы с кодом {code}, а не {ours}: ключ не заменён."
OF_KEY_SAME = "Этот пакет подписан уже зарегистрированным ключом школы ({fp}): менять нечего."
OF_RESULT = {
    "applied": "будет применён", "refused": "ОТКЛОНЁН", "untrusted": "ключ не подтверждён",
    "duplicate": "уже загружен", "older": "старше загруженного", "skipped": "пропущен",
}
OF_RESULT_APPLIED = "применён"
OF_FILES_COLUMNS = ("Файл", "Школа", "№", "Результат")
OF_HEAD_DRY = "Файлов: {count}. Пробная проверка: в базу ничего не пишется."
OF_HEAD_APPLIED = "Файлов: {count}. Изменения записаны в базу управления образованием."
OF_TOTAL = "Итого файлов: {files} · {good}: {applied} · отклонено: {refused} · уже есть: {same} · пропущено: {skipped}"
OF_CLI_TOTAL = "Итого файлов: {files} · {good}: {applied} · отклонено: {refused} · уже есть: {same}"
OF_TOTAL_GOOD_DRY = "будет применено"
OF_TOTAL_GOOD = "применено"
OF_TOTAL_HINT_DRY = "Ctrl+S — применить, Esc — отказаться."
OF_TOTAL_HINT = "Esc — к списку школ."
OF_DETAIL_FILE = "Файл: {file}"
OF_DETAIL_SCHOOL = "Школа {code} {name}, пакет № {seq} ({kind}, {level}), записей: {rows}"
OF_DETAIL_WHY = "Причина: {reason}"
OF_DETAIL_WHAT = "Что делать: {advice}"
OF_DETAIL_NEW_SCHOOL = "Новая школа: отпечаток ключа {fp} — сверьте со школой по телефону при применении."
OF_DETAIL_KEY_CHANGED = "Школа сменила ключ: новый отпечаток {fp} — сверьте со школой по телефону при применении."
OF_DETAIL_REGISTERED = "Ключ школы с отпечатком {fp} зарегистрирован."
OF_DETAIL_NOTHING = "Ничего не изменится."
OF_APPLY_CANCELLED = "Применение отменено: ничего не записано."
OF_CONFIRM_KEY_CHANGED = ("Школа {code} {name} сменила ключ (новый компьютер?).\nОтпечаток нового ключа: {fp}\n\n"
                          "Сверьте отпечаток со школой по телефону. Зарегистрировать новый ключ?\n"
                          "Esc — отменить применение.")
EX_CONFIRM_SCHOOL_KEY = ("Школа {code} {name} присылает пакет впервые.\nОтпечаток её ключа: {fp}\n\n"
                         "Сверьте отпечаток со школой по телефону. Зарегистрировать ключ?\n"
                         "Esc — отменить применение.")

# --- attestation (аттестация) --------------------------------------------------------------
SECTION_ATTESTATION = "Аттестация"
ATT_TITLE = "Аттестация"
ATT_SUMMARY = ("На {date} · истекают категории в ближайшие {months} мес.: {expiring} "
               "(менее {red_months} мес.: {red})\nПора на СЗД: {due} · могут претендовать на "
               "категорию: {eligible}{clarify}")
ATT_SUMMARY_CLARIFY = " · уточнить дату: {count}"   # of the decision or of the term's end
ATT_TAB_LABELS = {"expiring": "1 Истекают категории", "conformity": "2 СЗД",
                  "eligible": "3 Могут претендовать"}
ATT_KEY_TAB = {"expiring": "Вкладка «Истекают категории»",
               "conformity": "Вкладка «Аттестация на СЗД»",
               "eligible": "Вкладка «Могут претендовать»"}
ATT_KEY_ADD = "Внести аттестацию"
ATT_KEY_CARD = "Карточка сотрудника"
# the numbers of Настройки (category_red_months, conformity_period_years), not fixed ones
ATT_EXPIRING_HINT = ("«!» — меньше {red_months} мес. или срок подачи прошёл. Заявление "
                     "рассматривают до 90 дней")
ATT_CONFORMITY_HINT = "Без категории: СЗД раз в {years}, не ранее 2 лет в должности"
ATT_ELIGIBLE_HINT = "Высшая — через 2 года после первой; методист и наставник — при высшей"
ATT_SEARCH_PLACEHOLDER = "Поиск по ФИО на всех вкладках (начните вводить)…"
ATT_SHOWN = ("Показано: истекают {expiring} из {expiring_total} · СЗД {conformity} из "
             "{conformity_total} · претендуют {eligible} из {eligible_total}")
ATT_NOT_FOUND = "На этой вкладке никого не найдено. Esc — сбросить поиск, 1–3 — другие вкладки."
ATT_EMPTY = {
    "expiring": ("Ни у кого категория не истекает в ближайшие {months} мес. Категории вносятся "
                 "в карточке сотрудника: F2 — Кадры, Enter — карточка."),
    "conformity": ("Никому без категории не пора на СЗД. Аттестация на СЗД вносится в карточке "
                   "сотрудника: F2 — Кадры, Enter — карточка."),
    "eligible": ("Претендовать на категорию пока некому: высшая — через 2 года после первой, "
                 "методист и наставник — при высшей."),
}
ATT_COL_NAME = "ФИО"
ATT_COL_POSITION = "Должность"
ATT_COL_CATEGORY = "Категория"
ATT_COL_UNTIL = "До"
ATT_COL_APPLY_BY = "Подать до"
ATT_COL_LAST_CONFORMITY = "Последняя"
ATT_COL_DUE = "Срок"
ATT_COL_STATE = "Состояние"
ATT_COL_HOLDS = "Сейчас"
ATT_COL_SINCE = "С"
ATT_COL_TARGETS = "Может претендовать"
ATT_COL_DECISION = "Решение"
ATT_COL_ORDER = "Приказ"
ATT_COL_DATE = "Дата"
ATT_COL_RESULT = "Результат"
ATT_STATE_DUE = "пора"
ATT_STATE_SOON = "скоро"
ATT_STATE_EXEMPT = "освобождён(а)"
ATT_NEVER = "не было"

# card
ATT_CARD_LINE = "Аттестация"
ATT_CARD_CATEGORIES = "Квалификационные категории (по должностям)"
ATT_CARD_CONFORMITY = "Аттестация на соответствие должности (СЗД) и освобождения"
ATT_HOLDS = "{category} ({position})"
ATT_INDEFINITE = " — бессрочно"
ATT_INDEFINITE_SHORT = "бессрочно"
ATT_TERM_UNKNOWN = "неизвестно"
ATT_UNTIL = " — до {date}"
ATT_APPLY_BY = ", подать заявление до {date}"
ATT_NO_CATEGORY = "Без категории"
ATT_EXEMPT = " · освобождён(а) от СЗД: {reason}"
ATT_EXEMPT_UNTIL = " (до {date})"
ATT_LAST_CONFORMITY = " · СЗД {date}"
ATT_NEXT_CONFORMITY = " · следующая аттестация на СЗД — до {date}"
ATT_CONFORMITY_DUE_ON = " · аттестация на СЗД: срок наступил {date}"
ATT_CONFORMITY_NO_DATA = " · СЗД не было, дата приёма не указана"
ATT_CONFORMITY_CLARIFY = " · СЗД: дата не указана — уточните (срок следующей не известен)"
ATT_CONFORMITY_CLARIFY_DAY = " — известен только год СЗД: уточнить дату"
ATT_CONFORMITY_AFTER_TERM = " · СЗД — по окончании категории ({date}), уточнить"
ATT_DATE_UNKNOWN = "не указана"
ATT_DECISION_UNKNOWN = "дата не указана"
ATT_CLARIFY_DECISION = "уточнить дату решения"
ATT_CLARIFY_UNTIL = "уточнить срок действия"
ATT_HOLDS_CLARIFY = " — дата решения не указана, уточните"
ATT_TERM_CLARIFY = " — уточнить дату решения"
ATT_TERM_CLARIFY_UNTIL = " — уточнить срок действия"
ATT_ELIGIBLE_CLARIFY = " — уточнить дату решения"
ATT_MAY_APPLY = "Может претендовать: {targets} ({position}) — {holds} с {since}"
ATT_EXEMPTION_ROW = "освобождение: {reason}"
ATT_DELETE_CATEGORY = "Удалить категорию «{category}» ({position}) от {date}?"
ATT_DELETE_CATEGORY_UNDATED = "Удалить категорию «{category}» ({position}) без даты решения?"
ATT_DELETE_CONFORMITY = "Удалить запись об аттестации на СЗД от {date}?"

# forms
ATT_CATEGORY_NEW = "Новая квалификационная категория"
ATT_CATEGORY_EDIT = "Квалификационная категория"
ATT_CONFORMITY_NEW = "Аттестация на соответствие занимаемой должности (или освобождение)"
ATT_CONFORMITY_EDIT = "Аттестация на соответствие занимаемой должности"
ATT_F_PERSON = "Сотрудник"
ATT_F_POSITION = "Должность"
ATT_F_CATEGORY = "Категория"
ATT_F_DECISION = "Дата решения"
ATT_F_VALID_UNTIL = "Действует до"
ATT_F_ORDER_NUMBER = "Приказ №"
ATT_F_ORDER_DATE = "Дата приказа"
ATT_F_ISSUER = "Кем установлена"
ATT_F_DATE = "Дата"
ATT_F_RESULT = "Результат"
ATT_F_EXEMPTION = "Освобождение"

# checks (Приказ Минпросвещения № 196)
ATT_WARN_NO_FIRST = ("Высшая категория устанавливается не ранее чем через 2 года после первой, "
                     "а первой категории по должности «{position}» нет")
ATT_WARN_TOO_EARLY = "Первая категория установлена {first}: высшую можно не ранее {date}"
ATT_WARN_NEEDS_HIGHER = ("Категория «{category}» устанавливается при действующей высшей, а "
                         "высшей по должности «{position}» на дату решения нет")
ATT_WARN_DUPLICATE = "Такая категория с той же датой решения уже внесена"
ATT_WARN_POSITION = "Должности «{position}» нет среди должностей сотрудника ({positions})"
ATT_WARN_TERM = ("Категория установлена до 01.09.2023 и действует 5 лет — до {date}; "
                 "укажите «Действует до»")
ATT_WARN_FUTURE = "Дата решения ещё не наступила"
ATT_WARN_NO_DATE = ("Дата решения не указана: срок действия не рассчитать — категория будет "
                    "в списке «уточнить дату решения», пока дату не внесут")

# --- development: diagnostics, deficits and ИОМ -------------------------------------------
DEV_CARD_DIAGNOSTICS = "Диагностики"
DEV_CARD_DEFICITS = "Профессиональные дефициты"
DEV_CARD_ROUTES = "Индивидуальные образовательные маршруты (ИОМ)"
DEV_ROUTES_HINT = "Enter — открыть маршрут, Ins — новый маршрут, Del — удалить"
DEV_COL_DATE = "Дата"
DEV_COL_KIND = "Вид"
DEV_COL_OPERATOR = "Кто проводил"
DEV_COL_RESULT = "Результат"
DEV_COL_AREA = "Область"
DEV_COL_DEFICIT = "Дефицит"
DEV_COL_STATUS = "Статус"
DEV_COL_STEPS = "Шаги"
DEV_COL_PERIOD = "Период"
DEV_COL_DEVELOPED = "Разработан"
DEV_COL_STEPS_DONE = "Выполн."
DEV_COL_LATE = "Проср."
DEV_COL_GOAL = "Цель шага"
DEV_COL_FORM = "Форма"
DEV_COL_DEADLINE = "Срок"
DEV_COL_DONE = "Выполнен"
DEV_SCORE = "{score} из {max}"
DEV_PERCENT = "({percent} %)"
DEV_DIAGNOSTIC_OPTION = "{date} {kind} ({operator})"
DEV_DEFICIT_OPTION = "{area}: {text} ({status})"
DEV_DEFICIT_LABEL = "{area}: {text}"
DEV_DEFICITS_LINE = "Дефициты"
DEV_DEFICITS_COUNT = "не устранено {open} из {total}"
DEV_ROUTE_SHORT = "ИОМ"
DEV_ROUTE_LINE = "{start} – {end}, выполнено шагов {done} из {total}"
DEV_ROUTE_LATE = ", просрочено: {count}"

# diagnostic and deficit forms
DEV_F_PERSON = "Сотрудник"
DEV_F_DATE = "Дата"
DEV_F_KIND = "Вид"
DEV_F_OPERATOR = "Кто проводил"
DEV_OPERATOR_HINT = "ЦНППМ, школа, ИРО…"
DEV_F_SCORE = "Балл"
DEV_F_MAX_SCORE = "Из (макс. балл)"
DEV_F_PERCENT = "Процент"
DEV_F_NOTES = "Примечание"
DEV_F_AREA = "Область"
DEV_F_DESCRIPTION = "Дефицит"
DEV_F_STATUS = "Статус"
DEV_F_DIAGNOSTIC = "Диагностика"
DEV_F_FOUND = "Выявлен"
DEV_F_RESOLVED = "Устранён"
DEV_DIAGNOSTIC_NEW = "Новая диагностика"
DEV_DIAGNOSTIC_EDIT = "Диагностика"
DEV_DEFICIT_NEW = "Новый профессиональный дефицит"
DEV_DEFICIT_EDIT = "Профессиональный дефицит"
DEV_DIAGNOSTIC_DELETE = "Удалить диагностику «{kind}» от {date}?"
DEV_DIAGNOSTIC_HAS_DEFICITS = ("По этой диагностике записаны дефициты ({count}): удалить нельзя. "
                               "Сначала удалите их или уберите у них ссылку на диагностику.")
DEV_DEFICIT_DELETE = "Удалить дефицит «{text}»?"
DEV_DEFICIT_IN_USE = ("Дефицит указан в шагах ИОМ ({steps}) и в курсах ({trainings}): удалить "
                      "нельзя. Если он преодолён, поставьте статус «устранён».")

# routes
DEV_ROUTE_TITLE = "ИОМ"
DEV_ROUTE_NEW = "Новый индивидуальный образовательный маршрут"
DEV_ROUTE_EDIT = "Индивидуальный образовательный маршрут"
DEV_ROUTE_HEADER = "ИОМ: {name} · {start} – {end} · {status}"
DEV_ROUTE_INFO = "{developed}, утверждён {approved} · выполнено шагов {done} из {total}"
DEV_ROUTE_DELETE = "Удалить маршрут {start} – {end} вместе с шагами ({count})?"
DEV_F_PERIOD_START = "Начало периода"
DEV_F_PERIOD_END = "Конец периода"
DEV_F_DEVELOPED_BY = "Разработан"
DEV_F_APPROVED = "Утверждён"
DEV_F_ROUTE_STATUS = "Статус"
# A form label: 19 characters at most (FormRow.LABEL_ROOM), longer ones wrapped to two lines.
DEV_F_SELF_EDUCATION = "Тема самообраз."
DEV_WARN_ROUTE_OVERLAP = "У сотрудника уже есть маршрут на {start} – {end}: периоды пересекаются"

# steps
DEV_STEPS_EMPTY = ("Шагов пока нет. Ctrl+N — шаги по открытым дефицитам сотрудника (сразу "
                   "несколько), Ins — шаг вручную.")
DEV_STEP_NEW = "Новый шаг маршрута"
DEV_STEP_EDIT = "Шаг маршрута"
DEV_F_STEP_DEFICIT = "Дефицит"
DEV_F_GOAL = "Цель"
DEV_F_ACTION = "Действие"
DEV_F_FORM = "Форма"
DEV_F_DEADLINE = "Срок"
DEV_F_PRODUCT = "Ожидаемый продукт"
DEV_F_DONE = "Выполнен"
DEV_F_EVIDENCE = "Подтверждение"
DEV_F_TRAINING = "Курсы"
DEV_F_MENTORSHIP = "Наставничество"
DEV_STEP_GOAL = "Устранить дефицит: {text}"
DEV_STEP_TRAINING = "{title} ({date})"
DEV_STEP_MENTORSHIP = "наставник {mentor} с {date}"
DEV_STEP_DELETE = "Удалить шаг {number} «{goal}»?"
DEV_STEP_UNDO = "Шаг отмечен выполненным {date}. Снять отметку?"
DEV_STEP_DONE_TITLE = "Шаг {number} выполнен"
DEV_STEP_DONE_DATE = "Дата выполнения"
DEV_FROM_DEFICITS_TITLE = "Шаги по дефицитам: отметьте дефициты (Пробел), Enter — добавить"
DEV_NOTHING_CHOSEN = "Не отмечено ни одного дефицита: отметьте нужные Пробелом, затем Enter"
DEV_NO_OPEN_DEFICITS = ("У сотрудника нет открытых дефицитов, которых ещё нет в маршруте. "
                        "Дефициты вносятся в карточке, на вкладке «Диагностика».")
DEV_STEPS_ADDED = "Добавлено шагов: {count}"
DEV_RESOLVE_QUESTION = "Все шаги по дефициту «{text}» выполнены. Отметить дефицит устранённым?"
DEV_RESOLVE_YES = "Устранён"
DEV_RESOLVE_NO = "Пока нет"
DEV_DEFICIT_RESOLVED = "Дефицит отмечен устранённым"
DEV_KEY_ADD_STEP = "Шаг"
DEV_KEY_FROM_DEFICITS = "Из дефицитов"
DEV_KEY_DONE = "Выполнено"
DEV_KEY_EDIT_ROUTE = "Маршрут"
DEV_KEY_MOVE_UP = "Шаг выше"
DEV_KEY_MOVE_DOWN = "Шаг ниже"

# --- growth: achievements, short learning (screens/achievements.py, person_growth.py) ---
SECTION_ACHIEVEMENTS = "Достижения"
GR_TITLE = "Достижения и методическая работа"
GR_SEARCH_PLACEHOLDER = "Поиск: название, организатор или ФИО"
GR_SHOWN = "Показано {shown} из {total} (сотрудников: {people})"
GR_EMPTY = "Достижений не найдено. Ins — добавить, Ctrl+G — группой, Ctrl+F — фильтр."
GR_KEY_GROUP = "Группой"
GR_FILTER_TITLE = "Отбор достижений"
GR_COL_DATE = "Дата"
GR_COL_NAME = "Сотрудник"
GR_COL_KIND = "Вид"
GR_COL_LEVEL = "Ур."
GR_COL_TITLE = "Название"
GR_COL_RESULT = "Итог"
GR_COL_ORGANISER = "Организатор"
GR_COL_HOURS = "Часы"
GR_COL_PLATFORM = "Платформа"
GR_KIND_SHORT = {"публикация": "публикация", "открытый урок": "откр. урок",
                 "мастер-класс": "мастер-класс", "выступление": "выступление",
                 "конкурс профмастерства": "конкурс", "обобщение опыта": "обобщение"}
GR_LEVEL_SHORT = {"школьный": "шк.", "муниципальный": "мун.", "региональный": "рег.",
                  "всероссийский": "всерос.", "международный": "межд."}
GR_F_PERSON = "Сотрудник"
GR_F_PEOPLE = "Участники"
GR_F_KIND = "Вид"
GR_F_LEVEL = "Уровень"
GR_F_DATE = "Дата"
GR_F_TITLE = "Название"
GR_F_RESULT = "Итог (конкурс)"
GR_F_ORGANISER = "Организатор"
GR_F_EVIDENCE = "Подтверждение"
GR_EVIDENCE_PLACEHOLDER = "№ документа или путь к файлу (F4 — выбрать файл)"
GR_KEY_PICK_FILE = "Выбрать файл подтверждения"
GR_EVIDENCE_PICK = "Файл, подтверждающий достижение"
GR_EVIDENCE_HINT = "Путь к файлу запоминается; сам файл в базу не копируется."
GR_NEW = "Новое достижение"
GR_EDIT = "Достижение: {title}"
GR_GROUP_NEW = "Одно мероприятие для нескольких участников"
GR_GROUP_SAVED = "Записано участников: {count}"
GR_GROUP_EDIT_TITLE = "Запись группы"
GR_GROUP_EDIT_QUESTION = ("Эта запись внесена группой ({count} участников). "
                          "Изменить только её или у всех участников?")
GR_GROUP_EDIT_ONE = "Только эту запись"
GR_GROUP_EDIT_ALL = "У всех ({count})"
GR_DELETE_CONFIRM = "Удалить достижение «{title}» ({name})?"
GR_DELETE_GROUP_QUESTION = "{name}: запись внесена группой ({count} участников)."
GR_CARD_ACHIEVEMENTS = "Достижения и методическая работа"
GR_CARD_LEARNING = "Самообразование (менее 16 ч, не считается курсами ПК)"
GR_CARD_SUMMARY = "Достижений: {achievements} · самообразование: {learning} (часов: {hours})"
GR_CARD_TAB = "Достижения"
GR_MAIN_VALUE = "{achievements} · самообразование: {learning} (часов: {hours})"
GR_CARD_HINT = "Ins/Enter/Del — добавить, открыть, удалить · Ctrl+W — портфолио к аттестации"
GR_F_LEARNING_KIND = "Вид"
GR_F_LEARNING_TITLE = "Тема"
GR_F_PLATFORM = "Платформа, организ."          # a form label: 19 characters at most
GR_F_HOURS = "Часов (меньше 16)"
GR_F_START = "Начало"
GR_F_END = "Дата (окончание)"
GR_LEARNING_NEW = "Самообразование: новая запись"
GR_LEARNING_EDIT = "Самообразование: {title}"
GR_LEARNING_DELETE = "Удалить запись самообразования «{title}» от {date}?"
GR_LEARNING_IN_ROUTE = ("На эту запись ссылаются шаги ИОМ ({count}): сначала уберите ссылку "
                        "в шаге маршрута.")
GR_LEARNING_OPTION = "{date} · {kind} «{title}», {hours} ч"
GR_F_STEP_LEARNING = "Самообразование"
GR_STEP_LEARNING = "{kind} «{title}» ({date})"

# --- growth: the change journal (storage/journal.py, screens/journal.py) ---------------
SECTION_JOURNAL = "Журнал изменений"
JOURNAL_TITLE = "Журнал изменений"
JOURNAL_KEY_HISTORY = "История записи"
JOURNAL_KEY_ALL = "Весь журнал"
JOURNAL_HISTORY_TITLE = "История: {section} · {label}"
JOURNAL_HISTORY_DELETED = " (удалена)"
JOURNAL_NO_RECORD = "Здесь нет записи, историю которой можно показать."
JOURNAL_NO_ENTRIES = ("Изменений этой записи в журнале нет: она загружена списком или "
                      "резервной копией, сделанными прежней версией программы, — такая "
                      "загрузка записана в журнал одной строкой на таблицу (Ctrl+J).")
JOURNAL_ENTRY = "{at} · {user} · {action}"
JOURNAL_ACTIONS = {"insert": "создана", "update": "изменена", "delete": "удалена",
                   "restore": "восстановлена", "load": "загрузка"}
JOURNAL_NO_USER = "(без имени)"
JOURNAL_ARROW = " → "
JOURNAL_EMPTY_VALUE = "пусто"
JOURNAL_BULK = "строк: {rows}"
JOURNAL_LOAD_DETAIL = "{at} · {user}\n{what}: {label}, {summary}."
JOURNAL_TABLES = {"settings": "Настройки", "sync_state": "Обмен с управлением",
                  "backup": "Резервная копия"}
JOURNAL_SECTIONS = {"staff": "Кадры", "training": "Курсы", "attestation": "Аттестация",
                    "development": "Диагностика и ИОМ", "mentorship": "Наставничество",
                    "programme": "Программа развития", "growth": "Достижения",
                    "service": "Настройки и обмен"}
JOURNAL_SHOWN = "Записей журнала: {total}, показано {shown}"
JOURNAL_EMPTY = "Журнал пуст или ничего не найдено по отбору (Ctrl+F)."
JOURNAL_FILTER_TITLE = "Отбор журнала"
JOURNAL_F_FROM = "С даты"
JOURNAL_F_TO = "По дату"
JOURNAL_F_USER = "Пользователь"
JOURNAL_F_SECTION = "Раздел"
JOURNAL_COL_AT = "Когда"
JOURNAL_COL_USER = "Кто"
JOURNAL_COL_WHAT = "Что"
JOURNAL_COL_ACTION = "Действие"
JOURNAL_COL_FIELDS = "Поля"
JOURNAL_BAD_DATE = "Дата — ДД.ММ.ГГГГ"
JOURNAL_PRECISION = {"day": "с точностью до дня", "year": "только год"}
JOURNAL_FIELDS = {
    "full_name": "Полное название", "short_name": "Краткое название", "code": "Код",
    "municipality": "Муниципалитет", "director": "Директор", "deputy": "Заместитель",
    "address": "Адрес", "last_name": "Фамилия", "first_name": "Имя",
    "middle_name": "Отчество", "birth_date": "Дата рождения", "sex": "Пол",
    "employment": "Занятость", "hire_date": "Дата приёма", "dismissal_date": "Дата увольнения",
    "ped_start_date": "Начало педстажа", "education_level": "Образование",
    "education_pedagogical": "Педагогическое образование",
    "management_team": "Управленческая команда", "snils": "СНИЛС", "phone": "Телефон",
    "email": "Эл. почта", "notes": "Примечание", "positions": "Должности",
    "subjects": "Предметы", "association_ids": "Методобъединения", "name": "Название",
    "kind": "Вид", "head_id": "Руководитель", "staff_id": "Сотрудник", "position": "Должность",
    "category": "Категория", "decision_date": "Дата решения", "order_number": "Номер приказа",
    "order_date": "Дата приказа", "issuing_body": "Кем присвоена", "valid_until": "Действует до",
    "decision_precision": "Дата решения известна", "date_precision": "Дата известна",
    "until_precision": "Срок действия известен",
    "end_precision": "Окончание известно",
    "date": "Дата", "result": "Результат", "exemption_reason": "Причина освобождения",
    "group_id": "Группа", "title": "Название", "provider": "Организация",
    "provider_ownership": "Форма собственности", "hours": "Часов", "form": "Форма",
    "start_date": "Начало", "end_date": "Окончание", "doc_kind": "Документ",
    "doc_number": "Номер документа", "doc_date": "Дата документа",
    "federal_register": "Из федерального реестра", "by_diagnostics": "По итогам диагностики",
    "management": "Для управленческой команды", "topics": "Темы", "deficit_ids": "Дефициты",
    "operator": "Оператор", "score": "Баллы", "max_score": "Максимум", "percent": "Процент",
    "diagnostic_id": "Диагностика", "area": "Область", "description": "Описание",
    "status": "Статус", "found_date": "Дата выявления", "resolved_date": "Дата устранения",
    "period_start": "Начало периода", "period_end": "Конец периода",
    "developed_by": "Разработан", "approved_date": "Дата утверждения", "route_id": "ИОМ",
    "deficit_id": "Дефицит", "goal": "Цель", "action": "Действие", "deadline": "Срок",
    "expected_product": "Ожидаемый продукт", "done_date": "Дата выполнения",
    "evidence": "Подтверждение", "training_id": "Курсы", "mentorship_id": "Наставничество",
    "sort_order": "Порядок", "learning_id": "Самообразование", "mentor_id": "Наставник",
    "reason": "Основание", "planned_end": "Плановое окончание",
    "actual_end": "Фактическое окончание", "curator_id": "Куратор", "goals": "Цели",
    "mentee_ids": "Наставляемые", "topic": "Тема", "outcome": "Итог", "level": "Уровень",
    "organiser": "Организатор", "platform": "Платформа", "year_from": "Год начала",
    "year_to": "Год окончания", "is_current": "Текущая", "programme_id": "Программа",
    "number": "Номер", "task_id": "Задача", "direction": "Направление",
    "expected_result": "Ожидаемый результат", "note": "Примечание",
    "responsible_ids": "Ответственные", "activity_id": "Мероприятие",
    "old_deadline": "Прежний срок", "new_deadline": "Новый срок",
    "changed_on": "Дата переноса", "unit": "Единица", "baseline": "Базовое значение",
    "source": "Источник", "computed_key": "Показатель", "indicator_id": "Показатель",
    "year": "Год", "target": "Цель", "actual": "Факт", "deleted": "Удалена",
    "achievement.result": "Итог", "achievement.title": "Название",
    "short_learning.title": "Тема", "short_learning.date": "Дата (окончание)",
}

# --- growth: the attestation portfolio (reports/portfolio.py) --------------------------
PF_KEY = "Портфолио к аттестации"
PF_TITLE = "Портфолио педагогического работника"
PF_OF = "{name}"
PF_PERIOD_SINCE = "к аттестации на квалификационную категорию · за период с последней аттестации: {start} – {end}"
PF_PERIOD_YEARS = "к аттестации на квалификационную категорию · за {years} лет: {start} – {end}"
PF_FILE = "Портфолио {name} {date}"
PF_ABOUT = "1. Общие сведения"
PF_WORK = "2. Профессиональная деятельность за период"
PF_PERSON = "ФИО"
PF_POSITIONS = "Должность"
PF_SUBJECTS = "Предметы"
PF_EDUCATION = "Образование"
PF_EXPERIENCE = "Педагогический стаж"
PF_EXPERIENCE_VALUE = "{years} (с {date})"
PF_HIRED = "В учреждении с"
PF_ASSOCIATIONS = "Методическое объединение"
PF_CATEGORIES = "Квалификационные категории"
PF_CATEGORY_COLUMNS = ("Категория", "Должность", "Дата решения", "Действует до", "Приказ")
PF_CONFORMITY = "Аттестация на соответствие занимаемой должности"
PF_CONFORMITY_COLUMNS = ("Дата", "Должность", "Результат", "Приказ")
PF_COURSES = "Повышение квалификации и переподготовка"
PF_COURSE_COLUMNS = ("Окончание", "Программа", "Организация", "Вид", "Часов", "Документ")
PF_LEARNING = "Самообразование: лекции, вебинары, семинары, онлайн-курсы"
PF_LEARNING_COLUMNS = ("Дата", "Вид", "Тема", "Платформа", "Часов")
PF_HOURS = "всего {hours} ч"
PF_ACHIEVEMENTS = "Достижения, открытые уроки, выступления, публикации, конкурсы"
PF_ACHIEVEMENT_COLUMNS = ("Дата", "Вид", "Уровень", "Название", "Итог",
                          "Организатор, подтверждение")
PF_STEPS = "Выполненные шаги индивидуального образовательного маршрута (ИОМ)"
PF_STEP_COLUMNS = ("Выполнен", "Цель", "Форма", "Подтверждение")
PF_DIAGNOSTICS = "Диагностика профессиональных компетенций"
PF_DIAGNOSTIC_COLUMNS = ("Дата", "Вид", "Оператор", "Результат")
PF_AS_MENTEE = "Наставничество: сопровождение педагога (наставляемый)"
PF_MENTEE_COLUMNS = ("Наставник", "Форма", "Сроки", "Статус")
PF_AS_MENTOR = "Наставническая деятельность: наставляемые и результаты"
PF_MENTOR_COLUMNS = ("Наставляемые", "Форма", "Сроки", "Статус", "Результат")
PF_METHODICAL = "Методическая работа"
PF_METHODICAL_COLUMNS = ("Работа", "Уровень, роль", "Дата")
PF_FOR_CATEGORY = " (для категории «{category}»)"
PF_LEADS = "Руководство: {kind} «{name}»"
PF_ROLE_HEAD = "руководитель"
PF_ROLE_RESPONSIBLE = "ответственный (программа развития)"
PF_METHODICAL_ELSEWHERE = ("Открытые уроки, мастер-классы, выступления, публикации, обобщение "
                           "опыта за период ({count}) — в разделе «{section}».")
PF_NONE = "За период сведений нет."
PF_NO_CATEGORY = "Квалификационной категории нет."
PF_SOURCE = "Сведения по данным методического кабинета школы на {date}."
PF_SIGN_PERSON = "Педагогический работник"

# --- indicators ---
SECTION_INDICATORS = "Показатели и отчёты"
IND_TITLE = "Показатели и отчёты"
IND_ACHIEVED = "достигнуто"
IND_NOT_ACHIEVED = "не достигнуто"
IND_GROUPS = {
    "federal": "Федеральные показатели",
    "self": "Самообследование, № 1324",
    "education": "ОО-1: образование",
    "category": "ОО-1: категория",
    "experience": "ОО-1: педагогический стаж",
    "age": "ОО-1: возраст на 1 января",
    "school": "Рабочие показатели школы",
    "programme": "Программа развития",
    "growth": "Профессиональный рост",
}
# the drill-down of «просрочены курсы» beside a person whose last course has only a year
IND_NOTE_CLARIFY_END = "курсы известны только годом — уточнить дату окончания"
IND_NAMES = {
    "federal_register": "ДПО из реестра по диагностике",
    "fl_diagnostics": "Диагностика ФГ пройдена",
    "fl_high_score": "Диагностика ФГ не ниже порога",
    "management_trained": "Обучена управленческая команда",
    "young_supported": "Молодые педагоги с поддержкой",
    "edu_higher": "Высшее образование",
    "edu_higher_ped": "Высшее педагогическое",
    "edu_spo": "Среднее профессиональное (СПО)",
    "edu_spo_ped": "СПО педагогическое",
    "cat_any": "С квалификационной категорией",
    "cat_highest": "Высшая категория",
    "cat_first": "Первая категория",
    "exp_under_5": "Педстаж до 5 лет",
    "exp_over_30": "Педстаж свыше 30 лет",
    "age_under_30": "Моложе 30 лет",
    "age_55_plus": "55 лет и старше",
    "trained_5y": "ПК/переподготовка за {self_years_text}",
    "trained_fgos": "ПК по применению ФГОС, {self_years_text}",
    "training_overdue": "Не проходили ПК более {training_years_gen}",
    "route_coverage": "Охват ИОМ",
    "route_steps_done": "Выполнено шагов ИОМ",
    "diagnostic_coverage": "Диагностика в этом уч. году",
    "pairs_active": "Действующие пары наставников",
    "pairs_per_mentor": "Пар на одного наставника",
    "pairs_bad_length": "Пары со сроком вне {length_range}",
    "pairs_no_order": "Пары без приказа",
    "categories_expiring": "Категория истекает {warn_within}",
    "programme_done": "Мероприятия программы в срок",
    "achievers_municipal": "Достижения от муниципального уровня",
    "contest_participants": "Участники конкурсов профмастерства",
    "contest_winners": "Победители и призёры конкурсов",
    "shared_practice": "Делились опытом (урок, мастер-класс)",
    "short_learning": "Самообразование (менее 16 ч)",
}
# An indicator's column header in F8 (9 cells at 80 columns): each one its own — two cut
# names read «Диагности» and «Диагности»; the whole name is said above the table.
IND_SHORT = {
    "federal_register": "ДПО ФР", "fl_diagnostics": "Диагн. ФГ", "fl_high_score": "ФГ≥порога",
    "management_trained": "Упр.ком.", "young_supported": "Подд.мол.", "edu_higher": "Высшее",
    "edu_higher_ped": "Высш.пед.", "edu_spo": "СПО", "edu_spo_ped": "СПО пед.",
    "cat_any": "С катег.", "cat_highest": "Высш.кат.", "cat_first": "1 катег.",
    "exp_under_5": "Стаж <5", "exp_over_30": "Стаж >30", "age_under_30": "До 30 л.",
    "age_55_plus": "55+ лет", "trained_5y": "ПК/ПП", "trained_fgos": "ПК ФГОС",
    "training_overdue": "ПК проср.", "route_coverage": "Охват ИОМ",
    "route_steps_done": "Шаги ИОМ", "diagnostic_coverage": "Диагн.год",
    "pairs_active": "Пары наст", "pairs_per_mentor": "Пар/наст.", "pairs_bad_length": "Пары срок",
    "pairs_no_order": "Без прик.", "categories_expiring": "Кат.истек",
    "programme_done": "Меропр.", "achievers_municipal": "Дост.мун.",
    "contest_participants": "Конкурсы", "contest_winners": "Призёры",
    "shared_practice": "Делились", "short_learning": "Самообраз",
}
# The numbers of an indicator's name come from the settings it is computed with
# (reports.indicators.title): the words around them.
IND_YEAR_FORMS = ("год", "года", "лет")             # за 1 год, 2 года, 5 лет
IND_YEARS_GENITIVE = ("года", "лет", "лет")         # более 1 года, 3 лет, 5 лет
IND_LAST_FORMS = ("последний", "последние", "последние")   # за последний 1 год, последние 3 года
IND_MONTH_FORMS = ("месяц", "месяца", "месяцев")
IND_LENGTH_RANGE = "{min_months}–{max_months} мес."
IND_WARN_WITHIN = "за {warn_months} мес."
IND_OVERDUE_TERM = "более {years}"
IND_EXPIRING_TERM = "в ближайшие {months} {word}"
IND_EXPIRING_WITHIN = "за {months} {word}"
# At the office, a number the schools' settings differ in is said so, never one school's
# value for all (reports.indicators.shared_values); the footnote names each school's.
IND_BY_SCHOOL = {
    "training_years_gen": "срока по настройкам школы",
    "self_years_text": "срок по настройкам школы",
    "length_range": "допустимого по настройкам школы",
    "warn_within": "в срок по настройкам школы",
    "overdue_term": "более срока по настройкам школы",
    "expiring_term": "в срок по настройкам школы",
    "expiring_within": "в срок по настройкам школы",
}
IND_FOOTNOTE = "{mark} {title}: {groups}."
IND_FOOTNOTE_GROUP = "«{title}» — {schools}"
IND_FOOTNOTE_REST = "остальные школы ({count})"
IND_SUPPORT_FORMS = {
    "mentorship": "наставничество",
    "route": "ИОМ",
    "young_school": "школа молодого педагога",
}
IND_P_D = "Педагоги — основные работники школы, работающие на отчётную дату"
# Why a person a list shows is not in P(D), the base of the figures (reports.rules.outside_p).
RULE_OUT_PART_TIMER = "внешний совместитель — не входит в расчёт (только основные работники)"
RULE_OUT_DISMISSED = "уволен(а) до отчётной даты — не входит в расчёт"
RULE_OUT_NOT_HIRED = "принят(а) после отчётной даты — не входит в расчёт"
IND_FORMULAS = {
    "federal_register": "Доля педагогов, завершивших в периоде ДПО из федерального реестра, выбранную по итогам диагностики дефицитов. Цель ≥ {target_federal_register} %. Концепция Р-76 от 06.08.2020.",
    "fl_diagnostics": "Доля педагогов, прошедших в периоде диагностику функциональной грамотности. Цель ≥ {target_fl_diagnostics} %. Концепция Р-76.",
    "fl_high_score": "Доля педагогов с результатом диагностики ФГ в периоде не ниже {fl_percent} % (баллы к максимуму, точно: 18,9 из 27 — ровно 70 %). Цель ≥ {target_fl_high_score} %. Концепция Р-76.",
    "management_trained": "Члены управленческой команды из педагогов, завершившие в периоде обучение управленческой команды, из всей команды.",
    "young_supported": "Молодые педагоги (моложе {young_age} лет на дату: в день {young_age}-летия уже нет; педстаж меньше {young_years} лет) с поддержкой на дату: {forms}. Цель ≥ {target_young} %. Письмо АЗ-1128/08/657.",
    "edu_higher": "Доля педагогов с высшим образованием. Приказ № 1324, п. 1.19.",
    "edu_higher_ped": "Доля педагогов с высшим педагогическим образованием. Приказ № 1324, п. 1.20.",
    "edu_spo": "Доля педагогов со средним профессиональным образованием. Приказ № 1324, п. 1.21.",
    "edu_spo_ped": "Доля педагогов со средним профессиональным педагогическим образованием. Приказ № 1324, п. 1.22.",
    "cat_any": "Доля педагогов с категорией, действующей на дату. Приказ № 1324, п. 1.23.",
    "cat_highest": "Доля педагогов с высшей категорией (и педагог-методист, педагог-наставник). Приказ № 1324, п. 1.23.1.",
    "cat_first": "Доля педагогов с первой категорией. Приказ № 1324, п. 1.23.2.",
    "exp_under_5": "Доля педагогов с педстажем до 5 лет на дату. Приказ № 1324, п. 1.24.1.",
    "exp_over_30": "Доля педагогов с педстажем свыше 30 лет на дату. Приказ № 1324, п. 1.24.2.",
    "age_under_30": "Доля педагогов моложе 30 лет на дату. Приказ № 1324, п. 1.25.",
    "age_55_plus": "Доля педагогов в возрасте 55 лет и старше на дату. Приказ № 1324, п. 1.26.",
    "trained_5y": "Доля педагогов, окончивших ПК или переподготовку за {self_years} лет до даты (курс, окончившийся ровно {self_years} лет назад, засчитывается). Приказ № 1324, п. 1.27.",
    "trained_fgos": "Доля педагогов, окончивших ПК по ФГОС/ФООП за {self_years} лет до даты — тот же срок, что в п. 1.27. Приказ № 1324, п. 1.28.",
    "training_overdue": "Доля педагогов без ПК/переподготовки, окончившейся за {training_years} г. до даты; курс, окончившийся ровно {training_years} г. назад, засчитывается; срок считается от более поздней из дат: окончание курса или начало педстажа (первые {training_years} г. стажа — не просрочено); стажировка не засчитывается. 273-ФЗ ст. 47 ч. 5.",
    "route_coverage": "Доля педагогов с ИОМ, действующим на дату: утверждён (не «проект»), период включает дату, не завершён.",
    "route_steps_done": "Шаги действующих ИОМ, выполненные на дату (дата выполнения не позже даты отчёта), из всех их шагов.",
    "diagnostic_coverage": "Доля педагогов, прошедших любую диагностику с 1 сентября по дату.",
    "pairs_active": "Пары и группы, действующие на дату: начало ≤ дата ≤ окончание (фактическое, иначе плановое; пара, завершённая в день отчёта, ещё действует), наставник и хотя бы один наставляемый работают на дату.",
    "pairs_per_mentor": "Действующие пары на одного наставника.",
    "pairs_bad_length": "Действующие пары со сроком программы вне {min_months}–{max_months} мес. (календарные месяцы включительно: 01.09–30.11 — 3 мес., 01.09–31.08 — 12). АЗ-1128/08/657.",
    "pairs_no_order": "Действующие пары без номера приказа (приказ без даты сюда не входит: дата спрашивается в карточке пары).",
    "categories_expiring": "Из педагогов с категорией — у кого она истекает в ближайшие {warn_months} мес. (от даты до даты + {warn_months} мес. включительно). Решение или «действует до», известные только годом, считаются с 1 января; если истекает ли срок, решает неизвестный день, — в список «уточнить дату решения» («уточнить срок действия»), не в показатель (как и категория без даты решения). Приказ № 196.",
    "programme_done": "Мероприятия программы развития, выполненные на дату, из тех, чей срок наступил.",
    "achievers_municipal": "Доля педагогов с достижением муниципального уровня или выше (муниципальный, региональный, всероссийский, международный) в периоде.",
    "contest_participants": "Педагоги, участвовавшие в периоде в конкурсах профессионального мастерства (любой уровень и итог).",
    "contest_winners": "Педагоги — победители, призёры и лауреаты конкурсов профессионального мастерства в периоде.",
    "shared_practice": "Доля педагогов, делившихся опытом в периоде: открытый урок, мастер-класс или выступление любого уровня.",
    "short_learning": "Доля педагогов с самообразованием в периоде (лекции, вебинары, семинары, онлайн-курсы менее 16 ч); в курсы ПК не засчитывается.",
    "education": "Распределение педагогов по образованию. Форма ОО-1.",
    "category": "Распределение педагогов по категории на дату. Форма ОО-1.",
    "experience": "Распределение педагогов по полным годам педстажа на дату. Форма ОО-1.",
    "age": "Распределение педагогов по возрасту на 1 января учебного года. Форма ОО-1.",
    "programme": "Выполнено из наступивших по сроку мероприятий текущей программы развития.",
}
IND_NO_FORMS = "ни одна форма не включена в Настройках"
IND_EDU_OTHER = "иное или не указано"
IND_CAT_HIGHEST = "высшая"
IND_CAT_FIRST = "первая"
IND_CAT_NONE = "без категории"
IND_EXP_BANDS = ("до 3 лет", "3–5 лет", "5–10 лет", "10–15 лет", "15–20 лет", "20 лет и более")
IND_AGE_BANDS = ("моложе 25", "25–29", "30–34", "35–39", "40–44", "45–49", "50–54", "55–59",
                 "60–64", "65 и старше")
IND_NOT_GIVEN = "не указан"
IND_BY_TASK = "задача"
IND_BY_DIRECTION = "направление"
IND_BY_PERSON = "ответственный"
IND_TOTAL = "Всего"
IND_NO_DIRECTION = "без направления"
IND_HEADER = "Отчётная дата {date} · период {start} – {end}"
IND_COL_NAME = "Показатель"
IND_COL_VALUE = "Значение"
IND_COL_COUNT = "Число"
IND_COL_BASE = "Из"
IND_COL_TARGET = "Цель"
IND_COL_BAR = "Шкала"
IND_COL_STATUS = "Статус"
IND_COL_GROUP = "Раздел"
IND_COL_PERSON = "ФИО"
IND_COL_POSITIONS = "Должность"
IND_COL_LIST = "Список"
IND_DRILL_COUNTED = "Учтены в показателе: {count}"
IND_DRILL_NOT_COUNTED = "В базе, но не учтены: {count}"
IND_DRILL_EMPTY = "никого"
IND_DRILL_HINT = "{name}: {value} ({count} из {base})"
IND_IN = "учтён"
IND_OUT = "не учтён"
IND_KEY_DRILL = "Кто учтён"
IND_KEY_EXPORT = "Экспорт в Excel"
IND_KEY_PERSON = "Карточка"
IND_KEY_REFRESH = "Обновить"
IND_EXPORTED = "Файл сохранён: {path}"
IND_EXPORT_FAILED = "Не удалось сохранить файл: {error}"
IND_XLSX_TITLE = "{school} · {title} · на {date}"
IND_FILE_INDICATORS = "Показатели"
IND_FILE_DRILL = "Показатель"
IND_FILE_STAFF = "Кадры"
IND_STAFF_SHEET = "Кадры"
IND_COL_SUBJECTS = "Предметы"
IND_COL_CATEGORY = "Категория"
IND_COL_EXPERIENCE = "Педстаж, лет"
IND_COL_TRAINING = "Последние курсы"
IND_COL_OVERDUE = "Просрочены курсы"
IND_COL_DISMISSED = "Дата увольнения"
IND_PART_TIMER = "{positions} (внешний совместитель)"
IND_YES = "да"
IND_NO = "нет"
IND_EDU_BANDS = ("высшее педагогическое", "высшее иное", "СПО педагогическое", "СПО иное")
IND_COL_FORMULA = "Формула и источник"
XLS_IND_SHARE = "Доля"                       # a share, printed as a percent (27,5%)
XLS_IND_RATIO = "Среднее"                    # a ratio (pairs per mentor)
IND_COL_VALUE_SHORT = "Знач."

# --- exchange (consolidated) ------------------------------------------------------------
EX_IND_TITLE = "Сводные показатели"
EX_IND_COMPUTING = "Расчёт показателей по школам…"
EX_IND_DATE = "Дата отчёта"
EX_KEY_LISTS = "Списки"
EX_KEY_DATE = "Дата"
EX_LISTS_QUESTION = "Какой список показать?"
EX_ROWS_TITLE = "{title} · строк: {count}"
EX_CLI_MUNI_REPORT = "сводный отчёт (Excel: показатели школ, итог, диаграммы, списки, программы) и аналитическая справка (Word) в папку"
MX_CLI_REGISTER = "реестр школ муниципалитета: загрузить из таблицы (XLSX, XLS, ODS, CSV: столбцы «Код» и «Наименование»), задать срок молчания"
MX_CLI_REGISTER_FILE = "таблица со списком школ (заменяет прежний реестр)"
MX_CLI_REGISTER_DAYS = "через сколько дней без пакетов школа попадает в список не приславших (по умолчанию 30)"
MX_CLI_REGISTER_LOADED = "Реестр загружен: школ {count}."
MX_CLI_REGISTER_STATE = "В реестре школ: {count}; не присылали данных или молчат более {days} дн.: {silent}"
EX_CLI_REPORT_DATE = "дата отчёта ДД.ММ.ГГГГ (по умолчанию — сегодня)"
EX_REPORT_SUMMARY = "Школ: {schools}; просрочено ПК: {overdue}; молодых без поддержки: {young}."

# --- the office's matrix, consolidated workbook and analytical note (sync/consolidated*) ---
MX_PERSON_NUMBER = "сотрудник {number}"
MX_PERSON_AGE = "{band} лет"
MX_PERSON_EXPERIENCE = "стаж {band} лет"
MX_LEVELS = {"full": "полные", "deidentified": "обезличенные"}
MX_LAST_COURSE = "последние курсы окончены {date}"
MX_LAST_COURSE_YEAR = "последние курсы окончены в {date} (дата не указана)"
MX_NO_COURSE = "курсов нет"
MX_CATEGORY_UNTIL = "{category}, до {date}"
MX_CATEGORY_CLARIFY = "уточнить дату решения: {category}, {decided}"
MX_CATEGORY_CLARIFY_UNTIL = "уточнить срок действия: {category}, до {until}"
MX_PAIR_DETAIL = "наставляемые: {mentees}; с {start}"
MX_SILENT_DAYS_BAD = "Число дней должно быть целым и больше нуля."
MX_REGISTER_EMPTY = "В файле нет ни одного кода школы."
MX_REGISTER_TWICE = "Код школы {code} встречается в файле дважды."
MX_REGISTER_NO_CODE = "В файле «{name}» не найден столбец «Код»."
MX_FILE = "Сводный отчёт {date}"
MX_NOTE_FILE = "Аналитическая справка {date}"
MX_TITLE = "{municipality}: показатели школ на {date}"
MX_MUNICIPALITY = "Муниципалитет"
MX_SHEET_MATRIX = "Показатели"
MX_SHEET_DISTRIBUTIONS = "Распределения"
MX_SHEET_SCHOOLS = "Школы"
MX_SHEET_PROGRAMME = "Программы развития"
MX_SHEET_OVERDUE = "Просрочено ПК"
MX_SHEET_YOUNG = "Молодые без поддержки"
MX_SHEET_EXPIRING = "Категории истекают"
MX_SHEET_NO_ORDER = "Пары без приказа"
MX_SHEET_CHARTS = "Диаграммы"
MX_COL_CODE = "Код"
MX_COL_SCHOOL = "Школа"
MX_COL_DATA_AS_OF = "Данные на"
MX_COL_LEVEL = "Данные"
MX_COL_COUNT = "чел."
MX_COL_NUMBER = "число"
MX_COL_BASE = "из"
MX_COL_PERCENT = "%"
MX_COL_RATIO = "среднее"
MX_TARGETS_ROW = "Цель"
MX_TOTAL_ROW = "Итого по муниципалитету ({count} шк.)"
MX_COL_PERSON = "Сотрудник"
MX_COL_POSITIONS = "Должности"
MX_COL_DETAIL = "Примечание"
MX_COL_MENTOR = "Наставник"
MX_COL_LAST_SEQ = "Последний пакет №"
MX_COL_MADE_AT = "Данные сделаны"
MX_COL_IMPORTED_AT = "Загружен"
MX_COL_GAPS = "Пропущено пакетов"
MX_COL_STATE = "Состояние"
MX_COL_SETTINGS = "Настройки показателей"
MX_SETTINGS_OWN = "школы"
MX_SETTINGS_DEFAULT = "по умолчанию (школа их не прислала)"
MX_COL_DIRECTION = "Направление"
MX_COL_DONE = "Выполнено"
MX_COL_DUE = "Срок наступил"
MX_PROGRAMME_TOTAL = "Всего по программе"
MX_STATE_SENT = "присылает"
MX_STATE_NEVER = "в реестре, пакетов не присылала"
MX_STATE_SILENT = "в реестре, нет пакетов более {days} дн. (последний {date})"
MX_STATE_NOT_IN_REGISTER = "присылает, нет в реестре"
MX_TITLE_SCHOOLS = "{municipality}: школы и их данные на {date}"
MX_TITLE_PROGRAMME = "{municipality}: выполнение программ развития школ на {date} (выполнено из тех, срок которых наступил)"
MX_TITLE_OVERDUE = "{municipality}: педагоги без повышения квалификации {overdue_term}, на {date}"
MX_TITLE_YOUNG = "{municipality}: молодые педагоги без поддержки на {date}"
MX_TITLE_EXPIRING = "{municipality}: квалификационные категории, срок которых истекает {expiring_term}, на {date}"
MX_TITLE_NO_ORDER = "{municipality}: действующие наставнические пары без приказа на {date}"
MX_TITLE_DISTRIBUTIONS = "{municipality}: педагоги по образованию, категории, стажу и возрасту на {date}"
MX_TITLE_CHARTS = "{municipality}: федеральные показатели по школам на {date}"
MX_CHART_TARGET = "Цель"
MX_CHART_VALUE = "Доля, %"
MX_CLI_DONE = "Сводный отчёт: {xlsx}\nАналитическая справка: {docx}"
MX_NEVER = "не присылала"
MX_KEY_PEOPLE = "Кто за числом"
MX_KEY_SORT = "Сортировка"
MX_KEY_EXPORT = "Отчёт и справка"
MX_KEY_BARS = "Диаграмма"
MX_KEY_REGISTER = "Реестр школ"
MX_KEY_DAYS = "Срок молчания"
MX_DAYS_TITLE = "Через сколько дней без пакетов школа реестра считается не приславшей данные:"
MX_PICK_REGISTER = "Реестр школ муниципалитета: таблица со столбцами «Код» и «Наименование»"
MX_REGISTER_HINT = "Прежний реестр заменяется. Школы реестра, не приславшие данных, попадут в отчёт."
MX_PICK_COLUMN = "Встаньте на столбец показателя."
MX_BARS_TITLE = "{name}: по школам (цель {target}, ┃ — цель; итого {total})"
MX_COL_BARS = "Значение школы"
MX_COL_VALUE = "Знач."
MX_HEAD = "На {date} · школ: {count} · F6 — сортировка, Enter — кто за числом"
MX_TOTAL_SHORT = "Итого"
MX_CELL = "{name}: {detail} (цель {target})"
MX_NO_TARGET = "не задана"
MX_CELL_DETAIL = "{count} из {base} = {value}{unit}"
MX_SORTED = "Сортировка: «{column}», {way}"
MX_DOWN = "по убыванию"
MX_UP = "по возрастанию"
MX_NOBODY = "За этим числом нет людей (или школа их не передаёт)."
MX_PEOPLE_FIRST = "{title} (показаны первые {shown} из {count}; все — в сводном отчёте)"
MX_PEOPLE_COLUMNS = ("Код", "Школа", "Сотрудник", "Должности", "Учтён")
MX_LIST_TITLES = {"overdue": "Просрочено повышение квалификации",
                  "young": "Молодые педагоги без поддержки",
                  "expiring": "Категория истекает {expiring_within}",     # Consolidated.terms
                  "no_order": "Пары наставников без приказа"}
MX_LIST_COLUMNS = ("Код", "Школа", "Сотрудник", "Должности", "Примечание")
MX_NOTE_TITLE = "Аналитическая справка"
MX_NOTE_SUBTITLE = "о кадровом потенциале и научно-методическом сопровождении педагогических работников образовательных организаций: {municipality}, на {date}"
MX_NOTE_INTRO = "Справка составлена по данным, полученным муниципальной методической службой от образовательных организаций. Школ, приславших данные: {schools} (полные данные — {full}, обезличенные — {deidentified}); школ реестра без данных или без новых данных: {silent}. Итоговые доли рассчитаны по всем педагогам школ вместе (сумма чисел к сумме баз), а не как среднее долей школ."
MX_NOTE_TOTALS = "1. Показатели по муниципалитету"
MX_NOTE_TOTAL_COLUMNS = ("Показатель", "Число", "Из", "Значение", "Цель", "Статус")
MX_NOTE_BELOW = "2. Школы ниже целевого значения федеральных показателей"
MX_NOTE_BELOW_ONE = "{name} (цель {target}; по муниципалитету {total}): школ ниже цели — {count}"
MX_NOTE_BELOW_SCHOOL = "{name} ({code}) — {value}"
MX_NOTE_BELOW_SCHOOL_OWN = "{name} ({code}) — {value} при цели школы {target}"
MX_NOTE_SETTINGS = "Показатели каждой школы рассчитаны по её настройкам (сроки, пороги, цели, формы поддержки молодых педагогов), как в самой школе; итоги по муниципалитету сравниваются с целями по умолчанию."
MX_NOTE_DEFAULT_SETTINGS = " Настройки не прислали (программа школы прежней версии), показатели рассчитаны по настройкам по умолчанию: {schools}."
MX_NOTE_ALL_MET = "Все школы достигли целевого значения."
MX_NOTE_LISTS = "3. Педагоги, требующие внимания"
MX_NOTE_LIST_ONE = "{label}: {count} (поимённо — лист «{sheet}» сводного отчёта)"
MX_NOTE_LIST_COLUMNS = ("Код", "Школа", "Человек")
MX_NOTE_LIST_REST = "и ещё {schools} шк. ({people} чел.)"
MX_TITLE_LIST_OVERDUE = "Не проходили повышение квалификации {overdue_term}"
MX_TITLE_LIST_YOUNG = "Молодые педагоги без поддержки"
MX_TITLE_LIST_EXPIRING = "Срок квалификационной категории истекает {expiring_term}"
MX_TITLE_LIST_NO_ORDER = "Действующие наставнические пары без приказа"
MX_NOTE_SILENT = "4. Школы, не представившие данные"
MX_NOTE_SILENT_TEXT = "Школы муниципального реестра, не приславшие данных или не присылавшие их более {days} дн.:"
MX_NOTE_SILENT_COLUMNS = ("Код", "Школа", "Последний пакет загружен")
MX_NOTE_NO_SILENT = "Все школы реестра представили данные."
MX_NOTE_SIGNER = "Специалист муниципальной методической службы"
MX_NOTE_HEAD = "Руководитель муниципального органа управления образованием"
# the office's Настройки (F10): who signs the analytical note
OS_TITLE = "Настройки: подписи аналитической справки"
OS_HEAD_POSITION = "Руководитель, должность"
OS_HEAD_NAME = "Руководитель, ФИО"
OS_SPECIALIST_POSITION = "Специалист, должность"
OS_SPECIALIST_NAME = "Специалист, ФИО"
OS_HINT = ("Без ФИО — строка для подписи от руки; без должности — общее название.\n"
           "Ctrl+S — сохранить, Esc — отмена")
OS_SAVED = "Подписи справки сохранены."

# --- export (folder, progress, result) ---
EXPORT_FOLDER_LABEL = "Папка, куда сохранить файл:"
EXPORT_FOLDER_HINT = "Enter или Ctrl+S — сохранить, Esc — отмена. Папка запоминается."
EXPORT_WRITING = "Файл записывается…"
EXPORT_DONE = "Файл сохранён:\n{path}"
EXPORT_NO_FOLDER = "Укажите папку"
EXPORT_NOT_A_FOLDER = "Это файл, а не папка: {path}"
EXPORT_NO_SUCH_FOLDER = "Нет такой папки: {path}"
EXPORT_CANNOT_CREATE = "Не удалось создать папку {path}: {reason}"
EXPORT_NOT_WRITABLE = "Нет права записи в папку {path}"
NOTICE_TITLE = "Готово"

# --- documents ---
DOC_KEY_PRINT = "Документ для печати (Word)"
# Ctrl+W under the name of what it prints (F1 and Ctrl+P find «приказ», «отчёт», «ИОМ»)
DOC_KEY_PRINT_ORDER = "Приказ о закреплении наставников (Word)"
DOC_KEY_PRINT_REPORT = "Отчёт о развитии кадров (Word)"
DOC_KEY_PRINT_PROGRAMME = "Программа развития для печати (Word)"
DOC_KEY_PRINT_ROUTE = "ИОМ для печати (Word)"
DOC_DATE_BLANK = "«____» ______________ 20___ г."
DOC_DATE_BLANK_SHORT = "«___» __________ 20___ г."
DOC_NUMBER_BLANK = "№ ________"
DOC_APPROVE = "УТВЕРЖДАЮ"
DOC_ROLE_DIRECTOR = "Директор"
DOC_ROLE_DEPUTY = "Заместитель директора"
DOC_NOTHING = "нет"
DOC_DASH = "—"
DOC_PERIOD = "{start} – {end}"
DOC_DONE_ON = "{status} {date}"
DOC_MORE = "… и ещё {count}"

# the development programme
DOC_PROG_FILE = "Программа развития {period}"
DOC_PROG_APPROVED = "УТВЕРЖДЕНА"
DOC_PROG_ORDER = "приказом № {number} от {date}"
DOC_PROG_ORDER_BLANK = "приказом № ______ от «____» ____________ 20___ г."
DOC_PROG_YEARS = "на {start}–{end} годы"
DOC_PROG_GOAL = "Цель программы:"
DOC_PROG_TASKS = "Задачи программы"
DOC_PROG_PLAN = "План мероприятий"
DOC_PROG_PLAN_COLUMNS = ("№", "Мероприятие", "Направление / форма", "Сроки", "Ответственные",
                         "Ожидаемый результат", "Статус", "Примечание")
DOC_PROG_ACCEPTED = "ПРИНЯТА"
DOC_PROG_COUNCIL = "педагогическим советом"
DOC_PROG_PROTOCOL = "(протокол № ______ от «____» ____________ 20___ г.)"
DOC_PROG_PLACE_YEAR = "{place}, {year}"
DOC_PROG_PASSPORT = "Паспорт программы"
DOC_PROG_PASSPORT_ROWS = {
    "title": "Наименование программы", "school": "Образовательная организация",
    "basis": "Утверждена", "years": "Сроки реализации", "goal": "Цель", "tasks": "Задачи",
    "indicators": "Целевые показатели", "plan": "План мероприятий",
    "responsible": "Ответственный за реализацию"}
DOC_PROG_YEARS_PLAIN = "{start}–{end} годы"
DOC_PROG_PLAN_SIZE = "{count} мероприятий по {tasks} задачам (раздел «План мероприятий»)"
DOC_PROG_TASK = "Задача {number}. {title}"
DOC_PROG_NO_ACTIVITIES = "Мероприятия не запланированы."
DOC_PROG_WAS = "перенесено, было: {dates}"
DOC_PROG_INDICATORS = "Целевые показатели"
DOC_PROG_IND_COLUMNS = ("№", "Показатель", "Ед. изм.", "Базовое значение")
DOC_PROG_TARGET = "цель"
DOC_PROG_ACTUAL = "факт"
DOC_PROG_COMPUTED = "вычисляется"
DOC_PROG_IND_NOTE = ("Фактические значения вычисляемых показателей: за прошедшие годы — "
                     "на 31 декабря, за {year} год — на {date}.")
DOC_PROG_PROGRESS = "Выполнение плана на {date}"
DOC_PROG_PROGRESS_COLUMNS = ("Задача", "Мероприятий в плане", "Отменено", "Срок наступил",
                             "Выполнено", "Просрочено", "% выполнения")

# a person's individual route (ИОМ)
DOC_ROUTE_FILE = "ИОМ {name} {period}"
DOC_ROUTE_TITLE = "Индивидуальный образовательный маршрут"
DOC_ROUTE_OF = "педагога {name}"
DOC_ROUTE_SUBTITLE = "на период с {start} по {end}"
DOC_ROUTE_ABOUT = "Сведения о педагоге"
DOC_ROUTE_PERSON = "ФИО:"
DOC_ROUTE_POSITION = "Должность:"
DOC_ROUTE_SUBJECTS = "Преподаваемые предметы:"
DOC_ROUTE_EDUCATION = "Образование:"
DOC_ROUTE_EDUCATION_PED = "{level}, педагогическое"
DOC_ROUTE_CATEGORY = "Квалификационная категория:"
DOC_ROUTE_CATEGORY_ITEM = "{category} ({position}), {term}"
DOC_ROUTE_CATEGORY_UNTIL = "до {date}"
DOC_ROUTE_CATEGORY_FOREVER = "бессрочно"
DOC_ROUTE_CATEGORY_UNKNOWN = "дата решения не указана, срок не известен"
DOC_ROUTE_CATEGORY_NONE = "нет"
DOC_ROUTE_EXPERIENCE = "Педагогический стаж:"
DOC_ROUTE_EXPERIENCE_YEARS = "{years} (на {date})"
DOC_ROUTE_LAST_COURSE = "Последние курсы повышения квалификации:"
DOC_ROUTE_SELF_EDUCATION = "Тема самообразования:"
DOC_ROUTE_LAST_COURSE_ITEM = "{title}, {hours} ч., {date}"
DOC_ROUTE_NONE = "нет сведений"
DOC_YEARS_ONE = "год"
DOC_YEARS_FEW = "года"
DOC_YEARS_MANY = "лет"
DOC_ROUTE_DEVELOPED = "Разработчик маршрута:"
DOC_ROUTE_APPROVED = "Дата утверждения:"
DOC_ROUTE_STATUS = "Статус маршрута:"
DOC_ROUTE_STEPS = "Шаги маршрута по выявленным дефицитам"
DOC_ROUTE_COLUMNS = ("№", "Цель", "Действие", "Форма", "Срок", "Ожидаемый продукт",
                     "Выполнено", "Подтверждение")
DOC_ROUTE_DEFICIT = "Дефицит: {text} ({area}). {source}"
DOC_ROUTE_SOURCE = "Выявлен: {kind}{operator}, {date}."
DOC_ROUTE_SOURCE_FOUND = "Выявлен {date}."
DOC_ROUTE_SOURCE_NONE = "Источник не указан."
DOC_ROUTE_NO_DEFICIT = "Шаги без привязки к дефициту"
DOC_ROUTE_OVERDUE = "просрочен"
DOC_ROUTE_NO_STEPS = "Шаги маршрута ещё не запланированы."
DOC_ROUTE_SIGN_PERSON = "С маршрутом ознакомлен(а)"
DOC_ROUTE_SIGN_PERSON_SEX = {"м": "С маршрутом ознакомлен", "ж": "С маршрутом ознакомлена"}
DOC_ROUTE_STEP_MENTORSHIP = "Наставничество: {mentorship}"
DOC_ROUTE_SIGN_DEPUTY = "Заместитель директора"
DOC_AGREED = "СОГЛАСОВАНО"
DOC_ROUTE_AGREED_MENTOR = "Наставник"
DOC_ROUTE_AGREED_TUTOR = "Тьютор (куратор маршрута)"

# the mentorship order
DOC_ORDER_FILE = "Приказ о закреплении наставников {date}"
DOC_ORDER_WORD = "ПРИКАЗ"
DOC_ORDER_TITLE = "О закреплении наставников"
DOC_ORDER_PREAMBLE = (
    "В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в "
    "Российской Федерации», методическими рекомендациями по разработке и внедрению "
    "системы (целевой модели) наставничества педагогических работников в образовательных "
    "организациях (письмо Минпросвещения России и Общероссийского Профсоюза образования "
    "от 21.12.2021 № АЗ-1128/08/657), {rule}, в целях профессиональной поддержки "
    "педагогических работников")
DOC_ORDER_RULE = ("Положением о наставничестве педагогических работников {school}, "
                  "утверждённым приказом от {date} №\u00a0{number}")    # № stays with it
DOC_ORDER_RULE_SCHOOL = "образовательной организации"
DOC_NUMBER_SHORT_BLANK = "______"
DOC_ORDER_COMMAND = "ПРИКАЗЫВАЮ:"
DOC_ORDER_ITEM_PAIRS = ("Закрепить наставников за педагогическими работниками в формах и на "
                        "сроки, указанные в таблице:")
DOC_ORDER_COLUMNS = ("№", "Наставник", "Наставляемый (наставляемые), предметы", "Основание",
                     "Форма наставничества", "Срок")
DOC_ORDER_NO_PAIRS = "Пар без приказа нет."
DOC_ORDER_CANDIDATE = "{mentor} → {mentees} ({period})"
DOC_ORDER_ITEM_CURATOR = "Назначить {name} куратором реализации программ наставничества."
DOC_ORDER_ITEM_CURATORS = "Назначить кураторами реализации программ наставничества: {names}."
DOC_ORDER_CURATOR_PAIRS = "{name} (пары № {pairs})"
DOC_ORDER_CURATOR_BLANK = "______________________________"
DOC_ORDER_ITEM_PROGRAMMES = ("Наставникам в течение двух недель разработать совместно с "
                             "наставляемыми персонализированные программы наставничества и "
                             "представить их куратору.")
DOC_ORDER_ITEM_REPORT = ("Куратору вести учёт наставнических пар, контролировать реализацию "
                         "программ наставничества и по их окончании подвести итоги.")
DOC_ORDER_ITEM_CONTROL = "Контроль за исполнением приказа возложить на заместителя директора {name}."
DOC_ORDER_ITEM_CONTROL_SELF = "Контроль за исполнением приказа оставляю за собой."
DOC_ORDER_PICK_TITLE = "Приказ о закреплении наставников: пары без приказа"
DOC_ORDER_PICK_HINT = "Пробел — снять или поставить отметку, Ctrl+S — записать приказ, Esc — отмена"
DOC_ORDER_PICK_NONE = ("Пар без приказа нет: у всех действующих пар номер приказа уже указан "
                       "(или их срок истёк).")
DOC_ORDER_PICK_EMPTY = "Отметьте хотя бы одну пару."
DOC_ORDER_ACQUAINTED = "С приказом ознакомлены:"

# the staff development report
DOC_REPORT_FILE = "Отчёт о развитии кадров {start}–{end}"    # one file a period
DOC_REPORT_TITLE = "Отчёт о профессиональном развитии педагогических работников"
DOC_REPORT_SUBTITLE = "на {date}; период: {start} – {end}"
DOC_REPORT_INDICATORS = "Показатели"
DOC_REPORT_COLUMNS = ("Показатель", "Значение", "Число / база", "Цель", "Статус")
DOC_REPORT_NOTE = ("Значение — доля в процентах от базы (для показателей-количеств — число). "
                   "База федеральных показателей — педагогические работники, для которых школа "
                   "— основное место работы, на дату отчёта.")
DOC_REPORT_LISTS = "Требуют внимания"
DOC_REPORT_LIST_TITLE = "{title}: {count}"
DOC_REPORT_1324 = ("Показатели деятельности: педагогические работники "
                   "(приказ Минобрнауки России от 10.12.2013 № 1324)")
DOC_REPORT_1324_COLUMNS = ("№ п/п", "Показатель", "Единица измерения")
DOC_REPORT_1324_TOTAL = "Общая численность педагогических работников, в том числе:"
DOC_REPORT_PEOPLE = "{count} {people}"
DOC_REPORT_PEOPLE_SHARE = "{count} {people} / {percent}"
DOC_PEOPLE_FORMS = ("человек", "человека", "человек")     # 1, 2–4, 5 and more
DOC_REPORT_NO_BASE = "Не рассчитаны — не на что делить на дату отчёта (база пуста): {names}."
DOC_REPORT_PROGRAMME_PARTS = {"task": "Программа развития: по задачам",
                              "direction": "Программа развития: по направлениям",
                              "person": "Программа развития: по ответственным"}
DOC_REPORT_LIST_DIFF = ("В показателе «{name}» — {count}: он считает педагогов, для которых "
                        "школа — основное место работы, на дату отчёта.")
DOC_REPORT_LIST_EXTRA = " В списке также (в показатель не входят): {names}."
DOC_REPORT_LIST_MISSING = " В показателе, но не в списке: {names}."
DOC_REPORT_PERIOD_TITLE = "Отчёт о развитии кадров: за какой период"
DOC_REPORT_PERIOD_HINT = "↑↓ — выбор, Enter — записать отчёт, Esc — отмена"
DOC_REPORT_PERIOD_ROLLING = "{months} до даты отчёта ({start} – {end})"   # Настройки
DOC_REPORT_PERIOD_YEAR = "{year} год ({start} – {end})"
DOC_REPORT_PERIOD_SCHOOL_YEAR = "{first}/{second} учебный год ({start} – {end})"

# --- table exports ---
XLS_KEY_EXPORT = "Экспорт в Excel"
XLS_TITLE = "{school} · {title} · на {date}"
XLS_FILTERED = "{title} (отбор: {filter})"
XLS_SEARCH = "поиск «{text}»"
XLS_YES = "да"
XLS_NO = "нет"
XLS_TOTAL = "Итого"                         # the label of a totals row
XLS_TOTAL_COUNT = "Итого ({what}: {count})"
XLS_TOTAL_COURSES = "курсов"
XLS_TOTAL_PAIRS = "пар и групп"
XLS_PAGE_OF = "стр. &P из &N"             # the footer of every printed page
# Повышение квалификации: the register and the overdue list
XLS_JOURNAL_FILE = "Журнал изменений"
XLS_JOURNAL_SHEET = "Журнал"
XLS_JOURNAL_COLUMNS = ("Когда", "Кто", "Раздел", "Запись", "Действие", "Поля")
XLS_JOURNAL_FROM = "с {date}"
XLS_JOURNAL_TO = "по {date}"
XLS_GR_FILE = "Достижения"
XLS_GR_SHEET = "Достижения"
XLS_GR_WHAT = "Достижения и методическая работа педагогов"
XLS_GR_COLUMNS = ("ФИО", "Вид", "Уровень", "Дата", "Название", "Итог", "Организатор",
                  "Подтверждение", "Группой", "Уволен")
XLS_TR_FILE = "Повышение квалификации"
XLS_TR_SHEET = "Курсы"
XLS_TR_WHAT = "Реестр курсов повышения квалификации"
XLS_TR_COLUMNS = ("ФИО", "Программа", "Организация", "Вид", "Форма обучения", "Часов",
                  "Начало", "Окончание", "Из федерального реестра", "По итогам диагностики",
                  "Управленческая команда", "Внесено группой", "Документ", "Уволен(а)")
XLS_TR_YEAR = "окончание в {year} г."
XLS_OD_FILE = "Просроченные курсы ПК"
XLS_OD_SHEET = "Просрочено ПК"
XLS_OD_COLUMNS = ("ФИО", "Должности", "Последние курсы (окончание)",
                  "Просрочено с (станет просроченным)", "Запланированы (окончание)", "Состояние")
XLS_OD_OVERDUE = "просрочено"
XLS_OD_CLARIFY = "уточнить дату окончания курсов (известен только год)"
XLS_OD_NEVER = "просрочено: курсов нет"
XLS_OD_SOON = "станет просроченным в ближайшие {months} мес."
# Аттестация: the schedule, one sheet per tab
XLS_ATT_FILE = "График аттестации"
XLS_ATT_SHEETS = {"expiring": "Истекают категории", "conformity": "Аттестация на СЗД",
                  "eligible": "Могут претендовать"}
XLS_ATT_EXP_COLUMNS = ("ФИО", "Должность", "Категория", "Действует до",
                       "Подать заявление до", "Осталось менее {months} мес.")
XLS_ATT_CONF_COLUMNS = ("ФИО", "Должность", "Последняя аттестация на СЗД", "Срок аттестации",
                        "Состояние", "Освобождён(а) до", "Основание освобождения")
XLS_ATT_ELIG_COLUMNS = ("ФИО", "Должность", "Категория сейчас", "Установлена",
                        "Может претендовать на")
# Наставничество: the register, coverage, mentor load
XLS_MENT_FILE = "Реестр наставничества"
XLS_MENT_SHEET = "Пары и группы"
XLS_MENT_WHAT = "Реестр наставнических пар и групп"
XLS_MENT_COLUMNS = ("Наставник", "Наставляемые", "Форма", "Основание", "Начало",
                    "Окончание по плану", "Окончание фактически", "Статус", "Номер приказа",
                    "Дата приказа", "Куратор", "Встреч проведено", "Встреч запланировано",
                    "Замечания")
XLS_MENT_FLAGS = {"too_short": "программа короче допустимого срока",
                  "too_long": "программа длиннее допустимого срока",
                  "past_end": "срок истёк", "no_order": "нет приказа",
                  "order_no_date": "нет даты приказа"}
XLS_COV_FILE = "Охват наставничеством"
XLS_COV_SHEET = "Охват"
XLS_COV_ONLY_UNSUPPORTED = "только без наставника"
XLS_COV_COLUMNS = ("ФИО", "Молодой педагог", "Новый сотрудник", "Возраст", "Стаж, лет",
                   "Принят(а)", "Предметы", "Наставник", "Пара действует до",
                   "Будущая пара: наставник", "Будущая пара: начало")
XLS_LOAD_FILE = "Нагрузка наставников"
XLS_LOAD_SHEET = "Нагрузка"
XLS_LOAD_COLUMNS = ("Наставник", "Пар сейчас", "Наставляемых сейчас", "Всего пар")
XLS_LOAD_YEAR = "Пар в {year} уч. году"
# Программа развития: the five views, a sheet each
XLS_PROG_FILE = "Программа развития"
XLS_PROG_WHAT = "{title}, {period}"      # when the title does not name the years
XLS_PROG_SHEETS = {"outline": "Структура", "agenda": "Сроки", "people": "Ответственные",
                   "progress": "Выполнение", "indicators": "Показатели"}
XLS_PROG_OUTLINE_COLUMNS = ("№ задачи", "Задача", "Мероприятие", "Направление", "Форма",
                            "Начало", "Срок", "Переносы срока", "Ответственные",
                            "Ожидаемый результат", "Статус", "Выполнено", "Просрочено",
                            "Примечание")
XLS_PROG_AGENDA_COLUMNS = ("Раздел", "Срок", "№ задачи", "Мероприятие", "Ответственные",
                           "Статус")
XLS_PROG_BUCKETS = {"overdue": "просрочено", "this_month": "этот месяц: {month}",
                    "next_month": "следующий месяц: {month}"}
XLS_PROG_PEOPLE_COLUMNS = ("Ответственный", "Срок", "№ задачи", "Мероприятие", "Статус",
                           "Просрочено")
XLS_PROG_PROGRESS_COLUMNS = ("Раздел", "Название", "Мероприятий", "Срок наступил",
                             "Выполнено из них", "Просрочено", "Выполнено досрочно",
                             "Выполнено, %")
XLS_PROG_IND_COLUMNS = ("№", "Показатель", "Единица", "Базовое значение")
XLS_PROG_IND_TARGET = "Цель {year}"
XLS_PROG_IND_ACTUAL = "Факт {year}"
XLS_PROG_IND_SOURCE = "Как получен факт"
XLS_PROG_NONE = "Программы развития нет: экспортировать нечего"

# --- messages moved from modules ---
# domain/models.py: validation
MODEL_NEED_POSITION = "Укажите хотя бы одну должность"
MODEL_DISMISSAL_BEFORE_HIRE = "Дата увольнения раньше даты приёма"
# Dates that cannot be (domain.md §6, domain/checks.py): refused, nothing saved.
CHECK_BIRTH_FUTURE = "Дата рождения не может быть в будущем"
CHECK_UNDER_18 = "На дату приёма сотруднику меньше {age} лет"
CHECK_DONE_FUTURE = "Дата выполнения не может быть позже сегодняшнего дня ({today})"
CHECK_RESOLVED_BEFORE_FOUND = "Дефицит не может быть устранён раньше, чем выявлен ({found})"
CHECK_POSTPONED_EARLIER = "Новый срок раньше прежнего ({old}): это не перенос"
CHECK_OUTSIDE = "Дата {date} вне {what} ({start} – {end})"
CHECK_OUTSIDE_ROUTE = "периода ИОМ"
CHECK_OUTSIDE_PROGRAMME = "лет программы"
CHECK_SAME_PERSON = ("Сотрудник {name} с датой рождения {birth} уже есть в базе. Второй карточки "
                     "не будет: открыть имеющуюся?")
CHECK_SAME_PERSON_FIELD = "Такой сотрудник уже есть (ФИО и дата рождения совпадают)"
MODEL_HIRE_NEAR_BIRTH = "Дата приёма слишком близка к дате рождения"
MODEL_PED_START_NEAR_BIRTH = "Начало педстажа слишком близко к дате рождения"
MODEL_VALID_BEFORE_DECISION = "Срок действия раньше даты решения"
MODEL_NEED_RESULT_OR_EXEMPTION = "Укажите результат или причину освобождения"
MODEL_EXEMPTION_NEEDS_DATE = "Укажите дату освобождения"
MODEL_MIN_HOURS = "Для вида «{kind}» — не меньше {minimum} ч"
MODEL_END_BEFORE_START = "Дата окончания раньше даты начала"
MODEL_YEAR_END_NOT_JANUARY = "Окончание, известное только годом, хранится как 1 января года"
MODEL_YEAR_NOT_JANUARY = "Дата, известная только годом, хранится как 1 января года"
MODEL_SCORE_OVER_MAX = "Балл больше максимального"
MODEL_PERIOD_END_BEFORE_START = "Конец периода раньше начала"
MODEL_NEED_MENTEE = "Укажите хотя бы одного наставляемого"
MODEL_FINISH_BEFORE_START = "Окончание раньше начала"
MODEL_NEED_END_DATE = "Укажите дату завершения"
MODEL_MENTOR_IS_MENTEE = "Наставник не может быть своим наставляемым"
MODEL_YEAR_TO_BEFORE_FROM = "Год окончания раньше года начала"
MODEL_DEADLINE_BEFORE_START = "Срок раньше даты начала"
MODEL_NEED_DONE_DATE = "Укажите дату выполнения"
MODEL_NEED_COMPUTED_KEY = "Выберите вычисляемый показатель"
MODEL_FILL_FIELD = "Заполните поле"
MODEL_WHOLE_NUMBER = "Введите целое число"
MODEL_NUMBER = "Введите число"
# pydantic error type -> message ({gt}, {ge}, {le}, {lt}: the limit)
MODEL_PYDANTIC_MESSAGES = {
    "missing": "Обязательное поле",
    "string_too_short": MODEL_FILL_FIELD,
    "literal_error": "Выберите значение из списка",
    "int_parsing": MODEL_WHOLE_NUMBER,
    "int_from_float": MODEL_WHOLE_NUMBER,
    "float_parsing": MODEL_NUMBER,
    "finite_number": MODEL_NUMBER,
    "bool_parsing": "Да или нет",
    "greater_than": "Должно быть больше {gt}",
    "greater_than_equal": "Не меньше {ge}",
    "less_than_equal": "Не больше {le}",
    "less_than": "Должно быть меньше {lt}",
    "list_type": "Ожидается список",
    "string_type": "Ожидается текст",
    "extra_forbidden": "Лишнее поле",
    # what only a packet can send (the strict wire types of sync/records.py)
    "string_too_long": "Не длиннее {max_length} символов",
    "int_type": MODEL_WHOLE_NUMBER,
    "float_type": MODEL_NUMBER,
    "bool_type": "Да или нет",
    "date_type": "Ожидается дата ГГГГ-ММ-ДД",
    "date_parsing": "Ожидается дата ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "Ожидается дата ГГГГ-ММ-ДД",
    "string_pattern_mismatch": "Неверный формат",
    "dict_type": "Ожидается объект",
    "model_type": "Ожидается объект",
    "json_invalid": "Не JSON",
    "recursion_loop": "Слишком глубокая вложенность",
    "too_long": "Слишком много элементов",
}
# domain/parse.py
PARSE_NEED_YEAR = "Укажите год: дата вводится как ДД.ММ.ГГГГ"
PARSE_DATE_FORMAT = "Дата вводится как ДД.ММ.ГГГГ"
PARSE_YEAR_RANGE = "Год должен быть от {min} до {max}"
PARSE_NO_SUCH_DATE = "Такой даты нет в календаре"
PARSE_NAME_LETTERS = "Только буквы, дефис и пробел"
PARSE_SNILS_DIGITS = "СНИЛС — 11 цифр: ХХХ-ХХХ-ХХХ ХХ"
PARSE_SNILS_CONTROL = "Неверное контрольное число СНИЛС"
# storage/maintenance.py: `metodkab check`
CHECK_CANNOT_OPEN = "Не удалось открыть {path}: {error}"
CHECK_DATABASE = "База данных: {path}"
CHECK_SCHEMA_VERSION = "Версия схемы: {version} (программа знает до {known})"
CHECK_SCHEMA_TOO_NEW = "Схема новее, чем знает эта программа: обновите программу."
CHECK_INTEGRITY_OK = "Целостность: в порядке"
CHECK_INTEGRITY_BROKEN = "Целостность НАРУШЕНА: {problems}"
CHECK_FK_BROKEN = "Нарушены ссылки между таблицами: {count} (например, {table})"
CHECK_FK_OK = "Ссылки между таблицами: в порядке"
CHECK_SCHOOL = "Школа: {school}; сотрудников в базе: {staff}"
CHECK_SCHOOL_UNKNOWN = "не указана"
CHECK_NO_TABLES = "В файле нет таблиц «Методического кабинета»."
CHECK_RESULT_OK = "Итог: база данных исправна"
CHECK_RESULT_PROBLEMS = "Итог: обнаружены проблемы"
# storage/db.py: opening a database
DB_FILE_NOT_FOUND = "Файл базы данных не найден: {path}"
DB_NOT_SQLITE = "Файл {name} не является базой данных SQLite ({error})."
DB_NO_WAL = "Не удалось включить журнал WAL для базы данных"
DB_OPEN_ELSEWHERE = ("База данных {name} уже открыта в другом окне программы.\n"
                     "Закройте то окно и попробуйте снова.")
DB_BUSY = "База данных {name} занята другой программой. Попробуйте позже."
DB_NOT_OURS_OR_DAMAGED = ("Файл {name} не является базой данных «Методического кабинета» "
                          "или повреждён ({error}).")
DB_DAMAGED = ("База данных {name} повреждена: {problem}. "
              "Восстановите её из резервной копии (metodkab restore).")
DB_TOO_NEW = ("База данных {name} создана более новой версией программы "
              "(схема {version}, эта программа знает до {known}). Обновите программу.")
DB_NOT_OURS = "Файл {name} не похож на базу данных «Методического кабинета»."
# storage/files.py: what the file system refused, and what to do
FILE_NO_SPACE = "На диске нет места (папка {folder}). Освободите место и повторите."
FILE_NO_RIGHTS = "Нет прав на запись в папку {folder}. Выберите другую папку или попросите администратора дать права."
FILE_READ_ONLY = "Папка {folder} только для чтения (диск или флешка защищены от записи). Выберите другую папку."
FILE_IS_FOLDER = "{path} — это папка, а не файл. Укажите файл."
FILE_NOT_REGULAR = "{path} — не обычный файл (канал или устройство). Укажите файл."
FILE_NOT_FOUND = "Файл или папка не найдены: {path}"
FILE_NOT_A_FOLDER = "Часть пути {path} — не папка. Проверьте путь."
FILE_CANNOT_OPEN = "Не удалось открыть файл {path}: проверьте путь и права доступа."
FILE_IO_ERROR = "Ошибка чтения или записи диска (папка {folder}). Проверьте диск или флешку и повторите."
FILE_OS_ERROR = "Не удалось работать с файлом {path} (ошибка системы {code})."
# domain/jsonio.py: JSON from outside (packets, receipts, key files, settings)
JSON_WHAT_DATA = "данные"
JSON_WHAT_KEY_FILE = "файл ключа"
JSON_WHAT_RECEIPT = "квитанция"
JSON_WHAT_MANIFEST = "заголовок пакета"
JSON_WHAT_CONTENT = "данные пакета"
JSON_WHAT_SETTING = "значение настройки"
JSON_TOO_BIG = "{what}: слишком большой объём ({size} байт, допустимо не больше {limit})"
JSON_TOO_DEEP = "{what}: вложенность глубже {limit} уровней — это не данные программы"
JSON_NOT_UTF8 = "{what}: текст не в кодировке UTF-8"
JSON_BAD = "{what}: не читается (не JSON или неверная структура)"
# storage/backup.py
BACKUP_NOT_FOUND = "Файл резервной копии не найден: {path}"
BACKUP_RESTORED_NOTE = "восстановлено из копии {name}"
BACKUP_DAMAGED = "Резервная копия {name} повреждена: {problem}"
BACKUP_NOT_OURS = "Файл {name} не является базой «Методического кабинета»."
BACKUP_TOO_NEW = "Резервная копия {name} сделана более новой версией программы (схема {version})."
BACKUP_UNREADABLE = "Резервная копия {name} не читается как база данных: она повреждена. Возьмите другую копию."
BACKUP_INTEGRITY = ("Резервная копия {name} повреждена: проверка целостности нашла ошибок — {count}. "
                    "Возьмите другую копию.")
BACKUP_NOT_SQLITE = "Файл {name} не является базой данных SQLite: это не резервная копия."
BACKUP_TRUNCATED = ("Резервная копия {name} неполная: {size} байт — не целое число страниц базы "
                    "по {page} байт (копия обрезана при записи или переносе). Возьмите другую копию.")
BACKUP_NOT_UTF8 = ("В резервной копии {name} есть текст не в кодировке UTF-8 (таблица {table}, "
                   "значений: {count}): копия повреждена. Возьмите другую копию.")
BACKUP_NO_CHECKSUM = ("Рядом с резервной копией {name} нет файла контрольной суммы {checksum}: "
                      "целостность копии не проверить. Скопируйте его вместе с копией; "
                      "копию, сделанную прежней версией программы (без этого файла), "
                      "восстановите командой restore с ключом --without-checksum — "
                      "остальные проверки копии выполняются и тогда.")
BACKUP_CHECKSUM_BAD = "Файл контрольной суммы {checksum} рядом с копией {name} не читается."
BACKUP_CHECKSUM_MISMATCH = ("Резервная копия {name} изменена или повреждена после записи: "
                            "контрольная сумма SHA-256 не совпадает. Возьмите другую копию.")
DB_NOT_UTF8 = ("В базе данных {name} есть текст не в кодировке UTF-8 (файл повреждён). "
               "Проверьте её: metodkab check; восстановите из резервной копии: metodkab restore.")
CHECK_NOT_UTF8 = "Текст не в кодировке UTF-8: таблица {table}, значений: {count}"
# storage/migrations.py
MIGRATION_UNEXPECTED_TABLE = ("Обновление базы данных отменено: таблица «{table}» не такая, как "
                              "ожидалось. База не изменена.")
MIGRATION_FK_BROKEN = ("Обновление базы данных отменено: нарушены ссылки между таблицами "
                       "(например, в таблице {table}). Проверьте базу: metodkab check.")
# storage/staff.py
STAFF_HAS_DEPENDENTS = ("У сотрудника есть связанные записи (курсы, категории, наставничество …). "
                        "Его можно только уволить: история сохранится.")
STAFF_DISMISS_BEFORE_HIRE = "Дата увольнения {day} раньше даты приёма {hire}. Ничего не изменено."
# storage/programme.py, reports/programme.py
PROG_POSTPONE_BEFORE_START = "Новый срок раньше даты начала мероприятия."
PROG_NOT_FOUND = "Программа не найдена: возможно, она удалена."
PROG_NUMBER_EXAMPLE = "Введите число, например 30 или 27,5"
# storage/training.py, reports/training.py: the marks and short kinds in the course lists
TR_MARK_FEDERAL = "Р"
TR_MARK_DIAGNOSTICS = "Д"
TR_MARK_MANAGEMENT = "У"
TR_MARK_GROUP = "Г"
TR_KIND_SHORT = {"повышение квалификации": "ПК", "профессиональная переподготовка": "ПП",
                 "стажировка": "Ст"}
# reports/xlsx.py
XLSX_SHEET_DEFAULT = "Лист"
# importing/plan.py, importing/commands.py, screens/import_preview.py (years: DEV_YEAR_*)
IMP_NOTE_MONTHS = " {months} мес."
IMP_CLI_SHEET_NAME = " (лист «{sheet}»)"
IMP_CLI_ENCODING = "; {encoding}, разделитель «{delimiter}»"
IMP_PREVIEW_SHEET = " · лист «{sheet}»"
IMP_PREVIEW_ENCODING = " · {encoding}, «{delimiter}»"
# widgets/fields.py ("Укажите дату": PROG_DATE_REQUIRED)
FIELD_KEY_SPACE = "Пробел"
# screens/staff.py, screens/person_card.py (no courses: TR_NONE)
STAFF_CATEGORY_SHORT = {"первая": "первая", "высшая": "высшая", "педагог-методист": "методист",
                        "педагог-наставник": "наставник"}
STAFF_SNILS_PLACEHOLDER = "ХХХ-ХХХ-ХХХ ХХ"
# storage/repo.py
REPO_CHANGED_OR_DELETED = ("Запись изменена или удалена в другом окне с момента открытия. "
                           "Закройте форму и откройте запись заново.")
REPO_NOT_FOUND = "Запись не найдена: возможно, она удалена."
REPO_CHANGED = ("Запись изменена в другом окне с момента открытия. "
                "Закройте форму и откройте запись заново.")
# --- office maintenance (cli.py check/backup of a municipal database; sync/municipal.py) ---
MUNI_CHECK_SCHEMA_VERSION = ("Версия схемы базы управления образованием: {version} "
                             "(программа знает до {known})")
OF_CHECK_KEY_OK = "Ключ управления: на месте, отпечаток {fp}"
OF_CHECK_KEY_BAD = "Ключ управления: {problem} Пакеты школ не прочитать — восстановите ключ из копии («metodkab restore»)."
OF_CHECK_KEY_OTHER = "Ключ управления рядом с базой — от другого управления: пакеты школ не прочитать."
MUNI_CHECK_OFFICE = "Управление образованием: {name}; школ: {schools}, записей: {records}"
MUNI_CHECK_NO_TABLES = "В файле нет таблиц базы управления образованием."
# --- form fixes ---
# domain/parse.py: contacts of a person
FIELD_PHONE_FORMAT = "Цифры, +, пробелы, скобки, дефисы; 6–20 цифр"
FIELD_EMAIL_FORMAT = "Адрес вида имя@школа.рф, без пробелов"
# widgets/fields.py: several values of a multi-choice field, «Белова А. С. и ещё 5»
FIELD_AND_MORE = " и ещё {count}"
# app.py: Ctrl+Q with a form not saved
APP_QUIT_UNSAVED = "Есть несохранённые изменения. Выйти из программы без сохранения?"

# --- navigation fixes ---
# screens/staff.py: the status line while a filter from the dashboard's to-do list is on
NAV_STAFF_DROP_FILTER = "Esc — снять отбор"

# --- user review fixes ---
EX_NO_SCHOOLS_HINT = ("Школ пока нет. Ins — загрузить пакеты школ (файл .mkp или папку флешки); "
                      "F8, затем Ctrl+R — загрузить список школ муниципалитета.")
EX_NOTE_SCHOOL_REGISTERED = "Школа {code} {name}: ключ с отпечатком {fp} зарегистрирован."
MENT_GROUP_PLUS = "{first} +{more}"

# --- restore of either kind of database ---
BACKUP_KIND_SCHOOL = "база школы"
BACKUP_KIND_OFFICE = "база управления образованием"
BACKUP_WRONG_KIND = ("Резервная копия {name} — {kind}, а {db} — база другого вида; "
                     "ничего не изменено.")

# --- Методические объединения to Excel ---
XLS_AS_FILE = "Методические объединения"
XLS_AS_SHEET = "Объединения"
XLS_AS_COLUMNS = ("Название", "Вид", "Руководитель", "Участников")
XLS_AS_MEMBERS_SHEET = "Состав"
XLS_AS_MEMBERS_WHAT = "Состав методических объединений"
XLS_AS_MEMBERS_COLUMNS = ("Объединение", "ФИО", "Должность", "Предметы", "Руководитель")
XLS_AS_HEAD = "руководитель"

# --- Главная: to-do list to Excel ---
XLS_TODO_FILE = "Что требует внимания"
XLS_TODO_SHEET = "Внимание"
XLS_TODO_COLUMNS = ("Пункт", "Запись")

# --- Кадры: short forms for narrow columns (used only when the full text does not fit) ---
STAFF_SHORT_FORMS = {
    "заместитель директора": "зам. директора",
    "педагог-психолог": "психолог",
    "социальный педагог": "соц. педагог",
    "учитель-логопед": "логопед",
    "учитель-дефектолог": "дефектолог",
    "педагог-организатор": "пед.-организатор",
    "педагог дополнительного образования": "педагог ДО",
    "советник директора по воспитанию": "советник",
    "преподаватель-организатор ОБЗР": "преп.-орг. ОБЗР",
    "педагог-библиотекарь": "библиотекарь",
    "русский язык": "рус. яз.",
    "литература": "лит-ра",
    "родной язык": "родн. яз.",
    "иностранный язык (английский)": "англ. яз.",
    "иностранный язык (немецкий)": "нем. яз.",
    "математика": "матем.",
    "геометрия": "геом.",
    "информатика": "информ.",
    "биология": "биол.",
    "география": "геогр.",
    "история": "ист.",
    "обществознание": "общ.",
    "физическая культура": "физ-ра",
    "изобразительное искусство": "ИЗО",
    "труд (технология)": "труд",
    "начальные классы": "нач. кл.",
}
ELLIPSIS = "…"
# screens/exchange_files.py: choosing a folder (there is no file to press Enter on)
EX_PATH_HINT_FOLDER = ("Enter на папке — открыть её, путь появится в поле; Ctrl+S — выбрать "
                       "папку из поля, Esc — отмена.")
MENT_KEY_CLOSED = "Итог или возобновить"

# --- command line: argparse's own words ---
CLI_USAGE_PREFIX = "Вызов: "
CLI_POSITIONALS = "аргументы"
CLI_OPTIONALS = "параметры"
CLI_COMMANDS = "команды"
CLI_HELP_HELP = "показать эту справку и выйти"
CLI_HELP_VERSION = "показать версию программы и выйти"
CLI_ARG_UNRECOGNIZED = "лишние аргументы: {0}"
CLI_ARG_REQUIRED = "не указаны обязательные аргументы: {0}"
CLI_ARG_CHOICE = "{0}: неизвестное значение «{1}» (возможны: {2})"
CLI_ARG_NUMBER = "{0}: нужно число, а не «{1}»"
CLI_ARG_VALUE = "{0}: нужно значение"
CLI_ARG_EXCLUSIVE = "{0} нельзя указывать вместе с {1}"
CLI_ARG_IGNORED = "{0}: значение «{1}» не нужно"
CLI_ARG_NAMES = {"command": "команда", "action": "действие"}
CLI_METAVARS = {"--db": "ФАЙЛ", "--today": "ДАТА", "file": "ФАЙЛ", "files": "ФАЙЛ",
                "code": "КОД_ШКОЛЫ"}

# --- review round 2 ---
DEV_DISMISSED_MARK_F = " (уволена)"
DEV_DISMISSED_MARK_ANY = " (уволен(а))"
DASH_REPORT_DATE_FIXED = " — задана в настройках (F10), сегодня {today}"
DEV_MENTORSHIP_UNTIL = " (наставничество до {date})"
ATT_CONFORMITY_FAILED = " — не соответствует занимаемой должности"

# --- СЗД «не соответствует» ---
ATT_STATE_FAILED = "не соответствует"
ATT_STATE_CLARIFY = "уточнить"
ALERT_CONFORMITY_FAILED = "по СЗД от {date} не соответствует занимаемой должности"

# --- chooser with nothing to choose ---
CHOOSER_NOTHING = ("Выбирать пока не из чего: список пуст. Сотрудников добавляют в «Кадрах» "
                   "(F2), объединения — Ctrl+O.")
