-- metodkab: the whole schema of a fresh school database (one source of truth).
--
-- Every record that can travel to the municipality carries the same five columns:
--   id          TEXT primary key, a UUID minted locally
--   version     bumped on every change
--   change_seq  stamped from the database-wide counter on every insert/update/delete,
--               so "changes since N" is one indexed query and needs no clock
--   updated_at  ISO timestamp, information only
--   deleted     soft delete (records are never hard-deleted once they may have travelled)
--
-- Dates are ISO text (ГГГГ-ММ-ДД); flags are 0/1 integers.

CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
    changes    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id);

CREATE TABLE school (
    id           TEXT PRIMARY KEY,
    version      INTEGER NOT NULL DEFAULT 1,
    change_seq   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    full_name    TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    short_name   TEXT NOT NULL CHECK (length(trim(short_name)) > 0),
    code         TEXT NOT NULL DEFAULT '',
    municipality TEXT NOT NULL DEFAULT '',
    director     TEXT NOT NULL DEFAULT '',
    deputy       TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE staff (
    id                     TEXT PRIMARY KEY,
    version                INTEGER NOT NULL DEFAULT 1,
    change_seq             INTEGER NOT NULL,
    updated_at             TEXT NOT NULL,
    deleted                INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    last_name              TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    first_name             TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    middle_name            TEXT NOT NULL DEFAULT '',
    name_norm              TEXT NOT NULL,           -- "фамилия имя отчество", lower case, ё → е
    birth_date             TEXT,
    sex                    TEXT CHECK (sex IN ('м', 'ж')),
    employment             TEXT NOT NULL DEFAULT 'основной'
                           CHECK (employment IN ('основной', 'внешний совместитель')),
    hire_date              TEXT,
    dismissal_date         TEXT,
    ped_start_date         TEXT,                    -- start of pedagogical experience (педстаж)
    education_level        TEXT CHECK (education_level IN
                           ('высшее', 'среднее профессиональное', 'среднее общее')),
    education_pedagogical  INTEGER NOT NULL DEFAULT 0 CHECK (education_pedagogical IN (0, 1)),
    management_team        INTEGER NOT NULL DEFAULT 0 CHECK (management_team IN (0, 1)),
    snils                  TEXT NOT NULL DEFAULT '',
    phone                  TEXT NOT NULL DEFAULT '',
    email                  TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    CHECK (dismissal_date IS NULL OR hire_date IS NULL OR dismissal_date >= hire_date),
    CHECK (birth_date IS NULL OR ped_start_date IS NULL OR ped_start_date > birth_date)
);
CREATE INDEX staff_name ON staff (deleted, last_name, first_name, middle_name);
CREATE INDEX staff_dismissal ON staff (dismissal_date);

-- A person may hold several positions (основная должность and others).
CREATE TABLE staff_position (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    position    TEXT NOT NULL CHECK (length(trim(position)) > 0),
    is_main     INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_position_staff ON staff_position (staff_id, deleted);
CREATE INDEX staff_position_position ON staff_position (position, deleted);

CREATE TABLE staff_subject (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    subject     TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    sort_order  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_subject_staff ON staff_subject (staff_id, deleted);

CREATE TABLE association (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL DEFAULT 'ШМО'
                CHECK (kind IN ('ШМО', 'методический совет', 'творческая группа', 'школа молодого педагога', 'иное')),
    head_id     TEXT REFERENCES staff (id),
    notes       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE association_member (
    id              TEXT PRIMARY KEY,
    version         INTEGER NOT NULL DEFAULT 1,
    change_seq      INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    association_id  TEXT NOT NULL REFERENCES association (id),
    staff_id        TEXT NOT NULL REFERENCES staff (id)
);
CREATE INDEX association_member_staff ON association_member (staff_id, deleted);
CREATE INDEX association_member_association ON association_member (association_id, deleted);

CREATE TABLE qualification_category (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id       TEXT NOT NULL REFERENCES staff (id),
    position       TEXT NOT NULL,
    category       TEXT NOT NULL CHECK (category IN
                   ('первая', 'высшая', 'педагог-методист', 'педагог-наставник')),
    decision_date  TEXT,                    -- NULL: stated without a date («дата не указана»)
    order_number   TEXT NOT NULL DEFAULT '',
    order_date     TEXT,
    issuing_body   TEXT NOT NULL DEFAULT '',
    valid_until    TEXT,                    -- NULL: indefinite (set from 01.09.2023)
    -- 'year': the source gave only the year («первая 2019»): decision_date is its 1 January
    -- and is shown «2019 г.»; the term's end is then known only by its year too
    decision_precision TEXT NOT NULL DEFAULT 'day' CHECK (decision_precision IN ('day', 'year')),
    -- 'year': the source gave «действует до» only by its year («до 2024»): valid_until is
    -- its 1 January (the earliest day the year allows) and is shown «до 2024 г.»
    until_precision TEXT NOT NULL DEFAULT 'day' CHECK (until_precision IN ('day', 'year')),
    CHECK (valid_until IS NULL OR valid_until >= decision_date)
);
CREATE INDEX qualification_category_staff ON qualification_category (staff_id, deleted);
CREATE INDEX qualification_category_valid ON qualification_category (valid_until);

CREATE TABLE conformity_attestation (
    id                TEXT PRIMARY KEY,
    version           INTEGER NOT NULL DEFAULT 1,
    change_seq        INTEGER NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id          TEXT NOT NULL REFERENCES staff (id),
    position          TEXT NOT NULL DEFAULT '',
    date              TEXT,                   -- NULL: a result whose date nobody stated
    result            TEXT CHECK (result IN ('соответствует', 'не соответствует')),
    order_number      TEXT NOT NULL DEFAULT '',
    order_date        TEXT,
    exemption_reason  TEXT NOT NULL DEFAULT '',
    -- 'year': only the year is known («СЗД 2021»): date is its 1 January, shown «2021 г.»
    date_precision    TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'year')),
    CHECK (result IS NOT NULL OR length(exemption_reason) > 0),
    CHECK (date IS NOT NULL OR result IS NOT NULL)
);
CREATE INDEX conformity_attestation_staff ON conformity_attestation (staff_id, deleted);

CREATE TABLE training (
    id                  TEXT PRIMARY KEY,
    version             INTEGER NOT NULL DEFAULT 1,
    change_seq          INTEGER NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id            TEXT NOT NULL REFERENCES staff (id),
    group_id            TEXT,                   -- shared by the records of one group entry
    title               TEXT NOT NULL CHECK (length(trim(title)) > 0),
    provider            TEXT NOT NULL DEFAULT '',
    provider_ownership  TEXT CHECK (provider_ownership IN
                        ('государственная', 'муниципальная', 'иная')),
    kind                TEXT NOT NULL CHECK (kind IN
                        ('повышение квалификации', 'профессиональная переподготовка', 'стажировка')),
    hours               INTEGER NOT NULL CHECK (hours > 0),
    form                TEXT CHECK (form IN ('очная', 'очно-заочная', 'заочная', 'дистанционная')),
    start_date          TEXT,
    end_date            TEXT NOT NULL,
    -- 'year': the source gave only the year; end_date is 1 January of it (the earliest
    -- day the course can have ended, as the rules read it) and is shown «2023 г.»
    end_precision       TEXT NOT NULL DEFAULT 'day' CHECK (end_precision IN ('day', 'year')),
    doc_kind            TEXT CHECK (doc_kind IN ('удостоверение', 'диплом', 'сертификат')),
    doc_number          TEXT NOT NULL DEFAULT '',
    doc_date            TEXT,
    federal_register    INTEGER NOT NULL DEFAULT 0 CHECK (federal_register IN (0, 1)),
    by_diagnostics      INTEGER NOT NULL DEFAULT 0 CHECK (by_diagnostics IN (0, 1)),
    management          INTEGER NOT NULL DEFAULT 0 CHECK (management IN (0, 1)),
    topics              TEXT NOT NULL DEFAULT '[]',   -- JSON list of topic tags
    -- a year-only end (1 January) may follow a start within its year
    CHECK (start_date IS NULL OR end_date >= start_date OR
           (end_precision = 'year' AND substr(end_date, 1, 4) >= substr(start_date, 1, 4))),
    CHECK (kind <> 'повышение квалификации' OR hours >= 16),
    CHECK (kind <> 'профессиональная переподготовка' OR hours >= 250)
);
CREATE INDEX training_staff ON training (staff_id, deleted, end_date);
CREATE INDEX training_end ON training (end_date);
CREATE INDEX training_group ON training (group_id);

CREATE TABLE diagnostic (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('профессиональные дефициты',
                'функциональная грамотность', 'предметные компетенции', 'иное')),
    operator    TEXT NOT NULL DEFAULT '',
    score       REAL CHECK (score IS NULL OR score >= 0),
    max_score   REAL CHECK (max_score IS NULL OR max_score > 0),
    percent     REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    notes       TEXT NOT NULL DEFAULT '',
    CHECK (score IS NULL OR max_score IS NULL OR score <= max_score)
);
CREATE INDEX diagnostic_staff ON diagnostic (staff_id, deleted, date);

CREATE TABLE deficit (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id       TEXT NOT NULL REFERENCES staff (id),
    diagnostic_id  TEXT REFERENCES diagnostic (id),
    area           TEXT NOT NULL CHECK (area IN ('предметная', 'методическая',
                   'психолого-педагогическая', 'коммуникативная', 'цифровая', 'иная')),
    description    TEXT NOT NULL CHECK (length(trim(description)) > 0),
    status         TEXT NOT NULL DEFAULT 'выявлен'
                   CHECK (status IN ('выявлен', 'в работе', 'устранён')),
    found_date     TEXT,
    resolved_date  TEXT
);
CREATE INDEX deficit_staff ON deficit (staff_id, deleted, status);

CREATE TABLE training_deficit (
    id           TEXT PRIMARY KEY,
    version      INTEGER NOT NULL DEFAULT 1,
    change_seq   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id  TEXT NOT NULL REFERENCES training (id),
    deficit_id   TEXT NOT NULL REFERENCES deficit (id)
);
CREATE INDEX training_deficit_training ON training_deficit (training_id, deleted);
CREATE INDEX training_deficit_deficit ON training_deficit (deficit_id, deleted);

CREATE TABLE mentorship (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mentor_id      TEXT NOT NULL REFERENCES staff (id),
    form           TEXT NOT NULL,            -- a settable list (педагог–педагог …)
    reason         TEXT NOT NULL DEFAULT '',
    start_date     TEXT NOT NULL,
    planned_end    TEXT NOT NULL,
    actual_end     TEXT,
    order_number   TEXT NOT NULL DEFAULT '',
    order_date     TEXT,
    curator_id     TEXT REFERENCES staff (id),
    goals          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'действует'
                   CHECK (status IN ('действует', 'завершена', 'прервана')),
    result         TEXT NOT NULL DEFAULT '',
    CHECK (planned_end >= start_date),
    CHECK (actual_end IS NULL OR actual_end >= start_date),
    CHECK (status = 'действует' OR actual_end IS NOT NULL)
);
CREATE INDEX mentorship_mentor ON mentorship (mentor_id, deleted, status);
CREATE INDEX mentorship_status ON mentorship (status, deleted);

CREATE TABLE mentorship_mentee (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mentorship_id  TEXT NOT NULL REFERENCES mentorship (id),
    staff_id       TEXT NOT NULL REFERENCES staff (id)
);
CREATE INDEX mentorship_mentee_staff ON mentorship_mentee (staff_id, deleted);
CREATE INDEX mentorship_mentee_mentorship ON mentorship_mentee (mentorship_id, deleted);

-- Planned activities of the personalised programme and the log of held meetings.
CREATE TABLE mentorship_event (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mentorship_id  TEXT NOT NULL REFERENCES mentorship (id),
    date           TEXT NOT NULL,
    topic          TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    form           TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'проведено'
                   CHECK (status IN ('запланировано', 'проведено', 'отменено'))
);
CREATE INDEX mentorship_event_mentorship ON mentorship_event (mentorship_id, deleted, date);

CREATE TABLE individual_route (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    change_seq     INTEGER NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id       TEXT NOT NULL REFERENCES staff (id),
    period_start   TEXT NOT NULL,
    period_end     TEXT NOT NULL,
    developed_by   TEXT NOT NULL DEFAULT 'школа' CHECK (developed_by IN ('школа', 'ЦНППМ', 'иное')),
    approved_date  TEXT,
    status         TEXT NOT NULL DEFAULT 'проект'
                   CHECK (status IN ('проект', 'утверждён', 'выполняется', 'завершён')),
    self_education_topic TEXT NOT NULL DEFAULT '',   -- тема самообразования (the ИОМ prints it)
    CHECK (period_end >= period_start)
);
CREATE INDEX individual_route_staff ON individual_route (staff_id, deleted);

CREATE TABLE route_step (
    id                TEXT PRIMARY KEY,
    version           INTEGER NOT NULL DEFAULT 1,
    change_seq        INTEGER NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    route_id          TEXT NOT NULL REFERENCES individual_route (id),
    deficit_id        TEXT REFERENCES deficit (id),
    goal              TEXT NOT NULL CHECK (length(trim(goal)) > 0),
    action            TEXT NOT NULL DEFAULT '',
    form              TEXT NOT NULL DEFAULT '',
    deadline          TEXT,
    expected_product  TEXT NOT NULL DEFAULT '',
    done_date         TEXT,
    evidence          TEXT NOT NULL DEFAULT '',
    training_id       TEXT REFERENCES training (id),
    mentorship_id     TEXT REFERENCES mentorship (id),
    sort_order        INTEGER NOT NULL DEFAULT 0,
    learning_id       TEXT REFERENCES short_learning (id)   -- evidence: a short learning
);
CREATE INDEX route_step_route ON route_step (route_id, deleted, sort_order);
CREATE INDEX route_step_deadline ON route_step (deadline, done_date);

CREATE TABLE achievement (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    kind        TEXT NOT NULL CHECK (kind IN ('публикация', 'открытый урок', 'мастер-класс',
                'выступление', 'конкурс профмастерства', 'обобщение опыта')),
    level       TEXT NOT NULL CHECK (level IN ('школьный', 'муниципальный', 'региональный',
                'всероссийский', 'международный')),
    date        TEXT NOT NULL,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    result      TEXT NOT NULL DEFAULT '',        -- участник / призёр / победитель / лауреат
    organiser   TEXT NOT NULL DEFAULT '',
    evidence    TEXT NOT NULL DEFAULT '',        -- a document number or a file path (not copied)
    group_id    TEXT                             -- shared by the records of one group entry
);
CREATE INDEX achievement_staff ON achievement (staff_id, deleted, date);
CREATE INDEX achievement_group ON achievement (group_id);

-- Short learning (самообразование): lectures, webinars, seminars, online courses under
-- 16 hours. Kept apart from training: it never counts as ПК in the 3-year rule.
CREATE TABLE short_learning (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    change_seq  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    kind        TEXT NOT NULL CHECK (kind IN ('лекция', 'вебинар', 'семинар', 'онлайн-курс',
                'иное')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    platform    TEXT NOT NULL DEFAULT '',
    hours       REAL NOT NULL CHECK (hours > 0 AND hours < 16),
    start_date  TEXT,
    date        TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '',
    group_id    TEXT,
    CHECK (start_date IS NULL OR date >= start_date)
);
CREATE INDEX short_learning_staff ON short_learning (staff_id, deleted, date);
CREATE INDEX short_learning_group ON short_learning (group_id);

CREATE TABLE programme (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    change_seq    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    year_from     INTEGER NOT NULL CHECK (year_from BETWEEN 2000 AND 2100),
    year_to       INTEGER NOT NULL CHECK (year_to BETWEEN 2000 AND 2100),
    goal          TEXT NOT NULL DEFAULT '',
    order_number  TEXT NOT NULL DEFAULT '',
    order_date    TEXT,
    is_current    INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    CHECK (year_to >= year_from)
);

CREATE TABLE programme_task (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    change_seq    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    programme_id  TEXT NOT NULL REFERENCES programme (id),
    number        INTEGER NOT NULL DEFAULT 1 CHECK (number > 0),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0)
);
CREATE INDEX programme_task_programme ON programme_task (programme_id, deleted, number);

CREATE TABLE programme_activity (
    id               TEXT PRIMARY KEY,
    version          INTEGER NOT NULL DEFAULT 1,
    change_seq       INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    task_id          TEXT NOT NULL REFERENCES programme_task (id),
    direction        TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    form             TEXT NOT NULL DEFAULT '',
    start_date       TEXT,
    deadline         TEXT NOT NULL,
    expected_result  TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'запланировано' CHECK (status IN
                     ('запланировано', 'в работе', 'выполнено', 'перенесено', 'отменено')),
    done_date        TEXT,
    note             TEXT NOT NULL DEFAULT '',
    CHECK (start_date IS NULL OR deadline >= start_date),
    CHECK (status <> 'выполнено' OR done_date IS NOT NULL)
);
CREATE INDEX programme_activity_task ON programme_activity (task_id, deleted);
CREATE INDEX programme_activity_deadline ON programme_activity (deadline, status);

-- Every move of an activity's deadline, with the old date and the reason.
CREATE TABLE activity_postponement (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    change_seq    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    activity_id   TEXT NOT NULL REFERENCES programme_activity (id),
    old_deadline  TEXT NOT NULL,
    new_deadline  TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    changed_on    TEXT NOT NULL
);
CREATE INDEX activity_postponement_activity ON activity_postponement (activity_id, deleted);

CREATE TABLE activity_responsible (
    id           TEXT PRIMARY KEY,
    version      INTEGER NOT NULL DEFAULT 1,
    change_seq   INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    activity_id  TEXT NOT NULL REFERENCES programme_activity (id),
    staff_id     TEXT NOT NULL REFERENCES staff (id)
);
CREATE INDEX activity_responsible_activity ON activity_responsible (activity_id, deleted);
CREATE INDEX activity_responsible_staff ON activity_responsible (staff_id, deleted);

CREATE TABLE target_indicator (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    change_seq    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    programme_id  TEXT NOT NULL REFERENCES programme (id),
    number        INTEGER NOT NULL DEFAULT 1,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit          TEXT NOT NULL DEFAULT '%',
    baseline      REAL,
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'computed')),
    computed_key  TEXT,                      -- key of a computed indicator (reports)
    CHECK (source = 'manual' OR computed_key IS NOT NULL)
);
CREATE INDEX target_indicator_programme ON target_indicator (programme_id, deleted);

