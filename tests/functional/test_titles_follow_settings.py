"""A title that states a number the settings set says the school's number: Настройки
(F10) change the training period and the category warning, and Главная's to-do list and
Показатели (F8) say «более 5 лет», «за 9 мес.» — never the default's 3 and 6 while
counting 5 and 9 (reports.indicators.title); Аттестация's hints say the red months and
the СЗД period of Настройки."""

import datetime as dt

from textual.widgets import DataTable, OptionList

from metodkab.clock import Clock
from metodkab.domain.models import QualificationCategory, Staff, Training
from metodkab.screens.attestation import AttestationScreen
from metodkab.screens.dashboard import DashboardScreen
from metodkab.screens.indicators import IndicatorsScreen
from metodkab.screens.settings import SettingsScreen
from metodkab.storage import repo
from metodkab.storage.db import open_store
from metodkab.storage.settings import all_settings
from tests.ui import TODAY, build_app, school_db, settle


def staff_db(path):
    """Two teachers: one whose last course ended 4 years ago (overdue under 3 years, not
    under 5), one never trained; a category that ends in 8 months (inside 9, not 6)."""
    school_db(path)
    store = open_store(path, clock=Clock(TODAY), exclusive=False)
    late = repo.create(store, Staff(last_name="Антонова", first_name="Анна",
                                    positions=["учитель"], hire_date=dt.date(2010, 9, 1),
                                    ped_start_date=dt.date(2010, 9, 1)))
    never = repo.create(store, Staff(last_name="Борисова", first_name="Вера",
                                     positions=["учитель"], hire_date=dt.date(2012, 9, 1),
                                     ped_start_date=dt.date(2012, 9, 1)))
    repo.create(store, Training(staff_id=late, title="ФГОС", hours=36,
                                end_date=dt.date(2022, 10, 1)))
    repo.create(store, QualificationCategory(
        staff_id=never, position="учитель", category="первая",
        decision_date=dt.date(2022, 7, 20), valid_until=dt.date(2027, 7, 20)))
    store.close()
    return path


def todo_texts(app) -> list[str]:
    todo = app.screen.query_one("#todo", OptionList)
    return [str(todo.get_option_at_index(i).prompt) for i in range(todo.option_count)]


def indicator_names(app) -> list[str]:
    table = app.screen.query_one("#ind-table", DataTable)
    return [str(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]


async def test_a_changed_setting_changes_the_titles_on_the_dashboard_and_f8(tmp_path):
    app = build_app(staff_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        texts = todo_texts(app)
        assert any(t.endswith("Не проходили курсы ПК более 3 лет") for t in texts), texts
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, IndicatorsScreen)
        names = indicator_names(app)
        assert "Не проходили ПК более 3 лет" in names
        assert "Категория истекает за 6 мес." in names
        assert "ПК/переподготовка за 5 лет" in names

        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        form = app.screen.form
        form.widget("training_period_years").value = "5"
        form.widget("category_warn_months").value = "9"
        form.widget("self_evaluation_training_years").value = "1"
        form.widget("category_red_months").value = "2"
        form.widget("conformity_period_years").value = "4"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = all_settings(app.store)
        assert (saved["training_period_years"], saved["category_warn_months"]) == (5, 9)

        await pilot.press("f12")
        await settle(pilot, 3)
        assert isinstance(app.screen, DashboardScreen)
        texts = todo_texts(app)
        # Борисова alone is overdue now (Антонова's course of 2022 is within 5 years).
        assert any(t.endswith("Не проходили курсы ПК более 5 лет") and t.strip()[0] == "1"
                   for t in texts), texts
        assert not any("более 3 лет" in t for t in texts)
        assert any(t.endswith("Истекает категория в ближайшие 9 мес.") for t in texts), texts

        await pilot.press("f8")
        await settle(pilot, 3)
        assert isinstance(app.screen, IndicatorsScreen)
        names = indicator_names(app)
        assert "Не проходили ПК более 5 лет" in names
        assert "Категория истекает за 9 мес." in names
        assert "ПК/переподготовка за 1 год" in names
        assert not any("более 3 лет" in n or "за 6 мес." in n for n in names)
        overdue = next(r for r in app.screen.report.results if r.key == "training_overdue")
        assert (overdue.name, overdue.count) == ("Не проходили ПК более 5 лет", 1)

        # Аттестация's hints say the school's red months and СЗД period, not 3 and 5.
        await pilot.press("f5")
        await settle(pilot, 3)
        assert isinstance(app.screen, AttestationScreen)
        hints = [str(w.render()) for w in app.screen.query(".att-hint")]
        assert hints[0].startswith("«!» — меньше 2 мес.") and "3 мес." not in hints[0]
        assert hints[1].startswith("Без категории: СЗД раз в 4 года,")
