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
CLI_HELP_DEMO = "создать демонстрационную базу"
CLI_HELP_DEMO_STAFF = "число сотрудников (для нагрузочных тестов)"
CLI_ERROR = "Ошибка"
CLI_BAD_ARGS = "неверные параметры командной строки"
CLI_SQLITE_ERROR = "сбой при работе с базой данных"
CLI_FILE_ERROR = "не удалось работать с файлом"
CLI_BACKUP_DONE = "Резервная копия сохранена: {path}"
CLI_RESTORE_BUSY = "база данных открыта в программе; закройте её перед восстановлением"
CLI_RESTORE_DONE = "База данных восстановлена: {path}"
CLI_RESTORE_KEPT = "Прежняя база сохранена как резервная копия: {path}"
CLI_DEMO_EXISTS = "файл {path} уже существует; укажите другое имя"
CLI_DEMO_STAFF_POSITIVE = "число сотрудников должно быть больше нуля"
CLI_DEMO_DONE = "Демонстрационная база создана: {path}"
