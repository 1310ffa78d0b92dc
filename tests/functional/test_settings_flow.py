"""Настройки (F10): the periods and targets of domain.md are editable; a bad value is
shown beside its field and nothing is saved; a saved target changes the indicator."""

from metodkab.screens.settings import INT_SETTINGS, SettingsScreen, parse_settings
from metodkab.storage.settings import DEFAULTS, all_settings
from tests.ui import build_app, school_db, settle


def raw(**changes):
    values = {"user_name": "", "report_date": "",
              **{k: "" if DEFAULTS[k] is None else str(DEFAULTS[k]) for k in INT_SETTINGS}}
    return {**values, **changes}


def test_every_numeric_setting_has_a_default_and_the_defaults_parse():
    assert set(INT_SETTINGS) <= set(DEFAULTS)
    values, errors = parse_settings(raw())
    assert errors == {}
    assert values["target_management_trained"] is None
    assert values["target_young_supported"] == 70


def test_ranges_order_and_blank_targets():
    _, errors = parse_settings(raw(target_federal_register="101", young_max_age="abc"))
    assert errors == {"target_federal_register": "Введите целое число от 0 до 100",
                      "young_max_age": "Введите целое число от 18 до 70"}
    _, errors = parse_settings(raw(mentorship_min_months="13", mentorship_max_months="12"))
    assert list(errors) == ["mentorship_min_months"]
    _, errors = parse_settings(raw(target_federal_register=""))
    assert "target_federal_register" in errors          # only the management target may be blank
    values, errors = parse_settings(raw(target_management_trained="40"))
    assert errors == {} and values["target_management_trained"] == 40


def test_document_details_are_trimmed_and_dates_checked():
    values, errors = parse_settings(raw(doc_place=" с. Берёзовка ",
                                        mentorship_rule_number="12-о",
                                        mentorship_rule_date="01.09.2025"))
    assert errors == {}
    assert (values["doc_place"], values["mentorship_rule_number"],
            values["mentorship_rule_date"]) == ("с. Берёзовка", "12-о", "2025-09-01")
    _, errors = parse_settings(raw(mentorship_rule_date="31.02.2025"))
    assert list(errors) == ["mentorship_rule_date"]


async def test_targets_are_changed_on_the_settings_screen(tmp_path):
    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        form = screen.form
        assert form.widget("target_young_supported").value == "70"
        assert form.widget("target_management_trained").value == ""

        # A value out of range: its error beside the field, nothing saved.
        form.widget("target_young_supported").value = "170"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "от 0 до 100" in str(form.rows["target_young_supported"].query_one(
            ".form-error").render())
        assert all_settings(app.store)["target_young_supported"] == 70

        form.widget("target_young_supported").value = "80"
        form.widget("target_management_trained").value = "50"
        form.widget("category_red_months").value = "2"
        form.widget("doc_place").value = "с. Берёзовка"
        form.widget("mentorship_rule_number").value = "12-о"
        form.widget("mentorship_rule_date").value = "01.09.2025"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = all_settings(app.store)
        assert (saved["target_young_supported"], saved["target_management_trained"],
                saved["category_red_months"]) == (80, 50, 2)
        assert (saved["doc_place"], saved["mentorship_rule_number"],
                saved["mentorship_rule_date"]) == ("с. Берёзовка", "12-о", "2025-09-01")

        # The indicators screen reads the new target.
        await pilot.press("f8")
        await settle(pilot)
        young = next(r for r in app.screen.report.results if r.key == "young_supported")
        assert young.target == 80


async def test_support_forms_are_turned_off_in_the_settings(tmp_path):
    """Настройки: a support form of young teachers switched off (Space) is not counted by
    «Молодые педагоги с поддержкой» any more (domain.md §6)."""
    import datetime as dt

    from metodkab.domain.models import IndividualRoute, Staff
    from metodkab.storage import repo

    app = build_app(school_db(tmp_path / "s.sqlite"))
    async with app.run_test(size=(80, 24)) as pilot:
        young = repo.create(app.store, Staff(
            last_name="Молодова", first_name="Анна", positions=["учитель"],
            birth_date=dt.date(2001, 1, 1), ped_start_date=dt.date(2025, 9, 1),
            hire_date=dt.date(2025, 9, 1)))
        repo.create(app.store, IndividualRoute(staff_id=young, period_start=dt.date(2026, 9, 1),
                                               period_end=dt.date(2027, 6, 30),
                                               status="утверждён"))
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        result = next(r for r in app.screen.report.results if r.key == "young_supported")
        assert (result.count, result.base, result.note(young)) == (1, 1, "ИОМ")

        await pilot.press("f10")
        await settle(pilot)
        form = app.screen.form
        assert form.widget("support_route").value is True
        form.widget("support_route").focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert all_settings(app.store)["support_route"] is False
        await pilot.press("f8")
        await settle(pilot)
        result = next(r for r in app.screen.report.results if r.key == "young_supported")
        assert (result.count, result.base) == (0, 1)
