module github.com/retainlab/retain

go 1.26
