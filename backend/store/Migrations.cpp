#include "backend/store/Migrations.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>

#include "backend/core/Clock.h"
#include "backend/store/Sql.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMigrations, "souk.store.migrations")

namespace souk::store {
namespace {

/// Customers, orders with their lines and timeline, merchant terms, payments, refunds, disputes,
/// the ledger and idempotency keys. Amounts are integer minor units; rates are basis points.
QStringList ordersAndPayments()
{
    return {
        uR"(CREATE TABLE customers (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL, created_ms INTEGER NOT NULL))"_s,
        u"CREATE UNIQUE INDEX customers_email ON customers (email)"_s,
        // latitude/longitude in microdegrees: exact, and enough for a doorstep (0.11 m)
        uR"(CREATE TABLE customer_addresses (
            id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
            label TEXT NOT NULL DEFAULT '', line1 TEXT NOT NULL, city TEXT NOT NULL,
            postcode TEXT NOT NULL DEFAULT '', country TEXT NOT NULL,
            lat_e6 INTEGER NOT NULL, lng_e6 INTEGER NOT NULL))"_s,
        u"CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id)"_s,
        uR"(CREATE TABLE merchant_terms (
            merchant_id INTEGER PRIMARY KEY REFERENCES merchants(id),
            tax_rate_bp INTEGER NOT NULL DEFAULT 0, commission_bp INTEGER NOT NULL DEFAULT 0,
            commission_fixed_minor INTEGER NOT NULL DEFAULT 0, delivery_fee_minor INTEGER NOT NULL DEFAULT 0,
            unpaid_expiry_minutes INTEGER NOT NULL DEFAULT 30, version INTEGER NOT NULL))"_s,
        uR"(CREATE TABLE discount_codes (
            merchant_id INTEGER NOT NULL REFERENCES merchants(id), code TEXT NOT NULL,
            kind INTEGER NOT NULL, value INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (merchant_id, code)) WITHOUT ROWID)"_s,
        uR"(CREATE TABLE orders (
            id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL REFERENCES merchants(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id), location_id INTEGER NOT NULL,
            status INTEGER NOT NULL, payment_state INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL,
            subtotal_minor INTEGER NOT NULL, discount_minor INTEGER NOT NULL, discount_code TEXT NOT NULL DEFAULT '',
            tax_minor INTEGER NOT NULL, delivery_fee_minor INTEGER NOT NULL, total_minor INTEGER NOT NULL,
            captured_minor INTEGER NOT NULL DEFAULT 0, refunded_minor INTEGER NOT NULL DEFAULT 0,
            card_last4 TEXT NOT NULL DEFAULT '', customer_email TEXT NOT NULL,
            expires_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
            version INTEGER NOT NULL,
            CHECK (refunded_minor <= captured_minor AND captured_minor <= total_minor)))"_s,
        u"CREATE INDEX orders_merchant ON orders (merchant_id, id)"_s,
        u"CREATE INDEX orders_status ON orders (status, id)"_s,
        u"CREATE INDEX orders_payment_state ON orders (payment_state, id)"_s,
        u"CREATE INDEX orders_expiry ON orders (expires_ms) WHERE status = 0"_s,
        u"CREATE INDEX orders_email ON orders (customer_email)"_s,
        u"CREATE INDEX orders_card ON orders (card_last4) WHERE card_last4 <> ''"_s,
        uR"(CREATE TABLE order_lines (
            order_id INTEGER NOT NULL REFERENCES orders(id), position INTEGER NOT NULL,
            variant_id INTEGER NOT NULL REFERENCES variants(id), sku TEXT NOT NULL, title TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0), unit_price_minor INTEGER NOT NULL,
            line_total_minor INTEGER NOT NULL, PRIMARY KEY (order_id, position)) WITHOUT ROWID)"_s,
        // one timeline per order: status changes and payment events, each with its actor
        uR"(CREATE TABLE order_events (
            id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), kind TEXT NOT NULL,
            from_status INTEGER, to_status INTEGER, amount_minor INTEGER, detail TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
        u"CREATE INDEX order_events_order ON order_events (order_id, id)"_s,
        uR"(CREATE TABLE payments (
            id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id),
            merchant_id INTEGER NOT NULL, status INTEGER NOT NULL, currency TEXT NOT NULL,
            amount_minor INTEGER NOT NULL, captured_minor INTEGER NOT NULL DEFAULT 0,
            refunded_minor INTEGER NOT NULL DEFAULT 0, card_brand TEXT NOT NULL, card_last4 TEXT NOT NULL,
            card_exp_month INTEGER NOT NULL, card_exp_year INTEGER NOT NULL, card_fingerprint TEXT NOT NULL,
            decline_code TEXT NOT NULL DEFAULT '', provider_ref TEXT NOT NULL DEFAULT '',
            authorized_ms INTEGER NOT NULL, auth_expires_ms INTEGER NOT NULL, version INTEGER NOT NULL,
            CHECK (refunded_minor <= captured_minor AND captured_minor <= amount_minor)))"_s,
        u"CREATE INDEX payments_order ON payments (order_id)"_s,
        u"CREATE INDEX payments_auth_expiry ON payments (auth_expires_ms) WHERE status = 1"_s,
        u"CREATE INDEX payments_fingerprint ON payments (card_fingerprint)"_s,
        uR"(CREATE TABLE refunds (
            id INTEGER PRIMARY KEY, payment_id INTEGER NOT NULL REFERENCES payments(id),
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), reason TEXT NOT NULL,
            entry_id INTEGER NOT NULL, actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
        u"CREATE INDEX refunds_payment ON refunds (payment_id)"_s,
        uR"(CREATE TABLE disputes (
            id INTEGER PRIMARY KEY, payment_id INTEGER NOT NULL REFERENCES payments(id),
            status INTEGER NOT NULL, amount_minor INTEGER NOT NULL, fee_minor INTEGER NOT NULL,
            reason TEXT NOT NULL, evidence_due_ms INTEGER NOT NULL, opened_ms INTEGER NOT NULL,
            resolved_ms INTEGER, version INTEGER NOT NULL))"_s,
        u"CREATE INDEX disputes_payment ON disputes (payment_id)"_s,
        // The ledger: balance_minor is the running sum of the account's postings (debit +,
        // credit -), kept in the same transaction and recomputed by `soukctl check`.
        uR"(CREATE TABLE ledger_accounts (
            id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL, kind INTEGER NOT NULL,
            currency TEXT NOT NULL, balance_minor INTEGER NOT NULL DEFAULT 0,
            UNIQUE (merchant_id, kind, currency)))"_s,
        uR"(CREATE TABLE journal_entries (
            id INTEGER PRIMARY KEY, kind TEXT NOT NULL, payment_id INTEGER, reverses_id INTEGER,
            memo TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
        u"CREATE INDEX journal_entries_payment ON journal_entries (payment_id) WHERE payment_id IS NOT NULL"_s,
        uR"(CREATE TABLE postings (
            entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
            account_id INTEGER NOT NULL REFERENCES ledger_accounts(id), amount_minor INTEGER NOT NULL,
            PRIMARY KEY (entry_id, account_id)) WITHOUT ROWID)"_s,
        u"CREATE INDEX postings_account ON postings (account_id)"_s,
        uR"(CREATE TABLE payouts (
            id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL, currency TEXT NOT NULL,
            amount_minor INTEGER NOT NULL, entry_id INTEGER NOT NULL, actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
        // first result of each mutating command, replayed for a retry with the same key
        uR"(CREATE TABLE idempotency_keys (
            key TEXT PRIMARY KEY, command TEXT NOT NULL, request_hash TEXT NOT NULL,
            response TEXT NOT NULL, created_ms INTEGER NOT NULL))"_s,
        u"CREATE INDEX idempotency_keys_created ON idempotency_keys (created_ms)"_s,
    };
}

