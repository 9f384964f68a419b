// Package data reads user-behaviour data (per-user CSV tables and order logs),
// infers a schema and prepares the matrices the engine trains on.
package data
