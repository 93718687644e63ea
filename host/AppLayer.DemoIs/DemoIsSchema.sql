-- Demo IS: a small Czech business information system (accounting and payroll).
-- Money on documents and salaries is INTEGER haléře (1 CZK = 100 haléřů); dates are ISO 8601 text.

CREATE TABLE is_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Chart of accounts (směrná účtová osnova); type A = aktivní, P = pasivní, N = nákladový, V = výnosový.
CREATE TABLE accounts (
    number TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL CHECK (type IN ('A', 'P', 'N', 'V'))
);

-- VAT rates by category and validity (valid_to NULL = still valid).
CREATE TABLE vat_rates (
    id           INTEGER PRIMARY KEY,
    category     TEXT    NOT NULL CHECK (category IN ('standard', 'reduced1', 'reduced2')),
    rate_percent INTEGER NOT NULL CHECK (rate_percent BETWEEN 0 AND 100),
    valid_from   TEXT    NOT NULL,
    valid_to     TEXT    NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Issued (faktury vydané) and received (faktury přijaté) invoices; the taxable supply date (DUZP)
-- decides which VAT rate applies.
CREATE TABLE invoices (
    id                  INTEGER PRIMARY KEY,
    number              TEXT    NOT NULL UNIQUE,
    direction           TEXT    NOT NULL CHECK (direction IN ('issued', 'received')),
    partner             TEXT    NOT NULL,
    partner_ico         TEXT    NULL,
    issue_date          TEXT    NOT NULL,
    taxable_supply_date TEXT    NOT NULL,
    total_net_h         INTEGER NOT NULL,
    total_vat_h         INTEGER NOT NULL,
    total_gross_h       INTEGER NOT NULL
);

CREATE TABLE invoice_lines (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices (id),
    line_no          INTEGER NOT NULL,
    description      TEXT    NOT NULL,
    account          TEXT    NOT NULL REFERENCES accounts (number),
    net_h            INTEGER NOT NULL,
    vat_category     TEXT    NOT NULL CHECK (vat_category IN ('standard', 'reduced1', 'reduced2')),
    vat_rate_percent INTEGER NOT NULL,
    vat_h            INTEGER NOT NULL,
    UNIQUE (invoice_id, line_no)
);

CREATE TABLE employees (
    personal_number  TEXT    PRIMARY KEY,
    name             TEXT    NOT NULL,
    monthly_salary_h INTEGER NOT NULL,
    weekly_hours     NUMERIC NOT NULL,
    full_time        INTEGER NOT NULL CHECK (full_time IN (0, 1)),
    employed_from    TEXT    NOT NULL,
    employed_to      TEXT    NULL
);

-- Statutory payroll parameters by validity. The table holds values of different units, so value is
-- an exact decimal written as text ('18900.00' with unit 'CZK', '40' with unit 'hour').
CREATE TABLE payroll_parameters (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    valid_from TEXT    NOT NULL,
    valid_to   TEXT    NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Warnings the payroll clerk must resolve before the next payroll run.
CREATE TABLE payroll_warnings (
    id              INTEGER PRIMARY KEY,
    personal_number TEXT NOT NULL REFERENCES employees (personal_number),
    code            TEXT NOT NULL,
    message         TEXT NOT NULL,
    effective_date  TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    resolved_at     TEXT NULL
);
