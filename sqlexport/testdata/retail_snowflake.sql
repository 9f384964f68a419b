-- retain model: P(orders_again_90d = yes), threshold 0.5, dialect snowflake
-- note: the orders table's time column "ordered_at" is read as written year first ("2019-10-01", maybe with a time after it); a text cell in another of the forms retain predict reads (2019-10-01, 20191001, Unix time, 1/12/2010, 1 Dec 2019, Wed, 01 Dec 2019 10:11:12 +0000) is no date here: its line is left out, or the engine stops the query at a cast it cannot make (--time-format names the form the column is written in)
-- note: column "amount": a cell that is no number to retain ("abc", "1,2") makes its line no sale and leaves it out, where retain predict stops with an error naming its line
WITH order_lines AS (
  SELECT CASE WHEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = '.' AND CHARINDEX('.', TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) > 1 AND CHARINDEX('.', TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) < LENGTH(TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) AND LENGTH(REPLACE(SUBSTR(TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), CHARINDEX('.', TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) + 1), '0', '')) = 0 THEN SUBSTR(TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), 1, CHARINDEX('.', TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) - 1) ELSE TRIM(CAST(src.cust AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) END AS customer,
    CAST(DATEDIFF(day, DATE '1970-01-01', CAST(SUBSTR(TRIM(CAST(src.ordered_at AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), 1, 10) AS DATE)) AS DOUBLE) AS day,
    (CASE WHEN (src.amount IS NULL OR LOWER(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN (CASE WHEN (REGEXP_REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$', '') = '') THEN ABS(CAST(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END) THEN CAST(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) AS DOUBLE) WHEN ((CASE WHEN (REGEXP_REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$', '') = '') THEN ABS(CAST(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END) OR (CASE WHEN (REGEXP_REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), '^([+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[+-]?[$€£¥￥] ?[+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?|[(]((0([.,][0-9.,]*)?|[.1-9][0-9.,]*)([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[$€£¥￥] ?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?)[)])$', '') = '') AND (REGEXP_REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', ''), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$', '') = '') AND (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', '') NOT LIKE '%,%' OR (REGEXP_REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), '^[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]*)?$', '') = '')) THEN ABS(CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END)) THEN (CASE WHEN TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) LIKE '(%)' THEN -1.0 ELSE 1.0 END * CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(TRIM(CAST(src.amount AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS DOUBLE)) END) AS amount,
    0.0 AS qty,
    COALESCE(TRIM(CAST(src.invoice AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)), '') AS order_id,
    CASE WHEN (src.sku IS NULL OR LOWER(TRIM(CAST(src.sku AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN NULL ELSE TRIM(CAST(src.sku AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288)) END AS item
  FROM shop.orders AS src
),
order_marks AS (
  SELECT customer, day, amount, qty, order_id, item,
    CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS sale,
    CASE WHEN amount < 0.0 AND qty >= 0.0 AND order_id <> '' AND NOT (LENGTH(order_id) > 1 AND UPPER(SUBSTR(order_id, 1, 1)) = 'C' AND LENGTH(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(SUBSTR(order_id, 2), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '')) = 0)
      AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS reduces,
    MAX(CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END) OVER (PARTITION BY customer, order_id) AS sold
  FROM order_lines
),
kept AS (
  SELECT customer, CASE WHEN sale = 1 THEN day END AS day, amount,
    CASE WHEN sale = 1 THEN qty ELSE 0.0 END AS qty, order_id, CASE WHEN sale = 1 THEN item END AS item FROM order_marks
  WHERE sale = 1 OR reduces = 1 AND sold = 1
),
cancel_lines AS (
  SELECT customer, day, order_id FROM order_marks
  WHERE (qty < 0.0 OR amount < 0.0)
    AND NOT (customer IS NULL OR LOWER(TRIM(CAST(customer AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) AND NOT (reduces = 1 AND sold = 1)
),
cancelled_orders AS (
  SELECT customer, MIN(day) AS day FROM cancel_lines
  WHERE order_id <> '' GROUP BY customer, order_id
  UNION ALL
  SELECT customer, day FROM cancel_lines WHERE order_id = ''
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
order_items AS (
  SELECT customer, order_id, item,
    CASE WHEN order_id = '' THEN day ELSE MIN(day) OVER (PARTITION BY customer, order_id) END AS day,
    qty FROM kept
),
item_lines AS (
  SELECT customer, item, MIN(day) AS day FROM order_items
  WHERE order_id <> '' AND item IS NOT NULL GROUP BY customer, order_id, item
  UNION ALL
  SELECT customer, item, day FROM order_items WHERE order_id = '' AND item IS NOT NULL
),
customer_rows AS (
  SELECT customer AS customer, day AS day, amount AS amount, qty AS qty, age AS age, gap AS gap, gap_mean AS gap_mean, CAST(1 AS DOUBLE) AS is_order, CAST(NULL AS VARCHAR) AS item, CAST(0 AS DOUBLE) AS is_line, CAST(0 AS DOUBLE) AS is_cancel
  FROM gaps
  UNION ALL
  SELECT l.customer AS customer, CAST(NULL AS DOUBLE) AS day, CAST(NULL AS DOUBLE) AS amount, CAST(NULL AS DOUBLE) AS qty, CAST(NULL AS DOUBLE) AS age, CAST(NULL AS DOUBLE) AS gap, CAST(NULL AS DOUBLE) AS gap_mean, CAST(0 AS DOUBLE) AS is_order, l.item AS item, CAST(1 AS DOUBLE) AS is_line, CAST(0 AS DOUBLE) AS is_cancel
  FROM item_lines l CROSS JOIN cutoff c WHERE l.day <= c.day
  UNION ALL
  SELECT k.customer AS customer, CAST(NULL AS DOUBLE) AS day, CAST(NULL AS DOUBLE) AS amount, CAST(NULL AS DOUBLE) AS qty, CAST(NULL AS DOUBLE) AS age, CAST(NULL AS DOUBLE) AS gap, CAST(NULL AS DOUBLE) AS gap_mean, CAST(0 AS DOUBLE) AS is_order, CAST(NULL AS VARCHAR) AS item, CAST(0 AS DOUBLE) AS is_line, CAST(1 AS DOUBLE) AS is_cancel
  FROM cancelled_orders k CROSS JOIN cutoff c WHERE k.day <= c.day
),
base AS (
  SELECT customer, SUM(is_order) AS n, MIN(age) AS recency, MAX(age) AS tenure,
    MAX(day) - MIN(day) AS span, SUM(amount) AS total, SUM(qty) AS units,
    SUM(CASE WHEN age < 30.0 THEN 1.0 ELSE 0.0 END) AS in_short,
    SUM(CASE WHEN age < 90.0 THEN 1.0 ELSE 0.0 END) AS in_long,
    SUM(CASE WHEN age < 30.0 THEN amount ELSE 0.0 END) AS recent,
    SUM(CASE WHEN age >= 30.0 AND age < 2.0 * 30.0 THEN amount ELSE 0.0 END) AS earlier,
    SUM((gap - gap_mean) * (gap - gap_mean)) AS ss,
    CAST(COUNT(DISTINCT item) AS DOUBLE) AS items,
    SUM(is_line) AS line_count,
    SUM(is_cancel) AS cancelled
  FROM customer_rows GROUP BY customer
  HAVING SUM(is_order) > 0.0
),
intervals AS (
  SELECT customer, n, recency, tenure, total, units, in_short, in_long, recent, earlier, ss, items, line_count, cancelled,
    CASE WHEN n >= 2.0 THEN span / (n - 1.0) ELSE tenure END AS interval_mean
  FROM base
),
features AS (
  SELECT customer AS id,
    CASE WHEN tenure < 90.0 THEN 'true' ELSE 'false' END AS short_history,
    recency AS recency_days,
    items AS distinct_items,
    line_count / n AS basket_size_avg,
    cancelled / (n + cancelled) AS cancel_share,
    CASE WHEN n >= 2.0 THEN SQRT(COALESCE(ss, 0.0) / (n - 1.0)) ELSE 0.0 END AS interval_std_days
  FROM intervals
),
inputs AS (
  SELECT id, short_history, 
  CAST((CASE WHEN (src.recency_days IS NULL OR LOWER(TRIM(CAST(src.recency_days AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN 0.0 ELSE ((CAST(src.recency_days AS DOUBLE) - 0.0) / 10.0) END) AS DOUBLE) AS x0,
  CAST((CASE WHEN (src.distinct_items IS NULL OR LOWER(TRIM(CAST(src.distinct_items AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.1 ELSE ((CAST(src.distinct_items AS DOUBLE) - 1.0) / 10.0) END) AS DOUBLE) AS x1,
  CAST((CASE WHEN (src.basket_size_avg IS NULL OR LOWER(TRIM(CAST(src.basket_size_avg AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.2 ELSE ((CAST(src.basket_size_avg AS DOUBLE) - 2.0) / 10.0) END) AS DOUBLE) AS x2,
  CAST((CASE WHEN (src.cancel_share IS NULL OR LOWER(TRIM(CAST(src.cancel_share AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.3 ELSE ((CAST(src.cancel_share AS DOUBLE) - 3.0) / 10.0) END) AS DOUBLE) AS x3,
  CAST((CASE WHEN (src.interval_std_days IS NULL OR LOWER(TRIM(CAST(src.interval_std_days AS VARCHAR), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(133) || chr(160) || chr(5760) || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288))) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.4 ELSE ((CAST(src.interval_std_days AS DOUBLE) - 4.0) / 10.0) END) AS DOUBLE) AS x4
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
SELECT id AS cust,
  probability AS probability_orders_again_90d_yes,
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.5 THEN 'yes' ELSE 'no' END AS predicted_orders_again_90d,
  short_history
FROM scores
ORDER BY id;
