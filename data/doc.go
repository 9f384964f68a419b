// Package data reads user-behaviour data and prepares the matrices the engine
// trains on. It depends on the standard library and gonum only, and reads
// from io.Reader values (the caller opens files).
//
//   - Per-user tables: ReadCSV sniffs the delimiter, handles quotes, CRLF and
//     a UTF-8 BOM, infers each column's Kind (numeric, boolean, categorical,
//     identifier, constant), finds a binary label and its positive class.
//   - Order logs: ReadOrderLog reads whitespace-aligned logs such as CDNOW
//     and CSV logs with ISO dates, leaving out (and counting) cancellations
//     and rows without a customer but keeping each kept line's item and the
//     cancelled orders; BuildCohort turns a log into per-customer recency,
//     frequency, monetary, tenure, interval, item, basket, cancellation and
//     spend-trend features (CohortOptions) with the label "orders again
//     within the horizon after the cutoff".
//   - The built-in shop: GenerateShop draws a seeded synthetic population
//     from a known probability model, so the Bayes limit is known.
//   - Preprocessing: FitPipeline fits deduplication, imputation, one-hot
//     encoding and scaling on training rows only; the fitted Pipeline
//     round-trips through JSON and scores raw new rows (ReadRows).
//   - Splits: StratifiedSplit and StratifiedKFold, seeded.
//
// Every error about a file is a *ParseError naming the file, line and
// column, wrapping a sentinel such as ErrRagged or ErrNotNumeric.
package data