-- The target of an indicator for one year of the programme, and the manual actual value.
CREATE TABLE indicator_target (
    id            TEXT PRIMARY KEY,
    version       INTEGER NOT NULL DEFAULT 1,
    change_seq    INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    indicator_id  TEXT NOT NULL REFERENCES target_indicator (id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    target        REAL,
    actual        REAL
);
CREATE UNIQUE INDEX indicator_target_year ON indicator_target (indicator_id, year)
    WHERE deleted = 0;

-- change_seq lookups for sync ("changes since N") on every travelling table.
CREATE INDEX school_seq ON school (change_seq);
CREATE INDEX staff_seq ON staff (change_seq);
CREATE INDEX staff_position_seq ON staff_position (change_seq);
CREATE INDEX staff_subject_seq ON staff_subject (change_seq);
CREATE INDEX association_seq ON association (change_seq);
CREATE INDEX association_member_seq ON association_member (change_seq);
CREATE INDEX qualification_category_seq ON qualification_category (change_seq);
CREATE INDEX conformity_attestation_seq ON conformity_attestation (change_seq);
CREATE INDEX training_seq ON training (change_seq);
CREATE INDEX diagnostic_seq ON diagnostic (change_seq);
CREATE INDEX deficit_seq ON deficit (change_seq);
CREATE INDEX training_deficit_seq ON training_deficit (change_seq);
CREATE INDEX mentorship_seq ON mentorship (change_seq);
CREATE INDEX mentorship_mentee_seq ON mentorship_mentee (change_seq);
CREATE INDEX mentorship_event_seq ON mentorship_event (change_seq);
CREATE INDEX individual_route_seq ON individual_route (change_seq);
CREATE INDEX route_step_seq ON route_step (change_seq);
CREATE INDEX achievement_seq ON achievement (change_seq);
CREATE INDEX short_learning_seq ON short_learning (change_seq);
CREATE INDEX programme_seq ON programme (change_seq);
CREATE INDEX programme_task_seq ON programme_task (change_seq);
CREATE INDEX programme_activity_seq ON programme_activity (change_seq);
CREATE INDEX activity_postponement_seq ON activity_postponement (change_seq);
CREATE INDEX activity_responsible_seq ON activity_responsible (change_seq);
CREATE INDEX target_indicator_seq ON target_indicator (change_seq);
CREATE INDEX indicator_target_seq ON indicator_target (change_seq);

-- Sync with the municipal office (sync/school.py). Local to this database: never travels.
-- The state of the exchange: the office's public key (imported once), this school's
-- signing-key fingerprint, the last packet written and the last one acknowledged by a
-- receipt (the next delta starts after ``acked_change_seq``).
CREATE TABLE sync_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    municipality_key  TEXT NOT NULL DEFAULT '',
    municipality_fp   TEXT NOT NULL DEFAULT '',
    signing_key_fp    TEXT NOT NULL DEFAULT '',
    last_seq          INTEGER NOT NULL DEFAULT 0,
    last_hash         TEXT NOT NULL DEFAULT '',
    acked_seq         INTEGER NOT NULL DEFAULT 0,
    acked_change_seq  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id) VALUES (1);

-- Every packet written, gap-free by ``seq``; ``acknowledged_at`` is set by a receipt.
CREATE TABLE sync_packet (
    seq              INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('full', 'delta')),
    level            TEXT NOT NULL CHECK (level IN ('full', 'deidentified')),
    change_seq_from  INTEGER NOT NULL,
    change_seq_to    INTEGER NOT NULL,
    rows             INTEGER NOT NULL,
    file_name        TEXT NOT NULL,
    file_hash        TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    acknowledged_at  TEXT
);
