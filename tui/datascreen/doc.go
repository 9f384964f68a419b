// Package datascreen is the Data screen of the TUI: where the loaded data
// came from, its size, label balance and split, the load warnings, and three
// sections (the schema with each column's preprocessing, a preview of the
// first rows, and every feature's distribution in each label class). Its
// prompts open another CSV table or order log, re-split with a seed and set
// an order log's cutoff and horizon; the root carries out what they ask
// (OpenMsg, ResplitMsg). NewInfo computes, off the UI goroutine, what the
// screen shows about a data set; the counts come from package data.
package datascreen
