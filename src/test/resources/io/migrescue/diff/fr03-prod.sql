-- Field report 03, production: no availability system, description_validated_at with time zone, and the
-- usage_flags column an urgent production-only migration added.
CREATE TABLE products (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), category_id uuid REFERENCES categories (id),
    name text NOT NULL, description text, description_validated_at timestamp with time zone,
    is_active boolean NOT NULL DEFAULT true, is_available boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE store_settings (id integer PRIMARY KEY DEFAULT 1, store_name text NOT NULL, delivery_fee numeric(10, 2) NOT NULL DEFAULT 0,
    service_fee numeric(10, 2) NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now(), usage_flags jsonb);