/// Step N brings the schema from version N to N + 1. Shipped steps are never edited.
const QList<QStringList>& shippedSteps()
{
    static const QList<QStringList> all = {
        // v0 -> v1: merchants, catalog, inventory journal, change feed
        {
            uR"(CREATE TABLE merchants (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, currency TEXT NOT NULL,
                version INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL))"_s,
            uR"(CREATE TABLE locations (
                id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL REFERENCES merchants(id),
                name TEXT NOT NULL, version INTEGER NOT NULL, UNIQUE (merchant_id, name)))"_s,
            uR"(CREATE TABLE products (
                id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL REFERENCES merchants(id),
                handle TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                vendor TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '',
                status INTEGER NOT NULL, option_names TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
                UNIQUE (merchant_id, handle)))"_s,
            u"CREATE INDEX products_merchant_category ON products (merchant_id, category)"_s,
            u"CREATE INDEX products_merchant_id ON products (merchant_id, id)"_s, // keyset pages
            uR"(CREATE TABLE variants (
                id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES products(id),
                merchant_id INTEGER NOT NULL REFERENCES merchants(id), position INTEGER NOT NULL,
                sku TEXT NOT NULL, option_values TEXT NOT NULL DEFAULT '',
                price_minor INTEGER NOT NULL CHECK (price_minor >= 0), compare_at_minor INTEGER,
                cost_minor INTEGER, currency TEXT NOT NULL, barcode TEXT NOT NULL DEFAULT '',
                weight_grams INTEGER NOT NULL DEFAULT 0, low_stock_threshold INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL, UNIQUE (merchant_id, sku)))"_s,
            u"CREATE INDEX variants_product ON variants (product_id, position)"_s,
            u"CREATE INDEX variants_barcode ON variants (barcode) WHERE barcode <> ''"_s,
            // The journal is the truth; stock_levels is its running sum, kept in the same
            // transaction and re-checked by `soukctl check`.
            uR"(CREATE TABLE stock_movements (
                id INTEGER PRIMARY KEY, variant_id INTEGER NOT NULL REFERENCES variants(id),
                location_id INTEGER NOT NULL REFERENCES locations(id), kind INTEGER NOT NULL,
                on_hand_delta INTEGER NOT NULL, reserved_delta INTEGER NOT NULL DEFAULT 0,
                reason TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
                actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
            u"CREATE INDEX stock_movements_variant ON stock_movements (variant_id, id)"_s,
            uR"(CREATE TABLE stock_levels (
                variant_id INTEGER NOT NULL REFERENCES variants(id),
                location_id INTEGER NOT NULL REFERENCES locations(id),
                on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL CHECK (reserved >= 0),
                version INTEGER NOT NULL, PRIMARY KEY (variant_id, location_id)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id INTEGER NOT NULL,
                version INTEGER NOT NULL, op INTEGER NOT NULL, actor TEXT NOT NULL, at_ms INTEGER NOT NULL))"_s,
            // Search: a trigram index answers 3+ character substrings in any script; 1-2 character
            // queries ("蓝牙") scan the narrow lower-cased text table instead. rowid/id = product id.
            u"CREATE VIRTUAL TABLE product_search USING fts5 (text, tokenize = 'trigram')"_s,
            uR"(CREATE TABLE product_text (id INTEGER PRIMARY KEY REFERENCES products(id),
                merchant_id INTEGER NOT NULL, text TEXT NOT NULL))"_s,
            uR"(CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL))"_s,
        },
        // v1 -> v2: customers, orders, payments, the double-entry ledger, idempotency keys
        ordersAndPayments(),
        // v2 -> v3: the outbox of what the provider must still hear of (a hold to release, a
        // capture to settle, a refund to pay back), written with the command that decided it;
        // journal entries and postings refuse changes: a mistake is corrected by a reversal
        {
            uR"(CREATE TABLE provider_outbox (
                id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, payment_id INTEGER REFERENCES payments(id),
                provider_ref TEXT NOT NULL, amount_minor INTEGER NOT NULL DEFAULT 0,
                attempts INTEGER NOT NULL DEFAULT 0, next_attempt_ms INTEGER NOT NULL DEFAULT 0,
                created_ms INTEGER NOT NULL,
                CHECK (kind IN (0, 1, 2)),
                CHECK (kind = 0 OR (payment_id IS NOT NULL AND amount_minor > 0))))"_s,
            // a payment's calls go out in the order they were made: a refund never before its capture
            u"CREATE INDEX provider_outbox_payment ON provider_outbox (payment_id, id) WHERE payment_id IS NOT NULL"_s,
            u"CREATE INDEX journal_entries_reverses ON journal_entries (reverses_id) WHERE reverses_id IS NOT NULL"_s,
            u"CREATE TRIGGER journal_entries_immutable BEFORE UPDATE ON journal_entries "
            "BEGIN SELECT RAISE(ABORT, 'journal entries are immutable; post a reversal'); END"_s,
            u"CREATE TRIGGER journal_entries_kept BEFORE DELETE ON journal_entries "
            "BEGIN SELECT RAISE(ABORT, 'journal entries are immutable; post a reversal'); END"_s,
            u"CREATE TRIGGER postings_immutable BEFORE UPDATE ON postings "
            "BEGIN SELECT RAISE(ABORT, 'postings are immutable; post a reversal'); END"_s,
            u"CREATE TRIGGER postings_kept BEFORE DELETE ON postings "
            "BEGIN SELECT RAISE(ABORT, 'postings are immutable; post a reversal'); END"_s,
        },
        // v3 -> v4: the store's own identity, keys for the provider unique across stores, a
        // payment's calls in the order its commands made them, and authorizations written
        // ahead of the provider call
        {
            // 128 random bits, made once: part of every key the provider sees
            u"INSERT OR IGNORE INTO settings (key, value) VALUES ('store_id', lower(hex(randomblob(16))))"_s,
            u"ALTER TABLE payments ADD COLUMN provider_calls INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN call_seq INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN call_key TEXT NOT NULL DEFAULT ''"_s,
            // a call refused for good, or out of retries, stays as a dead letter (state 1) with
            // the provider's reason; `entry_id` is the journal entry its money was booked by
            u"ALTER TABLE provider_outbox ADD COLUMN state INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN last_code TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN outcome_unknown INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN entry_id INTEGER"_s,
            u"ALTER TABLE provider_outbox ADD COLUMN dead_ms INTEGER"_s,
            // what a person must look at about a payment (a capture the provider refused), or ''
            u"ALTER TABLE payments ADD COLUMN attention TEXT NOT NULL DEFAULT ''"_s,
            // calls waiting from before keep the key they may already have been sent with, and
            // their order; a payment's next call is numbered after them
            u"UPDATE provider_outbox SET call_key = CAST(id AS TEXT), call_seq = (SELECT count(*) "
            "FROM provider_outbox e WHERE e.payment_id = provider_outbox.payment_id AND e.id <= provider_outbox.id)"_s,
            u"UPDATE payments SET provider_calls = (SELECT count(*) FROM provider_outbox o WHERE o.payment_id = payments.id)"_s,
            u"DROP INDEX provider_outbox_payment"_s,
            u"CREATE INDEX provider_outbox_payment ON provider_outbox (payment_id, call_seq) WHERE payment_id IS NOT NULL"_s,
            uR"(CREATE TABLE payment_attempts (
                id INTEGER PRIMARY KEY, provider_key TEXT NOT NULL UNIQUE,
                order_id INTEGER NOT NULL REFERENCES orders(id),
                request_key TEXT NOT NULL, request_hash TEXT NOT NULL,
                card_brand TEXT NOT NULL, card_last4 TEXT NOT NULL, card_exp_month INTEGER NOT NULL,
                card_exp_year INTEGER NOT NULL, card_fingerprint TEXT NOT NULL,
                amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                state INTEGER NOT NULL DEFAULT 0, payment_id INTEGER REFERENCES payments(id),
                created_ms INTEGER NOT NULL, closed_ms INTEGER,
                command TEXT NOT NULL DEFAULT 'authorize', capture_after INTEGER NOT NULL DEFAULT 0,
                CHECK (state IN (0, 1, 2))))"_s,
            u"CREATE INDEX payment_attempts_open ON payment_attempts (created_ms) WHERE state = 0"_s,
            u"CREATE INDEX payment_attempts_request ON payment_attempts (request_key)"_s,
        },
        // v4 -> v5: the merchant's fee per lost dispute in each currency (minor units of that
        // currency), part of its terms; a currency with no row takes the engine's default table
        {
            uR"(CREATE TABLE merchant_dispute_fees (
                merchant_id INTEGER NOT NULL REFERENCES merchants(id), currency TEXT NOT NULL,
                fee_minor INTEGER NOT NULL CHECK (fee_minor >= 0),
                PRIMARY KEY (merchant_id, currency)) WITHOUT ROWID)"_s,
        },
        // v5 -> v6: the ledger's hash chain. Each journal entry keeps the SHA-256 of the entry
        // before it, itself and its postings (Ledger::post), so an amount edited in the file is
        // found by `check` even where SQLite sees valid pages (it has no secret: whoever can
        // write the file and knows the encoding can forge a chain; it finds edits made without
        // it, by hand or by a tool). Entries from before have no hash
        // until the ledger seals them, once, in id order (Ledger::seal): the only update an
        // entry may ever take is that one, from no hash to its hash.
        {
            u"ALTER TABLE journal_entries ADD COLUMN hash BLOB"_s,
            u"DROP TRIGGER journal_entries_immutable"_s,
            u"CREATE TRIGGER journal_entries_immutable BEFORE UPDATE ON journal_entries "
            "WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind "
            "OR NEW.payment_id IS NOT OLD.payment_id OR NEW.reverses_id IS NOT OLD.reverses_id "
            "OR NEW.memo IS NOT OLD.memo OR NEW.actor IS NOT OLD.actor OR NEW.at_ms IS NOT OLD.at_ms "
            "BEGIN SELECT RAISE(ABORT, 'journal entries are immutable; post a reversal'); END"_s,
            // every entry written from now on carries its hash: one without would be sealed
            // into the chain unseen
            u"CREATE TRIGGER journal_entries_hashed BEFORE INSERT ON journal_entries WHEN NEW.hash IS NULL "
            "BEGIN SELECT RAISE(ABORT, 'journal entries are chained; Ledger::post writes them'); END"_s,
        },
        // v6 -> v7: short order numbers per merchant for people (#1001, #1002, ...), counted in
        // order_numbers in the transaction that places the order (OrderService::create), and
        // given to the orders already placed in the order they were placed (ids grow with time);
        // the customer's name on the order as placed, as its email is; and orders by customer,
        // for the search by name (customers whose name matches first, then their orders)
        {
            u"ALTER TABLE orders ADD COLUMN number INTEGER CHECK (number > 0)"_s,
            u"ALTER TABLE orders ADD COLUMN customer_name TEXT NOT NULL DEFAULT ''"_s,
            u"UPDATE orders SET number = 1000 + n.position FROM (SELECT id, row_number() OVER "
            "(PARTITION BY merchant_id ORDER BY id) AS position FROM orders) AS n WHERE n.id = orders.id"_s,
            u"UPDATE orders SET customer_name = "
            "coalesce((SELECT c.name FROM customers c WHERE c.id = orders.customer_id), '')"_s,
            u"CREATE UNIQUE INDEX orders_number ON orders (merchant_id, number)"_s,
            u"CREATE INDEX orders_customer ON orders (customer_id, id)"_s,
            uR"(CREATE TABLE order_numbers (
                merchant_id INTEGER PRIMARY KEY REFERENCES merchants(id),
                last_number INTEGER NOT NULL CHECK (last_number > 0)))"_s,
            u"INSERT INTO order_numbers (merchant_id, last_number) "
            "SELECT merchant_id, max(number) FROM orders GROUP BY merchant_id"_s,
        },
        // v7 -> v8: people and the audit log. Users with a role (owner and staff belong to one
        // merchant; support, operator and admin to none); passwords as Argon2id strings; TOTP
        // secrets with the last step used (a code is never accepted twice); sessions and API
        // keys stored only as SHA-256 hashes of their random secrets. The audit log is appended
        // in the transaction of what it records and chained like the ledger (AuditLog): rows
        // are never updated or deleted.
        {
            uR"(CREATE TABLE users (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('owner', 'staff', 'support', 'operator', 'admin')),
                merchant_id INTEGER REFERENCES merchants(id), password_hash TEXT NOT NULL,
                totp_secret BLOB, totp_pending BLOB, totp_last_step INTEGER NOT NULL DEFAULT 0,
                failed_signins INTEGER NOT NULL DEFAULT 0, retry_after_ms INTEGER NOT NULL DEFAULT 0,
                last_signin_ms INTEGER, disabled_ms INTEGER, created_ms INTEGER NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL,
                CHECK ((role IN ('owner', 'staff')) = (merchant_id IS NOT NULL))))"_s,
            uR"(CREATE TABLE recovery_codes (
                user_id INTEGER NOT NULL REFERENCES users(id), code_hash BLOB NOT NULL, used_ms INTEGER,
                PRIMARY KEY (user_id, code_hash)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE sessions (
                id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
                token_hash BLOB NOT NULL UNIQUE, origin TEXT NOT NULL, created_ms INTEGER NOT NULL,
                expires_ms INTEGER NOT NULL, last_used_ms INTEGER NOT NULL, revoked_ms INTEGER))"_s,
            u"CREATE INDEX sessions_user ON sessions (user_id)"_s,
            uR"(CREATE TABLE api_keys (
                id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
                name TEXT NOT NULL, prefix TEXT NOT NULL, key_hash BLOB NOT NULL UNIQUE,
                created_ms INTEGER NOT NULL, expires_ms INTEGER, last_used_ms INTEGER, revoked_ms INTEGER))"_s,
            u"CREATE INDEX api_keys_user ON api_keys (user_id)"_s,
            uR"(CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, user_id INTEGER, user_name TEXT NOT NULL,
                role TEXT NOT NULL, merchant_id INTEGER, via TEXT NOT NULL, credential_id INTEGER,
                origin TEXT NOT NULL, operation TEXT NOT NULL, objects TEXT NOT NULL, reason TEXT NOT NULL,
                outcome TEXT NOT NULL, detail TEXT NOT NULL, hash BLOB NOT NULL))"_s,
            u"CREATE INDEX audit_log_user ON audit_log (user_name, seq)"_s,
            u"CREATE INDEX audit_log_at ON audit_log (at_ms)"_s,
            u"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
            u"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"_s,
        },
        // v8 -> v9: a stored first result may be kept for less than the keys' retention: the
        // sealed answers that hold a secret shown once (an API key, recovery codes) go when
        // expires_ms passes, however long other keys are kept
        {
            u"ALTER TABLE idempotency_keys ADD COLUMN expires_ms INTEGER"_s,
            u"CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_ms) WHERE expires_ms IS NOT NULL"_s,
        },
        // v9 -> v10: risk. One assessment per authorization attempt (and per imported payment of
        // the merchant's history): the context it was judged on, its features, the score, the
        // rules that fired and the action; the velocity features are index ranges over these
        // rows, so scoring never scans history. Per-customer amount profiles and the devices a
        // customer used are kept as running totals. Rule sets are versioned (a draft, the
        // active one, the retired ones kept to restore); named lists hold case-folded values.
        // A payment under review is held: capture waits for a person's decision.
        {
            uR"(CREATE TABLE risk_assessments (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL CHECK (source IN ('live', 'imported')),
                merchant_id INTEGER NOT NULL, order_id INTEGER, payment_id INTEGER, customer_key TEXT NOT NULL,
                created_ms INTEGER NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                card_fingerprint TEXT NOT NULL, card_brand TEXT NOT NULL, card_bin TEXT NOT NULL,
                card_country TEXT NOT NULL, email TEXT NOT NULL, ip TEXT NOT NULL, ip_country TEXT NOT NULL,
                device_id TEXT NOT NULL, shipping_country TEXT NOT NULL, billing_country TEXT NOT NULL,
                distance_km INTEGER,
                features BLOB NOT NULL, score INTEGER, model_version INTEGER, ruleset_version INTEGER,
                action TEXT NOT NULL CHECK (action IN ('allow', 'block', 'review')),
                rule_line INTEGER, rule_text TEXT NOT NULL DEFAULT '', fired TEXT NOT NULL DEFAULT '[]',
                reasons TEXT NOT NULL DEFAULT '[]', shadow TEXT,
                outcome TEXT CHECK (outcome IN ('approved', 'declined', 'blocked')),
                refunded_minor INTEGER NOT NULL DEFAULT 0, disputed INTEGER NOT NULL DEFAULT 0,
                dispute_reason TEXT NOT NULL DEFAULT '',
                fraud INTEGER CHECK (fraud IN (0, 1)), label_source TEXT NOT NULL DEFAULT '', label_ms INTEGER,
                import_batch INTEGER))"_s,
            u"CREATE INDEX risk_assessments_card ON risk_assessments (card_fingerprint, created_ms)"_s,
            u"CREATE INDEX risk_assessments_email ON risk_assessments (email, created_ms) WHERE email <> ''"_s,
            u"CREATE INDEX risk_assessments_ip ON risk_assessments (ip, created_ms) WHERE ip <> ''"_s,
            u"CREATE INDEX risk_assessments_device ON risk_assessments (device_id, created_ms) WHERE device_id <> ''"_s,
            u"CREATE INDEX risk_assessments_payment ON risk_assessments (payment_id) WHERE payment_id IS NOT NULL"_s,
            u"CREATE INDEX risk_assessments_time ON risk_assessments (created_ms)"_s,
            u"CREATE INDEX risk_assessments_batch ON risk_assessments (import_batch) WHERE import_batch IS NOT NULL"_s,
            // an import of history in pieces: a batch left 'importing' by a crash is taken back out
            uR"(CREATE TABLE risk_import_batches (
                id INTEGER PRIMARY KEY, merchant_id INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('importing', 'done', 'rolled_back')),
                rows INTEGER NOT NULL, started_ms INTEGER NOT NULL, finished_ms INTEGER))"_s,
            uR"(CREATE TABLE risk_profiles (
                kind INTEGER NOT NULL, key TEXT NOT NULL, currency TEXT NOT NULL,
                payments INTEGER NOT NULL, approved INTEGER NOT NULL, approved_sum_minor INTEGER NOT NULL,
                first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL,
                PRIMARY KEY (kind, key, currency)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE risk_customer_devices (
                customer_key TEXT NOT NULL, device_id TEXT NOT NULL, first_ms INTEGER NOT NULL,
                PRIMARY KEY (customer_key, device_id)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE risk_rulesets (
                version INTEGER PRIMARY KEY, text TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
                shadow INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL,
                created_ms INTEGER NOT NULL, activated_ms INTEGER))"_s,
            u"CREATE UNIQUE INDEX risk_rulesets_active ON risk_rulesets (status) WHERE status = 'active'"_s,
            uR"(CREATE TABLE risk_lists (
                name TEXT PRIMARY KEY, kind TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
                created_ms INTEGER NOT NULL, version INTEGER NOT NULL))"_s,
            uR"(CREATE TABLE risk_list_items (
                list TEXT NOT NULL REFERENCES risk_lists(name), value TEXT NOT NULL, added_by TEXT NOT NULL,
                added_ms INTEGER NOT NULL, PRIMARY KEY (list, value)) WITHOUT ROWID)"_s,
            uR"(CREATE TABLE risk_reviews (
                id INTEGER PRIMARY KEY, assessment_id INTEGER NOT NULL UNIQUE REFERENCES risk_assessments(id),
                payment_id INTEGER NOT NULL REFERENCES payments(id), order_id INTEGER NOT NULL,
                merchant_id INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'declined', 'fraud', 'lapsed')),
                opened_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, claimed_by TEXT, claimed_until_ms INTEGER,
                decided_by TEXT, decided_ms INTEGER, reason TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL))"_s,
            u"CREATE INDEX risk_reviews_open ON risk_reviews (deadline_ms) WHERE status = 'open'"_s,
            uR"(CREATE TABLE risk_models (
                version INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('lr', 'gbdt')),
                features TEXT NOT NULL, bytes BLOB NOT NULL, active INTEGER NOT NULL DEFAULT 0,
                trained_until_ms INTEGER NOT NULL, train_rows INTEGER NOT NULL, train_positives INTEGER NOT NULL,
                eval_rows INTEGER NOT NULL, eval_positives INTEGER NOT NULL, auc REAL, recall_at_1pct REAL,
                created_by TEXT NOT NULL, created_ms INTEGER NOT NULL, activated_ms INTEGER))"_s,
            u"CREATE UNIQUE INDEX risk_models_active ON risk_models (active) WHERE active = 1"_s,
            // bumped by every change of rule sets, lists and the active model: a node's parsed policy is current
            // while its generation is the row's
            u"CREATE TABLE risk_policy (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)"_s,
            u"INSERT INTO risk_policy (id, generation) VALUES (1, 1)"_s,
            u"ALTER TABLE payments ADD COLUMN held_ms INTEGER"_s,
            u"ALTER TABLE payment_attempts ADD COLUMN hold_review INTEGER NOT NULL DEFAULT 0"_s,
        },
        // v10 -> v11: a model's curves on the window it did not see, for the console's charts
        {
            u"ALTER TABLE risk_models ADD COLUMN evaluation TEXT"_s,
        },
    };
    return all;
}

