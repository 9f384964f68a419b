package scoreapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// Model is one loaded model file, ready to score: it is never changed after
// LoadModel returns, so requests share it freely.
type Model struct {
	// Bundle is the model file's content.
	Bundle *experiment.Bundle
	// ID is the first 12 hex digits of the file's SHA-256: responses name
	// the model that scored them with it.
	ID string
	// Path is the file the model was read from; LoadedAt when.
	Path     string
	LoadedAt time.Time
	// stat is the file's fileStat when it was read.
	stat fileStat

	scorer  *experiment.Scorer
	encoder *data.CellEncoder
	// columns maps each feature column's name to its index in the pipeline.
	columns map[string]int
	// ignored holds the training table's columns that are not inputs
	// (Pipeline.Ignored): a row may carry them.
	ignored map[string]bool
	// levels holds the levels of each categorical column, by pipeline
	// index (nil for other columns).
	levels []map[string]struct{}
	// openAPI is the service's OpenAPI description for this model.
	openAPI []byte
	// personal shows the values of the columns that name people as
	// pseudonyms under --pseudonymise (nil: every value as it is).
	personal *experiment.PersonalValues
	// explained, when set, is called by an explain worker after each row
	// it explains, with the row's index (tests synchronise on it).
	explained func(i int)
}

// fileStat is what the watcher compares to see a model file change: its
// size and modification time, and where the system tells them (Linux and
// other Unix systems) its device and inode and (Linux) its inode change
// time. Before 6 December 2026 size and modification time alone missed a
// new file of the same length put in place with the old one's time (cp
// -p, rsync -a, tar, image layers keep modification times).
type fileStat struct {
	size     int64
	mtime    time.Time
	dev, ino uint64
	ctime    int64
}

// statFile returns path's fileStat.
func statFile(path string) (fileStat, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStat{}, err
	}
	st := fileStat{size: fi.Size(), mtime: fi.ModTime()}
	st.dev, st.ino, st.ctime = fileIdentity(fi)
	return st, nil
}

// LoadModel reads and validates the model file at path. With key set
// (--pseudonymise), the answers show the values of the model's columns
// that name people, and any cell sent that is written like an e-mail
// address or a phone number, as pseudonyms (experiment.PersonalValues),
// and the OpenAPI description lists no level of those columns.
func LoadModel(path string, key *pseudonym.Key) (*Model, error) {
	st, err := statFile(path)
	if err != nil {
		return nil, err
	}
	raw, err := readModelFile(path)
	if err != nil {
		return nil, err
	}
	b, err := experiment.ReadBundle(bytes.NewReader(raw), path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	return newModel(b, path, hex.EncodeToString(sum[:6]), st, key)
}

// readModelFile reads the model file at path, refusing a file that is
// not a regular one (a device such as /dev/zero, a pipe, a folder) or is
// larger than experiment.MaxBundleBytes before reading it, and reading no
// more than that: a reload of a path pointed at /dev/zero grew the server
// without bound (review36 #5).
func readModelFile(path string) ([]byte, error) {
	notRegular := &experiment.BundleError{File: path, Reason: "not a regular file (a device, pipe or folder), so not a model file"}
	// Stat'ed first, so that a named pipe is not waited on; the file
	// opened is asked again.
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		// As reading it says (the command line names it so).
		return nil, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	} else if err == nil && !fi.Mode().IsRegular() {
		return nil, notRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular
	}
	tooLarge := &experiment.BundleError{File: path,
		Reason: fmt.Sprintf("larger than %d MiB, the most a model file may have (%d bytes)", experiment.MaxBundleBytes>>20, fi.Size())}
	if fi.Size() > experiment.MaxBundleBytes {
		return nil, tooLarge
	}
	raw, err := io.ReadAll(io.LimitReader(f, experiment.MaxBundleBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > experiment.MaxBundleBytes { // grown since the stat
		tooLarge.Reason = fmt.Sprintf("larger than %d MiB, the most a model file may have", experiment.MaxBundleBytes>>20)
		return nil, tooLarge
	}
	return raw, nil
}

// newModel prepares a bundle for scoring, under key (LoadModel).
func newModel(b *experiment.Bundle, path, id string, st fileStat, key *pseudonym.Key) (*Model, error) {
	sc, err := b.Scorer()
	if err != nil {
		return nil, fmt.Errorf("model file %s: %w", path, err)
	}
	m := &Model{Bundle: b, ID: id, Path: path, LoadedAt: time.Now(), stat: st, scorer: sc,
		encoder: b.Pipeline.CellEncoder(), columns: make(map[string]int, len(b.Pipeline.Columns))}
	m.levels = make([]map[string]struct{}, len(b.Pipeline.Columns))
	for i, c := range b.Pipeline.Columns {
		m.columns[c.Name] = i
		if c.Kind == data.Categorical {
			m.levels[i] = make(map[string]struct{}, len(c.Levels))
			for _, l := range c.Levels {
				m.levels[i][l] = struct{}{}
			}
		}
	}
	m.personal = experiment.NewPersonalValues(key, b.Pipeline, nil)
	m.ignored = make(map[string]bool, len(b.Pipeline.Ignored))
	for _, name := range b.Pipeline.Ignored {
		m.ignored[name] = true
	}
	if m.openAPI, err = openAPIFor(m); err != nil {
		return nil, err
	}
	return m, nil
}
