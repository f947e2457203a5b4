-- Field report 03, development: the availability system (two tables production lacks), description_validated_at
-- without time zone, store_settings without usage_flags.
CREATE TABLE products (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), category_id uuid REFERENCES categories (id),
    name text NOT NULL, description text, description_validated_at timestamp without time zone,
    is_active boolean NOT NULL DEFAULT true, is_available boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE store_settings (id integer PRIMARY KEY DEFAULT 1, store_name text NOT NULL, delivery_fee numeric(10, 2) NOT NULL DEFAULT 0,
    service_fee numeric(10, 2) NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE availability_rules (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE, rule_type text NOT NULL
    CHECK (rule_type IN ('seasonal', 'date_range', 'day_of_week', 'time_based')),
    starts_on date, ends_on date, days_of_week integer[], is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX availability_rules_product_id_idx ON availability_rules (product_id) WHERE is_active;
CREATE TABLE availability_schedule (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    rule_id uuid REFERENCES availability_rules (id) ON DELETE SET NULL,
    scheduled_for timestamptz NOT NULL, action text NOT NULL, processed_at timestamptz);
