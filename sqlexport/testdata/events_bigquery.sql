-- retain model: P(orders_again_90d = yes), threshold 0.5, dialect bigquery
-- note: the orders table's time column "ordered_at" is read as written year first ("2019-10-01", maybe with a time after it); a text cell in another of the forms retain predict reads (2019-10-01, 20191001, Unix time, 1/12/2010, 1 Dec 2019, Wed, 01 Dec 2019 10:11:12 +0000) is no date here: its line is left out, or the engine stops the query at a cast it cannot make (--time-format names the form the column is written in)
-- note: column "amount": a cell that is no number to retain ("abc", "1,2") makes its line no sale and leaves it out, where retain predict stops with an error naming its line
WITH order_lines AS (
  SELECT CASE WHEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = '.' AND STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') > 1 AND STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') < LENGTH(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) AND LENGTH(REPLACE(SUBSTR(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') + 1), '0', '')) = 0 THEN SUBSTR(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), 1, STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') - 1) ELSE TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') END AS customer,
    CAST(UNIX_DATE(CAST(SUBSTR(TRIM(CAST(src.`ordered_at` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), 1, 10) AS DATE)) AS FLOAT64) AS day,
    (CASE WHEN (src.`amount` IS NULL OR LOWER(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN (CASE WHEN REGEXP_CONTAINS(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ABS(CAST(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS FLOAT64)) <= 1.7976931348623157e308 ELSE 1 = 0 END) THEN CAST(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS FLOAT64) WHEN ((CASE WHEN REGEXP_CONTAINS(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ABS(CAST(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS FLOAT64)) <= 1.7976931348623157e308 ELSE 1 = 0 END) OR (CASE WHEN REGEXP_CONTAINS(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '^([+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[+-]?[$€£¥￥] ?[+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?|[(]((0([.,][0-9.,]*)?|[.1-9][0-9.,]*)([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[$€£¥￥] ?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?)[)])$') AND REGEXP_CONTAINS(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', ''), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') AND (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', '') NOT LIKE '%,%' OR REGEXP_CONTAINS(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), '^[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]*)?$')) THEN ABS(CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS FLOAT64)) <= 1.7976931348623157e308 ELSE 1 = 0 END)) THEN (CASE WHEN TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') LIKE '(%)' THEN -1.0 ELSE 1.0 END * CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`amount` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS FLOAT64)) END) AS amount,
    0.0 AS qty,
    COALESCE(TRIM(CAST(src.`invoice` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '') AS order_id
  FROM `shop`.`events` AS src
  WHERE LOWER(TRIM(CAST(src.`event_type` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('purchase', 'purchased', 'buy', 'bought', 'transaction', 'order', 'ordered', 'checkout', 'sale', '购买', '下单', '支付', '成交')
),
order_marks AS (
  SELECT customer, day, amount, qty, order_id,
    CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS sale,
    CASE WHEN amount < 0.0 AND qty >= 0.0 AND order_id <> '' AND NOT (LENGTH(order_id) > 1 AND UPPER(SUBSTR(order_id, 1, 1)) = 'C' AND LENGTH(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(SUBSTR(order_id, 2), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '')) = 0)
      AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS reduces,
    MAX(CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END) OVER (PARTITION BY customer, order_id) AS sold
  FROM order_lines
),
kept AS (
  SELECT customer, CASE WHEN sale = 1 THEN day END AS day, amount,
    CASE WHEN sale = 1 THEN qty ELSE 0.0 END AS qty, order_id FROM order_marks
  WHERE sale = 1 OR reduces = 1 AND sold = 1
),
orders_kept AS (
  SELECT customer, MIN(day) AS day, SUM(amount) AS amount, SUM(qty) AS qty FROM kept
  WHERE order_id <> '' GROUP BY customer, order_id
  UNION ALL
  SELECT customer, day, amount, qty FROM kept WHERE order_id = ''
),
cutoff AS (
  SELECT MAX(day) AS day FROM orders_kept
),
history AS (
  SELECT o.customer, o.day, o.amount, o.qty, c.day - o.day AS age
  FROM orders_kept o CROSS JOIN cutoff c WHERE o.day <= c.day
),
gaps AS (
  SELECT customer, day, amount, qty, age,
    day - LAG(day) OVER (PARTITION BY customer ORDER BY day) AS gap,
    (MAX(day) OVER (PARTITION BY customer) - MIN(day) OVER (PARTITION BY customer)) / NULLIF(COUNT(*) OVER (PARTITION BY customer) - 1.0, 0.0) AS gap_mean
  FROM history
),
event_lines AS (
  SELECT CASE WHEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = '.' AND STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') > 1 AND STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') < LENGTH(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) AND LENGTH(REPLACE(SUBSTR(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') + 1), '0', '')) = 0 THEN SUBSTR(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), 1, STRPOS(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), '.') - 1) ELSE TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') END AS customer, CAST(UNIX_DATE(CAST(SUBSTR(TRIM(CAST(src.`ordered_at` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000'), 1, 10) AS DATE)) AS FLOAT64) AS day,
    TRIM(CAST(src.`event_type` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') AS ev
  FROM `shop`.`events` AS src
  WHERE NOT LOWER(TRIM(CAST(src.`event_type` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('purchase', 'purchased', 'buy', 'bought', 'transaction', 'order', 'ordered', 'checkout', 'sale', '购买', '下单', '支付', '成交') AND TRIM(CAST(src.`event_type` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000') IN ('view', 'add to cart')
    AND NOT (src.`cust` IS NULL OR LOWER(TRIM(CAST(src.`cust` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!'))
),
customer_rows AS (
  SELECT customer AS customer, day AS day, amount AS amount, qty AS qty, age AS age, gap AS gap, gap_mean AS gap_mean, CAST(1 AS FLOAT64) AS is_order, CAST(NULL AS STRING) AS ev, CAST(NULL AS FLOAT64) AS ev_age
  FROM gaps
  UNION ALL
  SELECT e.customer AS customer, CAST(NULL AS FLOAT64) AS day, CAST(NULL AS FLOAT64) AS amount, CAST(NULL AS FLOAT64) AS qty, CAST(NULL AS FLOAT64) AS age, CAST(NULL AS FLOAT64) AS gap, CAST(NULL AS FLOAT64) AS gap_mean, CAST(0 AS FLOAT64) AS is_order, e.ev AS ev, c.day - e.day AS ev_age
  FROM event_lines e CROSS JOIN cutoff c WHERE e.day <= c.day
),
base AS (
  SELECT customer, SUM(is_order) AS n, MIN(age) AS recency, MAX(age) AS tenure,
    MAX(day) - MIN(day) AS span, SUM(amount) AS total, SUM(qty) AS units,
    SUM(CASE WHEN age < 30.0 THEN 1.0 ELSE 0.0 END) AS in_short,
    SUM(CASE WHEN age < 90.0 THEN 1.0 ELSE 0.0 END) AS in_long,
    SUM(CASE WHEN age < 30.0 THEN amount ELSE 0.0 END) AS recent,
    SUM(CASE WHEN age >= 30.0 AND age < 2.0 * 30.0 THEN amount ELSE 0.0 END) AS earlier,
    SUM((gap - gap_mean) * (gap - gap_mean)) AS ss,
    SUM(CASE WHEN ev = 'view' AND ev_age < 30.0 THEN 1.0 ELSE 0.0 END) AS ev0_short,
    SUM(CASE WHEN ev = 'view' AND ev_age < 90.0 THEN 1.0 ELSE 0.0 END) AS ev0_long,
    SUM(CASE WHEN ev = 'add to cart' AND ev_age < 30.0 THEN 1.0 ELSE 0.0 END) AS ev1_short,
    SUM(CASE WHEN ev = 'add to cart' AND ev_age < 90.0 THEN 1.0 ELSE 0.0 END) AS ev1_long
  FROM customer_rows GROUP BY customer
  HAVING SUM(is_order) > 0.0
),
intervals AS (
  SELECT customer, n, recency, tenure, total, units, in_short, in_long, recent, earlier, ss, ev0_short, ev0_long, ev1_short, ev1_long,
    CASE WHEN n >= 2.0 THEN span / (n - 1.0) ELSE tenure END AS interval_mean
  FROM base
),
features AS (
  SELECT customer AS id,
    CASE WHEN tenure < 90.0 THEN 'true' ELSE 'false' END AS short_history,
    recency AS `recency_days`,
    ev0_short AS `event_view_30d`,
    ev1_long AS `event_add_to_cart_90d`,
    CASE WHEN recent + earlier > 0.0 THEN (recent - earlier) / (recent + earlier) ELSE 0.0 END AS `spend_trend`,
    CASE WHEN n >= 2.0 THEN SQRT(COALESCE(ss, 0.0) / (n - 1.0)) ELSE 0.0 END AS `interval_std_days`
  FROM intervals
),
inputs AS (
  SELECT id, short_history, 
  (CASE WHEN (src.`recency_days` IS NULL OR LOWER(TRIM(CAST(src.`recency_days` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN 0.0 ELSE ((CAST(src.`recency_days` AS FLOAT64) - 0.0) / 10.0) END) AS x0,
  (CASE WHEN (src.`event_view_30d` IS NULL OR LOWER(TRIM(CAST(src.`event_view_30d` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.1 ELSE ((CAST(src.`event_view_30d` AS FLOAT64) - 1.0) / 10.0) END) AS x1,
  (CASE WHEN (src.`event_add_to_cart_90d` IS NULL OR LOWER(TRIM(CAST(src.`event_add_to_cart_90d` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.2 ELSE ((CAST(src.`event_add_to_cart_90d` AS FLOAT64) - 2.0) / 10.0) END) AS x2,
  (CASE WHEN (src.`spend_trend` IS NULL OR LOWER(TRIM(CAST(src.`spend_trend` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.3 ELSE ((CAST(src.`spend_trend` AS FLOAT64) - 3.0) / 10.0) END) AS x3,
  (CASE WHEN (src.`interval_std_days` IS NULL OR LOWER(TRIM(CAST(src.`interval_std_days` AS STRING), '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.4 ELSE ((CAST(src.`interval_std_days` AS FLOAT64) - 4.0) / 10.0) END) AS x4
  FROM features AS src
),
layer1_z AS (
  SELECT id, short_history, (1.0 * x0
    + -1.0 * x1
    + 0.5 * x2
    + 0.25 * x3
    + 2.0 * x4)
    + 0.0 AS z0,
  (-0.5 * x0
    + 0.125 * x1
    + 0.001 * x2
    + 3.0 * x3
    + 0.0 * x4)
    + 1.0 AS z1
  FROM inputs
),
layer1 AS (
  SELECT id, short_history, 
  2.0 / (1.0 + EXP(LEAST(GREATEST(-2.0 * z0, -700.0), 700.0))) - 1.0 AS h0,
  2.0 / (1.0 + EXP(LEAST(GREATEST(-2.0 * z1, -700.0), 700.0))) - 1.0 AS h1
  FROM layer1_z
),
layer2_z AS (
  SELECT id, short_history, (0.7 * h0
    + -0.7 * h1)
    + -0.1 AS z0
  FROM layer1
),
layer2 AS (
  SELECT id, short_history, 
  1.0 / (1.0 + EXP(LEAST(GREATEST(-(z0), -700.0), 700.0))) AS p
  FROM layer2_z
),
scores AS (
  SELECT id, short_history, CASE WHEN p <= 0.1 THEN 0.05 WHEN p >= 0.9 THEN 0.8
    WHEN p <= 0.4 THEN 0.05 + (p - 0.1) * (0.5 - 0.05) / (0.4 - 0.1)
    WHEN p <= 0.9 THEN 0.5 + (p - 0.4) * (0.8 - 0.5) / (0.9 - 0.4) END AS probability
  FROM layer2
)
SELECT id AS `cust`,
  probability AS `probability_orders_again_90d_yes`,
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.5 THEN 'yes' ELSE 'no' END AS `predicted_orders_again_90d`,
  short_history
FROM scores
ORDER BY id;
