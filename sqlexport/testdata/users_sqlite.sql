-- retain model: P(churn = yes), threshold 0.35, dialect sqlite
WITH inputs AS MATERIALIZED (
  SELECT "user_id" AS id, 
  (CASE WHEN ("age" IS NULL OR LOWER(TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.7735948817940586 WHEN (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') IN ('', 'e', 'e+', 'e-', 'E', 'E+', 'E-', '.', '.e', '.e+', '.e-', '.E', '.E+', '.E-', '+', '+e', '+e+', '+e-', '+E', '+E+', '+E-', '+.', '+.e', '+.e+', '+.e-', '+.E', '+.E+', '+.E-', '-', '-e', '-e+', '-e-', '-E', '-E+', '-E-', '-.', '-.e', '-.e+', '-.e-', '-.E', '-.E+', '-.E-') AND TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[0-9.][+-]*' AND (TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*' AND TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[eE]*' OR TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*[eE]*[0-9]')) THEN ((LN(1.0 + MAX(MIN(MAX(CAST(TRIM(CAST("age" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS REAL), 18.0), 80.0), 0.0)) - 1.5) / 2.5) END) AS x0,
  (CASE WHEN ("visits" IS NULL OR LOWER(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.25 WHEN (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') IN ('', 'e', 'e+', 'e-', 'E', 'E+', 'E-', '.', '.e', '.e+', '.e-', '.E', '.E+', '.E-', '+', '+e', '+e+', '+e-', '+E', '+E+', '+E-', '+.', '+.e', '+.e+', '+.e-', '+.E', '+.E+', '+.E-', '-', '-e', '-e+', '-e-', '-E', '-E+', '-E-', '-.', '-.e', '-.e+', '-.e-', '-.E', '-.E+', '-.E-') AND TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[0-9.][+-]*' AND (TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*' AND TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) NOT GLOB '*[eE]*' OR TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) GLOB '*[0-9]*[eE]*[0-9]')) THEN ((MIN(MAX(CAST(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) AS REAL), 0.0), 10.0) - 1.0) / 4.0) END) AS x1,
  CASE WHEN ("visits" IS NULL OR LOWER(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST("visits" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 1.0 ELSE 0.0 END AS x2,
  CASE WHEN TRIM(CAST("plan" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) = 'it''s pro' THEN 1.0 ELSE 0.0 END AS x3,
  CASE WHEN ("plan" IS NULL OR LOWER(TRIM(CAST("plan" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN TRIM(CAST("plan" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)) IN ('it''s pro') THEN 0.0 ELSE 1.0 END AS x4,
  (CASE WHEN ("member" IS NULL OR LOWER(TRIM(CAST("member" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1.0 ELSE (((CASE LOWER(TRIM(CAST("member" AS TEXT), char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288))) WHEN 'no' THEN 0.0 WHEN 'yes' THEN 1.0 WHEN 'false' THEN 0.0 WHEN 'true' THEN 1.0 WHEN 'n' THEN 0.0 WHEN 'y' THEN 1.0 WHEN 'f' THEN 0.0 WHEN 't' THEN 1.0 WHEN '0' THEN 0.0 WHEN '1' THEN 1.0 WHEN '否' THEN 0.0 WHEN '是' THEN 1.0 WHEN '假' THEN 0.0 WHEN '真' THEN 1.0 ELSE NULL END) - 0.0) / 1.0) END) AS x5
  FROM "shop"."users"
),
layer1_z AS MATERIALIZED (
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
),
layer1 AS MATERIALIZED (
  SELECT id, 
  MAX(z0, 0.0) AS h0,
  MAX(z1, 0.0) AS h1
  FROM layer1_z
),
layer2_z AS MATERIALIZED (
  SELECT id, (1.5 * h0
    + -2.0 * h1)
    + 0.25 AS z0
  FROM layer1
),
layer2 AS MATERIALIZED (
  SELECT id, 
  1.0 / (1.0 + EXP(MIN(MAX(-(z0), -700.0), 700.0))) AS p
  FROM layer2_z
),
scores AS MATERIALIZED (
  SELECT id, 1.0 / (1.0 + EXP(MIN(MAX(-1.1 * LN(MIN(MAX(p, 1e-12), 0.999999999999) / (1.0 - MIN(MAX(p, 1e-12), 0.999999999999))) + 0.2, -700.0), 700.0))) AS probability
  FROM layer2
)
SELECT id AS "user_id",
  probability AS "probability_churn_yes",
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.35 THEN 'yes' ELSE 'no' END AS "predicted_churn"
FROM scores
ORDER BY id;