Status backup(QSqlDatabase& db, const QString& path, int fromVersion, const Clock& clock, QString* backupPath)
{
    const QString stamp = clock.now().toString(u"yyyyMMdd-HHmmss"_s);
    const QString target = u"%1.v%2-%3.bak"_s.arg(path).arg(fromVersion).arg(stamp);
    if (QFile::exists(target))
        return Error::store(ErrorCode::StoreIo, u"backup file already exists: "_s + target);
    if (auto s = exec(db, u"VACUUM INTO ?"_s, {target}); !s)
        return s;
    qCInfo(lcMigrations).noquote() << "backed up schema" << fromVersion << "store to" << target;
    if (backupPath)
        *backupPath = target;
    return {};
}

} // namespace

const QList<QStringList>& Migrations::shipped()
{
    return shippedSteps();
}

int Migrations::currentVersion()
{
    return int(shippedSteps().size());
}

Result<int> Migrations::versionOf(QSqlDatabase& db)
{
    auto appId = scalar(db, u"PRAGMA application_id"_s);
    if (!appId)
        return appId.error();
    auto version = scalar(db, u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    auto tables = scalar(db, u"SELECT count(*) FROM sqlite_schema"_s);
    if (!tables)
        return tables.error();
    if (appId->toInt() == 0 && tables->toInt() == 0)
        return 0; // a new, empty file
    if (appId->toInt() != ApplicationId)
        return Error::store(ErrorCode::StoreCorrupt, u"this SQLite file is not a Souk store"_s);
    return version->toInt();
}

Status Migrations::migrate(QSqlDatabase& db, const QString& path, const Clock& clock, QString* backupPath)
{
    return migrateWith(shippedSteps(), db, path, clock, backupPath);
}

Status Migrations::migrateWith(const QList<QStringList>& steps, QSqlDatabase& db, const QString& path,
                               const Clock& clock, QString* backupPath)
{
    auto from = versionOf(db);
    if (!from)
        return from.error();
    const int target = int(steps.size());
    if (*from > target) {
        return Error::store(
            ErrorCode::StoreNewer,
            u"the store was written by a newer Souk (schema %1; this version reads up to %2)"_s.arg(*from).arg(target));
    }
    if (*from == target)
        return {};
    if (*from > 0 && backupPath) {
        if (auto s = backup(db, path, *from, clock, backupPath); !s)
            return s;
    }
    for (int v = *from; v < target; ++v) {
        if (!db.transaction())
            return sqlError(db.lastError(), u"starting migration"_s);
        Status status;
        for (const QString& sql : steps.at(v)) {
            status = exec(db, sql);
            if (!status)
                break;
        }
        if (status)
            status = exec(db, u"PRAGMA application_id = %1"_s.arg(ApplicationId));
        if (status)
            status = exec(db, u"PRAGMA user_version = %1"_s.arg(v + 1));
        if (!status) {
            db.rollback();
            return status;
        }
        if (!db.commit())
            return sqlError(db.lastError(), u"committing migration"_s);
        qCInfo(lcMigrations) << "migrated store schema" << v << "->" << v + 1;
    }
    return {};
}

} // namespace souk::store
