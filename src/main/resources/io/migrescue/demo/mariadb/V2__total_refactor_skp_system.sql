-- keep the old rows aside while the table is rebuilt
RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1;

CREATE TABLE skp_tahunan (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  approved_by BIGINT UNSIGNED NULL,
  tahun INT NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'draft',
  CONSTRAINT fk_skp_tahunan_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_skp_tahunan_approved_by FOREIGN KEY (approved_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO skp_tahunan (id, user_id, approved_by, tahun)
SELECT id, user_id, approved_by, tahun FROM skp_tahunan_backup_v1;

CREATE INDEX idx_skp_tahunan_status ON skp_tahunan (status);
