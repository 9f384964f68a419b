-- retain model: P(churn = yes), threshold 0.35, dialect postgres
WITH inputs AS MATERIALIZED (
  SELECT "user_id" AS id, 
  (CASE WHEN ("age" IS NULL OR LOWER(BTRIM(CAST("age" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(BTRIM(CAST("age" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.7735948817940586 WHEN (BTRIM(CAST("age" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ((LN(1.0 + GREATEST(LEAST(GREATEST(CAST(BTRIM(CAST("age" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS DOUBLE PRECISION), 18.0), 80.0), 0.0)) - 1.5) / 2.5) END) AS x0,
  (CASE WHEN ("visits" IS NULL OR LOWER(BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 0.25 WHEN (BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ((LEAST(GREATEST(CAST(BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS DOUBLE PRECISION), 0.0), 10.0) - 1.0) / 4.0) END) AS x1,
  CASE WHEN ("visits" IS NULL OR LOWER(BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失') OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(BTRIM(CAST("visits" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '-', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', '') = '') THEN 1.0 ELSE 0.0 END AS x2,
  CASE WHEN BTRIM(CAST("plan" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') = 'it''s pro' THEN 1.0 ELSE 0.0 END AS x3,
  CASE WHEN ("plan" IS NULL OR LOWER(BTRIM(CAST("plan" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN BTRIM(CAST("plan" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') IN ('it''s pro') THEN 0.0 ELSE 1.0 END AS x4,
  (CASE WHEN ("member" IS NULL OR LOWER(BTRIM(CAST("member" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1.0 ELSE (((CASE LOWER(BTRIM(CAST("member" AS TEXT), E'\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) WHEN 'no' THEN 0.0 WHEN 'yes' THEN 1.0 WHEN 'false' THEN 0.0 WHEN 'true' THEN 1.0 WHEN 'n' THEN 0.0 WHEN 'y' THEN 1.0 WHEN 'f' THEN 0.0 WHEN 't' THEN 1.0 WHEN '0' THEN 0.0 WHEN '1' THEN 1.0 WHEN '否' THEN 0.0 WHEN '是' THEN 1.0 WHEN '假' THEN 0.0 WHEN '真' THEN 1.0 ELSE NULL END) - 0.0) / 1.0) END) AS x5
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
  CASE WHEN z0 > 0.0 THEN z0 WHEN z0 <= 0.0 THEN 0.0 END AS h0,
  CASE WHEN z1 > 0.0 THEN z1 WHEN z1 <= 0.0 THEN 0.0 END AS h1
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
  1.0 / (1.0 + EXP(CASE WHEN -(z0) < -700.0 THEN -700.0 WHEN -(z0) > 700.0 THEN 700.0 ELSE -(z0) END)) AS p
  FROM layer2_z
),
scores AS MATERIALIZED (
  SELECT id, 1.0 / (1.0 + EXP(CASE WHEN -1.1 * LN(CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END / (1.0 - CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END)) + 0.2 < -700.0 THEN -700.0 WHEN -1.1 * LN(CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END / (1.0 - CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END)) + 0.2 > 700.0 THEN 700.0 ELSE -1.1 * LN(CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END / (1.0 - CASE WHEN p < 1e-12 THEN 1e-12 WHEN p > 0.999999999999 THEN 0.999999999999 ELSE p END)) + 0.2 END)) AS probability
  FROM layer2
)
SELECT id AS "user_id",
  probability AS "probability_churn_yes",
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.35 THEN 'yes' ELSE 'no' END AS "predicted_churn"
FROM scores
ORDER BY id;
