CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, total NUMERIC(10,2) NOT NULL);
INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'budi@example.com');
INSERT INTO orders (id, user_id, total) VALUES (10, 1, 5.00), (11, 2, 7.50), (12, 99, 1.00), (13, 98, 2.00), (14, NULL, 3.00), (15, 99, 4.00);
