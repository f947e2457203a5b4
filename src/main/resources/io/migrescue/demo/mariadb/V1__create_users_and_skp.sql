CREATE TABLE users (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE skp_tahunan (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  approved_by BIGINT UNSIGNED NULL,
  tahun INT NOT NULL,
  CONSTRAINT fk_skp_tahunan_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_skp_tahunan_approved_by FOREIGN KEY (approved_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB;
INSERT INTO users (name) VALUES ('ana'), ('budi'), ('citra');
INSERT INTO skp_tahunan (user_id, approved_by, tahun) VALUES (1, 2, 2025), (2, NULL, 2025), (3, 1, 2026);
