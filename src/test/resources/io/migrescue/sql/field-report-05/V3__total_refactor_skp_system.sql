-- Total refactor of the SKP system
-- (Laravel migration 2026_01_25_000000_total_refactor_skp_system, written out as SQL)

-- keep the old rows next to the new tables
RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1;
RENAME TABLE skp_tahunan_detail TO skp_tahunan_detail_backup_v1;

CREATE TABLE `skp_tahunan` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `user_id` bigint unsigned NOT NULL,
  `approved_by` bigint unsigned DEFAULT NULL,
  `tahun` year NOT NULL,
  `status` enum('DRAFT','DIAJUKAN','DISETUJUI','DITOLAK') COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'DRAFT',
  `catatan_atasan` text COLLATE utf8mb4_unicode_ci,
  `approved_at` timestamp NULL DEFAULT NULL,
  `created_at` timestamp NULL DEFAULT NULL,
  `updated_at` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `skp_tahunan_user_id_tahun_unique` (`user_id`,`tahun`),
  KEY `skp_tahunan_approved_by_index` (`approved_by`),
  CONSTRAINT `fk_skp_tahunan_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_skp_tahunan_approved_by` FOREIGN KEY (`approved_by`) REFERENCES `users` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `skp_tahunan_detail` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `skp_tahunan_id` bigint unsigned NOT NULL,
  `rhk_pimpinan_id` bigint unsigned NOT NULL,
  `uraian` text COLLATE utf8mb4_unicode_ci NOT NULL,
  `target` int unsigned NOT NULL DEFAULT '1',
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_skp_detail_skp` FOREIGN KEY (`skp_tahunan_id`) REFERENCES `skp_tahunan` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_skp_detail_rhk` FOREIGN KEY (`rhk_pimpinan_id`) REFERENCES `rhk_pimpinan` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO skp_tahunan (id, user_id, approved_by, tahun, status, created_at, updated_at)
SELECT id, user_id, approved_by, tahun, 'DRAFT', created_at, updated_at FROM skp_tahunan_backup_v1;

ALTER TABLE `rencana_aksi_bulanan`
  ADD COLUMN `skp_tahunan_detail_id` bigint unsigned NULL AFTER `id`,
  ADD CONSTRAINT `fk_rab_skp_detail` FOREIGN KEY (`skp_tahunan_detail_id`) REFERENCES `skp_tahunan_detail` (`id`) ON DELETE CASCADE,
  ALGORITHM=INPLACE, LOCK=NONE;
