-- retain model: P(churn = yes), threshold 0.35, dialect mysql
WITH inputs AS (
  SELECT `user_id` AS id, 
  CAST((CASE WHEN (`age` IS NULL OR LOWER(REGEXP_REPLACE(CAST(`age` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(`age` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.7735948817940586 WHEN REGEXP_LIKE(REGEXP_REPLACE(CAST(`age` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ((LN(1.0 + GREATEST(LEAST(GREATEST(CAST(REGEXP_REPLACE(CAST(`age` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin AS DOUBLE), 18.0), 80.0), 0.0)) - 1.5) / 2.5) END) AS DOUBLE) AS x0,
  CAST((CASE WHEN (`visits` IS NULL OR LOWER(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.25 WHEN REGEXP_LIKE(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ((LEAST(GREATEST(CAST(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin AS DOUBLE), 0.0), 10.0) - 1.0) / 4.0) END) AS DOUBLE) AS x1,
  CAST(CASE WHEN (`visits` IS NULL OR LOWER(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(`visits` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 1.0 ELSE 0.0 END AS DOUBLE) AS x2,
  CAST(CASE WHEN REGEXP_REPLACE(CAST(`plan` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin = 'it''s pro' THEN 1.0 ELSE 0.0 END AS DOUBLE) AS x3,
  CAST(CASE WHEN (`plan` IS NULL OR LOWER(REGEXP_REPLACE(CAST(`plan` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN REGEXP_REPLACE(CAST(`plan` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin IN ('it''s pro') THEN 0.0 ELSE 1.0 END AS DOUBLE) AS x4,
  CAST((CASE WHEN (`member` IS NULL OR LOWER(REGEXP_REPLACE(CAST(`member` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1.0 ELSE (((CASE LOWER(REGEXP_REPLACE(CAST(`member` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) WHEN 'no' THEN 0.0 WHEN 'yes' THEN 1.0 WHEN 'false' THEN 0.0 WHEN 'true' THEN 1.0 WHEN 'n' THEN 0.0 WHEN 'y' THEN 1.0 WHEN 'f' THEN 0.0 WHEN 't' THEN 1.0 WHEN '0' THEN 0.0 WHEN '1' THEN 1.0 WHEN '否' THEN 0.0 WHEN '是' THEN 1.0 WHEN '假' THEN 0.0 WHEN '真' THEN 1.0 ELSE NULL END) - 0.0) / 1.0) END) AS DOUBLE) AS x5
  FROM `shop`.`users`
  LIMIT 18446744073709551615
),
layer1_z AS (
  SELECT id, (0.5 * x0
    + -1.25 * x1
    + 3e-07 * x2
    + 0.1 * x3
    + -0.2 * x4
    + 2.0 * x5)
    + 0.1 AS z0,
  (1.0 * x0
    + 1.0 * x1
    + -1.0 * x2
    + 0.3333333333333333 * x3
    + 0.0 * x4
    + -0.75 * x5)
    + -0.05 AS z1
  FROM inputs
  LIMIT 18446744073709551615
),
layer1 AS (
  SELECT id, 
  GREATEST(z0, 0.0) AS h0,
  GREATEST(z1, 0.0) AS h1
  FROM layer1_z
  LIMIT 18446744073709551615
),
layer2_z AS (
  SELECT id, (1.5 * h0
    + -2.0 * h1)
    + 0.25 AS z0
  FROM layer1
  LIMIT 18446744073709551615
),
layer2 AS (
  SELECT id, 
  1.0 / (1.0 + EXP(LEAST(GREATEST(-(z0), -700.0), 700.0))) AS p
  FROM layer2_z
  LIMIT 18446744073709551615
),
scores AS (
  SELECT id, 1.0 / (1.0 + EXP(LEAST(GREATEST(-1.1 * LN(LEAST(GREATEST(p, 1e-12), 0.999999999999) / (1.0 - LEAST(GREATEST(p, 1e-12), 0.999999999999))) + 0.2, -700.0), 700.0))) AS probability
  FROM layer2
  LIMIT 18446744073709551615
)
SELECT id AS `user_id`,
  probability AS `probability_churn_yes`,
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.35 THEN 'yes' ELSE 'no' END AS `predicted_churn`
FROM scores
ORDER BY id;
