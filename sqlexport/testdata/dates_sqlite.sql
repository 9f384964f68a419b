-- retain model: P(churn = yes), threshold 0.5, dialect sqlite
WITH date_text AS MATERIALIZED (
  SELECT c.*,
    TRIM(CAST("signup" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS "retain_t_0"
  FROM "shop"."users" AS c
),
date_shape AS MATERIALIZED (
  SELECT c.*,
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("retain_t_0", '0', '9'), '1', '9'), '2', '9'), '3', '9'), '4', '9'), '5', '9'), '6', '9'), '7', '9'), '8', '9') AS "retain_s_0"
  FROM date_text AS c
),
date_run1 AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN SUBSTR("retain_s_0", 1, 4) = '9999' THEN 4 WHEN SUBSTR("retain_s_0", 1, 3) = '999' THEN 3 WHEN SUBSTR("retain_s_0", 1, 2) = '99' THEN 2 WHEN SUBSTR("retain_s_0", 1, 1) = '9' THEN 1 ELSE 0 END AS "retain_a_0"
  FROM date_shape AS c
),
date_run2 AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN SUBSTR("retain_s_0", "retain_a_0" + 2, 2) = '99' THEN 2 WHEN SUBSTR("retain_s_0", "retain_a_0" + 2, 1) = '9' THEN 1 ELSE 0 END AS "retain_b_0"
  FROM date_run1 AS c
),
date_run3 AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 3, 4) = '9999' THEN 4 WHEN SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 3, 3) = '999' THEN 3 WHEN SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 3, 2) = '99' THEN 2 WHEN SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 3, 1) = '9' THEN 1 ELSE 0 END AS "retain_c_0"
  FROM date_run2 AS c
),
date_rest AS MATERIALIZED (
  SELECT c.*,
    SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + "retain_c_0" + 3) AS "retain_r_0",
    SUBSTR("retain_t_0", "retain_a_0" + "retain_b_0" + "retain_c_0" + 3) AS "retain_rt_0"
  FROM date_run3 AS c
),
date_zone AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN LENGTH("retain_r_0") > 1 AND SUBSTR("retain_r_0", LENGTH("retain_r_0") - 0, 1) = 'Z' THEN 1 WHEN LENGTH("retain_r_0") > 4 AND SUBSTR("retain_r_0", LENGTH("retain_r_0") - 3, 4) IN (' UTC', ' GMT') THEN 4 WHEN LENGTH("retain_r_0") > 6 AND SUBSTR("retain_r_0", LENGTH("retain_r_0") - 5, 6) IN ('+99:99', '-99:99', ' +9999', ' -9999') THEN 6 WHEN LENGTH("retain_r_0") > 5 AND SUBSTR("retain_r_0", LENGTH("retain_r_0") - 4, 5) IN ('+9999', '-9999') THEN 5 WHEN LENGTH("retain_r_0") > 3 AND SUBSTR("retain_r_0", LENGTH("retain_r_0") - 2, 3) IN ('+99', '-99') THEN 3 ELSE 0 END AS "retain_zl_0"
  FROM date_rest AS c
),
date_clock AS MATERIALIZED (
  SELECT c.*,
    SUBSTR("retain_r_0", 2, MAX(LENGTH("retain_r_0") - 1 - "retain_zl_0", 0)) AS "retain_k_0"
  FROM date_zone AS c
),
date_form AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN LENGTH(REPLACE("retain_s_0", '9', '')) = 0 AND LENGTH("retain_s_0") IN (9, 10) THEN 1 WHEN LENGTH(REPLACE("retain_s_0", '9', '')) = 0 AND LENGTH("retain_s_0") IN (12, 13) THEN 2 WHEN LENGTH(REPLACE("retain_s_0", '9', '')) = 0 AND LENGTH("retain_s_0") = 8 THEN 5 WHEN "retain_a_0" = 4 AND SUBSTR("retain_s_0", "retain_a_0" + 1, 1) IN ('-', '/', '.') AND "retain_b_0" >= 1 AND SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 2, 1) = SUBSTR("retain_s_0", "retain_a_0" + 1, 1) AND "retain_c_0" BETWEEN 1 AND 2 AND (LENGTH("retain_r_0") = 0 OR SUBSTR("retain_r_0", 1, 1) IN (' ', 'T') AND ("retain_k_0" IN ('9:99', '99:99', '9:99:99', '99:99:99') OR SUBSTR("retain_k_0", 1, 8) = '9:99:99.' AND LENGTH(SUBSTR("retain_k_0", 9)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR("retain_k_0", 9), '9', '')) = 0 OR SUBSTR("retain_k_0", 1, 9) = '99:99:99.' AND LENGTH(SUBSTR("retain_k_0", 10)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR("retain_k_0", 10), '9', '')) = 0) AND ((CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) = 1 OR SUBSTR("retain_rt_0", 2, 2) <= '23') AND SUBSTR("retain_rt_0", (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 3, 2) <= '59' AND (LENGTH("retain_k_0") <= (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 3 OR SUBSTR("retain_rt_0", (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 6, 2) <= '60') AND ("retain_zl_0" IN (0, 1, 4) OR SUBSTR("retain_rt_0", (CASE WHEN SUBSTR("retain_r_0", LENGTH("retain_r_0") - 2, 1) = ':' THEN LENGTH("retain_r_0") - 4 WHEN "retain_zl_0" = 3 THEN LENGTH("retain_r_0") - 1 ELSE LENGTH("retain_r_0") - 3 END), 2) <= '23' AND ("retain_zl_0" = 3 OR SUBSTR("retain_rt_0", LENGTH("retain_r_0") - 1, 2) <= '59'))) THEN 3 WHEN "retain_a_0" = 4 AND SUBSTR("retain_s_0", "retain_a_0" + 1, 1) = '年' AND "retain_b_0" >= 1 AND SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 2, 1) = '月' AND "retain_c_0" BETWEEN 1 AND 2 AND SUBSTR("retain_r_0", 1, 1) = '日' AND (LENGTH(SUBSTR("retain_r_0", 2)) = 0 OR SUBSTR(SUBSTR("retain_r_0", 2), 1, 1) = ' ' AND "retain_zl_0" = 0 AND (SUBSTR("retain_r_0", 3) IN ('9:99', '99:99', '9:99:99', '99:99:99') OR SUBSTR(SUBSTR("retain_r_0", 3), 1, 8) = '9:99:99.' AND LENGTH(SUBSTR(SUBSTR("retain_r_0", 3), 9)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR(SUBSTR("retain_r_0", 3), 9), '9', '')) = 0 OR SUBSTR(SUBSTR("retain_r_0", 3), 1, 9) = '99:99:99.' AND LENGTH(SUBSTR(SUBSTR("retain_r_0", 3), 10)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR(SUBSTR("retain_r_0", 3), 10), '9', '')) = 0) AND ((CASE WHEN SUBSTR(SUBSTR("retain_r_0", 2), 3, 1) = '9' THEN 2 ELSE 1 END) = 1 OR SUBSTR(SUBSTR("retain_rt_0", 2), 2, 2) <= '23') AND SUBSTR(SUBSTR("retain_rt_0", 2), (CASE WHEN SUBSTR(SUBSTR("retain_r_0", 2), 3, 1) = '9' THEN 2 ELSE 1 END) + 3, 2) <= '59' AND (LENGTH(SUBSTR("retain_r_0", 3)) <= (CASE WHEN SUBSTR(SUBSTR("retain_r_0", 2), 3, 1) = '9' THEN 2 ELSE 1 END) + 3 OR SUBSTR(SUBSTR("retain_rt_0", 2), (CASE WHEN SUBSTR(SUBSTR("retain_r_0", 2), 3, 1) = '9' THEN 2 ELSE 1 END) + 6, 2) <= '60')) THEN 3 WHEN "retain_a_0" BETWEEN 1 AND 2 AND SUBSTR("retain_s_0", "retain_a_0" + 1, 1) IN ('-', '/', '.') AND "retain_b_0" >= 1 AND SUBSTR("retain_s_0", "retain_a_0" + "retain_b_0" + 2, 1) = SUBSTR("retain_s_0", "retain_a_0" + 1, 1) AND "retain_c_0" = 4 AND (LENGTH("retain_r_0") = 0 OR SUBSTR("retain_r_0", 1, 1) = ' ' AND "retain_zl_0" = 0 AND ("retain_k_0" IN ('9:99', '99:99', '9:99:99', '99:99:99') OR SUBSTR("retain_k_0", 1, 8) = '9:99:99.' AND LENGTH(SUBSTR("retain_k_0", 9)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR("retain_k_0", 9), '9', '')) = 0 OR SUBSTR("retain_k_0", 1, 9) = '99:99:99.' AND LENGTH(SUBSTR("retain_k_0", 10)) BETWEEN 1 AND 9 AND LENGTH(REPLACE(SUBSTR("retain_k_0", 10), '9', '')) = 0) AND ((CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) = 1 OR SUBSTR("retain_rt_0", 2, 2) <= '23') AND SUBSTR("retain_rt_0", (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 3, 2) <= '59' AND (LENGTH("retain_k_0") <= (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 3 OR SUBSTR("retain_rt_0", (CASE WHEN SUBSTR("retain_r_0", 3, 1) = '9' THEN 2 ELSE 1 END) + 6, 2) <= '60')) THEN 4 ELSE 0 END AS "retain_f_0"
  FROM date_clock AS c
),
date_parts AS MATERIALIZED (
  SELECT c.*,
    CASE "retain_f_0" WHEN 5 THEN CAST(SUBSTR("retain_t_0", 1, 4) AS REAL) WHEN 3 THEN CAST(SUBSTR("retain_t_0", 1, "retain_a_0") AS REAL) WHEN 4 THEN CAST(SUBSTR("retain_t_0", 1, "retain_a_0") AS REAL) END AS "retain_n1_0",
    CASE "retain_f_0" WHEN 5 THEN CAST(SUBSTR("retain_t_0", 5, 2) AS REAL) WHEN 3 THEN CAST(SUBSTR("retain_t_0", "retain_a_0" + 2, "retain_b_0") AS REAL) WHEN 4 THEN CAST(SUBSTR("retain_t_0", "retain_a_0" + 2, "retain_b_0") AS REAL) END AS "retain_n2_0",
    CASE "retain_f_0" WHEN 5 THEN CAST(SUBSTR("retain_t_0", 7, 2) AS REAL) WHEN 3 THEN CAST(SUBSTR("retain_t_0", "retain_a_0" + "retain_b_0" + 3, "retain_c_0") AS REAL) WHEN 4 THEN CAST(SUBSTR("retain_t_0", "retain_a_0" + "retain_b_0" + 3, "retain_c_0") AS REAL) END AS "retain_n3_0"
  FROM date_form AS c
),
date_valid AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN "retain_n1_0" >= 1.0 AND "retain_n2_0" BETWEEN 1.0 AND 12.0 AND "retain_n3_0" >= 1.0 AND "retain_n3_0" <= (CASE WHEN "retain_n2_0" = 2.0 THEN (CASE WHEN ("retain_n1_0" = 4.0 * CAST("retain_n1_0" / 4.0 AS INTEGER) AND "retain_n1_0" <> 100.0 * CAST("retain_n1_0" / 100.0 AS INTEGER) OR "retain_n1_0" = 400.0 * CAST("retain_n1_0" / 400.0 AS INTEGER)) THEN 29.0 ELSE 28.0 END) WHEN "retain_n2_0" IN (4.0, 6.0, 9.0, 11.0) THEN 30.0 ELSE 31.0 END) THEN 1 ELSE 0 END AS "retain_ymd_0",
    CASE WHEN "retain_n3_0" >= 1.0 AND "retain_n2_0" BETWEEN 1.0 AND 12.0 AND "retain_n1_0" >= 1.0 AND "retain_n1_0" <= (CASE WHEN "retain_n2_0" = 2.0 THEN (CASE WHEN ("retain_n3_0" = 4.0 * CAST("retain_n3_0" / 4.0 AS INTEGER) AND "retain_n3_0" <> 100.0 * CAST("retain_n3_0" / 100.0 AS INTEGER) OR "retain_n3_0" = 400.0 * CAST("retain_n3_0" / 400.0 AS INTEGER)) THEN 29.0 ELSE 28.0 END) WHEN "retain_n2_0" IN (4.0, 6.0, 9.0, 11.0) THEN 30.0 ELSE 31.0 END) THEN 1 ELSE 0 END AS "retain_dmy_0",
    CASE WHEN "retain_n3_0" >= 1.0 AND "retain_n1_0" BETWEEN 1.0 AND 12.0 AND "retain_n2_0" >= 1.0 AND "retain_n2_0" <= (CASE WHEN "retain_n1_0" = 2.0 THEN (CASE WHEN ("retain_n3_0" = 4.0 * CAST("retain_n3_0" / 4.0 AS INTEGER) AND "retain_n3_0" <> 100.0 * CAST("retain_n3_0" / 100.0 AS INTEGER) OR "retain_n3_0" = 400.0 * CAST("retain_n3_0" / 400.0 AS INTEGER)) THEN 29.0 ELSE 28.0 END) WHEN "retain_n1_0" IN (4.0, 6.0, 9.0, 11.0) THEN 30.0 ELSE 31.0 END) THEN 1 ELSE 0 END AS "retain_mdy_0"
  FROM date_parts AS c
),
date_days AS MATERIALIZED (
  SELECT c.*,
    CASE WHEN "retain_f_0" = 1 THEN CAST(CAST("retain_t_0" AS REAL) / 86400.0 AS INTEGER) WHEN "retain_f_0" = 2 THEN CAST(CAST("retain_t_0" AS REAL) / 86400000.0 AS INTEGER) WHEN "retain_f_0" IN (3, 5) AND "retain_ymd_0" = 1 THEN (365.0 * ("retain_n1_0" - (CASE WHEN "retain_n2_0" <= 2.0 THEN 1.0 ELSE 0.0 END)) + CAST(("retain_n1_0" - (CASE WHEN "retain_n2_0" <= 2.0 THEN 1.0 ELSE 0.0 END)) / 4.0 AS INTEGER) - CAST(("retain_n1_0" - (CASE WHEN "retain_n2_0" <= 2.0 THEN 1.0 ELSE 0.0 END)) / 100.0 AS INTEGER) + CAST(("retain_n1_0" - (CASE WHEN "retain_n2_0" <= 2.0 THEN 1.0 ELSE 0.0 END)) / 400.0 AS INTEGER) + CAST((153.0 * ("retain_n2_0" + 12.0 * (CASE WHEN "retain_n2_0" <= 2.0 THEN 1.0 ELSE 0.0 END) - 3.0) + 2.0) / 5.0 AS INTEGER) + "retain_n3_0" - 719469.0) END AS "retain_day_0",
    CASE WHEN "retain_f_0" IN (3, 5) AND NOT "retain_ymd_0" = 1 OR "retain_f_0" = 4 AND "retain_dmy_0" = 0 AND "retain_mdy_0" = 0 THEN 1 ELSE 0 END AS "retain_bad_0"
  FROM date_valid AS c
),
inputs AS MATERIALIZED (
  SELECT "user_id" AS id, 
  (CASE WHEN ("signup" IS NULL OR LOWER(TRIM(CAST("signup" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("signup" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN -0.1388888888888889 WHEN ("retain_bad_0" = 1 OR "retain_day_0" IS NOT NULL) THEN (((19753.0 - MIN(MAX((CASE WHEN "retain_bad_0" = 1 THEN 19478.0 ELSE "retain_day_0" END), 10957.0), 19753.0)) - 400.0) / 900.0) END) AS x0,
  CASE WHEN (("signup" IS NULL OR LOWER(TRIM(CAST("signup" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("signup" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') OR "retain_bad_0" = 1) THEN 1.0 ELSE 0.0 END AS x1,
  (CASE WHEN ("spend" IS NULL OR LOWER(TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.3333333333333333 WHEN (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') IN ('', 'e', 'e+', 'e-', 'E', 'E+', 'E-', '.', '.e', '.e+', '.e-', '.E', '.E+', '.E-', '+', '+e', '+e+', '+e-', '+E', '+E+', '+E-', '+.', '+.e', '+.e+', '+.e-', '+.E', '+.E+', '+.E-', '-', '-e', '-e+', '-e-', '-E', '-E+', '-E-', '-.', '-.e', '-.e+', '-.e-', '-.E', '-.E+', '-.E-') AND TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[0-9.][+-]*' AND (TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*' AND TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[eE]*' OR TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*[eE]*[0-9]')) THEN ((CAST(TRIM(CAST("spend" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS REAL) - 40.0) / 30.0) END) AS x2
  FROM date_days
),
layer1_z AS MATERIALIZED (
  SELECT id, (1.5 * x0
    + -0.75 * x1
    + 0.2 * x2)
    + 0.1 AS z0,
  (-0.5 * x0
    + 1.25 * x1
    + 0.3 * x2)
    + -0.2 AS z1
  FROM inputs
),
layer1 AS MATERIALIZED (
  SELECT id, 
  2.0 / (1.0 + EXP(MIN(MAX(-2.0 * z0, -700.0), 700.0))) - 1.0 AS h0,
  2.0 / (1.0 + EXP(MIN(MAX(-2.0 * z1, -700.0), 700.0))) - 1.0 AS h1
  FROM layer1_z
),
layer2_z AS MATERIALIZED (
  SELECT id, (1.2 * h0
    + -0.9 * h1)
    + 0.05 AS z0
  FROM layer1
),
layer2 AS MATERIALIZED (
  SELECT id, 
  1.0 / (1.0 + EXP(MIN(MAX(-(z0), -700.0), 700.0))) AS p
  FROM layer2_z
),
scores AS MATERIALIZED (
  SELECT id, p AS probability
  FROM layer2
)
SELECT id AS "user_id",
  probability AS "probability_churn_yes",
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.5 THEN 'yes' ELSE 'no' END AS "predicted_churn"
FROM scores
ORDER BY id;
