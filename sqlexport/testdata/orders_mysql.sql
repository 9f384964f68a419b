-- retain model: P(orders_again_90d = yes), threshold 0.5, dialect mysql
-- note: the orders table's time column "ordered_at" is read as written year first ("2019-10-01", maybe with a time after it); a text cell in another of the forms retain predict reads (2019-10-01, 20191001, Unix time, 1/12/2010, 1 Dec 2019, Wed, 01 Dec 2019 10:11:12 +0000) is no date here: its line is left out, or the engine stops the query at a cast it cannot make (--time-format names the form the column is written in)
-- note: column "amount": a cell that is no number to retain ("abc", "1,2") makes its line no sale and leaves it out, where retain predict stops with an error naming its line
WITH order_lines AS (
  SELECT CASE WHEN REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '') = '.' AND INSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '.') > 1 AND INSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '.') < LENGTH(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) AND LENGTH(REPLACE(SUBSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, INSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '.') + 1), '0', '')) = 0 THEN SUBSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, 1, INSTR(REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '.') - 1) ELSE REGEXP_REPLACE(CAST(src.`cust` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin END AS customer,
    CAST(DATEDIFF(CAST(SUBSTR(REGEXP_REPLACE(CAST(src.`ordered_at` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, 1, 10) AS DATE), DATE '1970-01-01') AS DOUBLE) AS day,
    (CASE WHEN (src.`amount` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 0.0 WHEN (CASE WHEN REGEXP_LIKE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ABS(CAST(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END) THEN CAST(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin AS DOUBLE) WHEN ((CASE WHEN REGEXP_LIKE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') THEN ABS(CAST(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END) OR (CASE WHEN REGEXP_LIKE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '^([+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[+-]?[$€£¥￥] ?[+-]?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?|[(]((0([.,][0-9.,]*)?|[.1-9][0-9.,]*)([eE][+-]?[0-9]+)?( ?[$€£¥￥]| ?%)?|[$€£¥￥] ?[0-9.][0-9.,]*([eE][+-]?[0-9]+)?)[)])$') AND REGEXP_LIKE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', ''), '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$') AND (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', '') NOT LIKE '%,%' OR REGEXP_LIKE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), '^[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]*)?$')) THEN ABS(CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS DOUBLE)) <= 1.7976931348623157e308 ELSE 1 = 0 END)) THEN (CASE WHEN REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin LIKE '(%)' THEN -1.0 ELSE 1.0 END * CAST(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REGEXP_REPLACE(CAST(src.`amount` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, ' $', ''), '$ ', ''), '$', ''), ' €', ''), '€ ', ''), '€', ''), ' £', ''), '£ ', ''), '£', ''), ' ¥', ''), '¥ ', ''), '¥', ''), ' ￥', ''), '￥ ', ''), '￥', ''), ' %', ''), '%', ''), '(', ''), ')', ''), ',', '') AS DOUBLE)) END) AS amount,
    0.0 AS qty,
    COALESCE(REGEXP_REPLACE(CAST(src.`invoice` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin, '') AS order_id
  FROM `shop`.`orders` AS src
  LIMIT 18446744073709551615
),
order_marks AS (
  SELECT customer, day, amount, qty, order_id,
    CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(REGEXP_REPLACE(CAST(customer AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS sale,
    CASE WHEN amount < 0.0 AND qty >= 0.0 AND order_id <> '' AND NOT (LENGTH(order_id) > 1 AND UPPER(SUBSTR(order_id, 1, 1)) = 'C' AND LENGTH(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(SUBSTR(order_id, 2), '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''), '7', ''), '8', ''), '9', '')) = 0)
      AND NOT (customer IS NULL OR LOWER(REGEXP_REPLACE(CAST(customer AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END AS reduces,
    MAX(CASE WHEN qty >= 0.0 AND amount >= 0.0
    AND NOT (customer IS NULL OR LOWER(REGEXP_REPLACE(CAST(customer AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!')) THEN 1 ELSE 0 END) OVER (PARTITION BY customer, order_id) AS sold
  FROM order_lines
  LIMIT 18446744073709551615
),
kept AS (
  SELECT customer, CASE WHEN sale = 1 THEN day END AS day, amount,
    CASE WHEN sale = 1 THEN qty ELSE 0.0 END AS qty, order_id FROM order_marks
  WHERE sale = 1 OR reduces = 1 AND sold = 1
  LIMIT 18446744073709551615
),
orders_kept AS (
  SELECT customer, MIN(day) AS day, SUM(amount) AS amount, SUM(qty) AS qty FROM kept
  WHERE order_id <> '' GROUP BY customer, order_id
  UNION ALL
  SELECT customer, day, amount, qty FROM kept WHERE order_id = ''
  LIMIT 18446744073709551615
),
cutoff AS (
  SELECT 19904.0 AS day
  LIMIT 18446744073709551615
),
history AS (
  SELECT o.customer, o.day, o.amount, o.qty, c.day - o.day AS age
  FROM orders_kept o CROSS JOIN cutoff c WHERE o.day <= c.day
  LIMIT 18446744073709551615
),
gaps AS (
  SELECT customer, day, amount, qty, age,
    day - LAG(day) OVER (PARTITION BY customer ORDER BY day) AS gap,
    (MAX(day) OVER (PARTITION BY customer) - MIN(day) OVER (PARTITION BY customer)) / NULLIF(COUNT(*) OVER (PARTITION BY customer) - 1.0, 0.0) AS gap_mean
  FROM history
  LIMIT 18446744073709551615
),
base AS (
  SELECT customer, CAST(COUNT(*) AS DOUBLE) AS n, MIN(age) AS recency, MAX(age) AS tenure,
    MAX(day) - MIN(day) AS span, SUM(amount) AS total, SUM(qty) AS units,
    SUM(CASE WHEN age < 30.0 THEN 1.0 ELSE 0.0 END) AS in_short,
    SUM(CASE WHEN age < 90.0 THEN 1.0 ELSE 0.0 END) AS in_long,
    SUM(CASE WHEN age < 30.0 THEN amount ELSE 0.0 END) AS recent,
    SUM(CASE WHEN age >= 30.0 AND age < 2.0 * 30.0 THEN amount ELSE 0.0 END) AS earlier,
    SUM((gap - gap_mean) * (gap - gap_mean)) AS ss
  FROM gaps GROUP BY customer
  LIMIT 18446744073709551615
),
intervals AS (
  SELECT customer, n, recency, tenure, total, units, in_short, in_long, recent, earlier, ss,
    CASE WHEN n >= 2.0 THEN span / (n - 1.0) ELSE tenure END AS interval_mean
  FROM base
  LIMIT 18446744073709551615
),
features AS (
  SELECT customer AS id,
    CASE WHEN tenure < 90.0 THEN 'true' ELSE 'false' END AS short_history,
    recency AS `recency_days`,
    n AS `frequency`,
    total AS `monetary_total`,
    CASE WHEN recent + earlier > 0.0 THEN (recent - earlier) / (recent + earlier) ELSE 0.0 END AS `spend_trend`,
    CASE WHEN n >= 2.0 THEN SQRT(COALESCE(ss, 0.0) / (n - 1.0)) ELSE 0.0 END AS `interval_std_days`
  FROM intervals
  LIMIT 18446744073709551615
),
inputs AS (
  SELECT id, short_history, 
  CAST((CASE WHEN (src.`recency_days` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`recency_days` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN 0.0 ELSE ((CAST(src.`recency_days` AS DOUBLE) - 0.0) / 10.0) END) AS DOUBLE) AS x0,
  CAST((CASE WHEN (src.`frequency` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`frequency` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.1 ELSE ((CAST(src.`frequency` AS DOUBLE) - 1.0) / 10.0) END) AS DOUBLE) AS x1,
  CAST((CASE WHEN (src.`monetary_total` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`monetary_total` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.2 ELSE ((CAST(src.`monetary_total` AS DOUBLE) - 2.0) / 10.0) END) AS DOUBLE) AS x2,
  CAST((CASE WHEN (src.`spend_trend` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`spend_trend` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.3 ELSE ((CAST(src.`spend_trend` AS DOUBLE) - 3.0) / 10.0) END) AS DOUBLE) AS x3,
  CAST((CASE WHEN (src.`interval_std_days` IS NULL OR LOWER(REGEXP_REPLACE(CAST(src.`interval_std_days` AS CHAR CHARACTER SET utf8mb4), '^[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}\\x{A}\\x{B}\\x{C}\\x{D}\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}\\x{2001}\\x{2002}\\x{2003}\\x{2004}\\x{2005}\\x{2006}\\x{2007}\\x{2008}\\x{2009}\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+$', '') COLLATE utf8mb4_bin) IN ('', 'na', 'n/a', 'nan', 'null', '#n/a', '?', '-', 'none', '#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', 'unknown', 'missing', 'not available', 'not applicable', 'undefined', 'n.a.', 'n.a', 'unk', '未知', '不详', '无', '空', '缺失')) THEN -0.4 ELSE ((CAST(src.`interval_std_days` AS DOUBLE) - 4.0) / 10.0) END) AS DOUBLE) AS x4
  FROM features AS src
  LIMIT 18446744073709551615
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
  LIMIT 18446744073709551615
),
layer1 AS (
  SELECT id, short_history, 
  2.0 / (1.0 + EXP(LEAST(GREATEST(-2.0 * z0, -700.0), 700.0))) - 1.0 AS h0,
  2.0 / (1.0 + EXP(LEAST(GREATEST(-2.0 * z1, -700.0), 700.0))) - 1.0 AS h1
  FROM layer1_z
  LIMIT 18446744073709551615
),
layer2_z AS (
  SELECT id, short_history, (0.7 * h0
    + -0.7 * h1)
    + -0.1 AS z0
  FROM layer1
  LIMIT 18446744073709551615
),
layer2 AS (
  SELECT id, short_history, 
  1.0 / (1.0 + EXP(LEAST(GREATEST(-(z0), -700.0), 700.0))) AS p
  FROM layer2_z
  LIMIT 18446744073709551615
),
scores AS (
  SELECT id, short_history, CASE WHEN p <= 0.1 THEN 0.05 WHEN p >= 0.9 THEN 0.8
    WHEN p <= 0.4 THEN 0.05 + (p - 0.1) * (0.5 - 0.05) / (0.4 - 0.1)
    WHEN p <= 0.9 THEN 0.5 + (p - 0.4) * (0.8 - 0.5) / (0.9 - 0.4) END AS probability
  FROM layer2
  LIMIT 18446744073709551615
)
SELECT id AS `cust`,
  probability AS `probability_orders_again_90d_yes`,
  CASE WHEN probability IS NULL THEN NULL WHEN probability >= 0.5 THEN 'yes' ELSE 'no' END AS `predicted_orders_again_90d`,
  short_history
FROM scores
ORDER BY id;
