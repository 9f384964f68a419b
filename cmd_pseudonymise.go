package main

import (
	"bytes"
	"errors"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// pseudoFlags are --pseudonymise and --salt-file, shared by every command
// that writes customer ids.
type pseudoFlags struct {
	on   bool
	salt string
}

func (p *pseudoFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.BoolVar(&p.on, "pseudonymise", false,
		"replace customer ids, and text that names people (e-mail addresses, phone numbers, columns headed like name, address or phone), with keyed hashes (p_…, HMAC-SHA256 with --salt-file): stable under one salt")
	fs.StringVar(&p.salt, "salt-file", "", "`FILE` holding the secret salt of --pseudonymise (at least 16 bytes)")
	_ = cmd.MarkFlagFilename("salt-file")
}

// key reads the salt file: nil when --pseudonymise is off. Either flag
// without the other is a usage error.
func (p *pseudoFlags) key(a *app) (*pseudonym.Key, error) {
	switch {
	case !p.on && p.salt == "":
		return nil, nil
	case !p.on:
		return nil, usageError(errors.New("--salt-file applies with --pseudonymise"))
	case p.salt == "":
		return nil, usageError(errors.New("--pseudonymise needs --salt-file FILE holding a secret salt (for example: head -c 32 /dev/urandom | base64 > salt.txt)"))
	}
	f, err := a.open(p.salt)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	k, err := pseudonym.Read(f, p.salt)
	if err != nil {
		return nil, usageError(err)
	}
	return k, nil
}

// rowIDs pseudonymises the ids of a table's scored rows. A table without an
// id column (idName "") is keyed by its 1-based row numbers, which identify
// no one and stay as they are, as on the TUI's screens. A blank id stays
// blank, as in pseudonymised loaded data (experiment.Data.Pseudonymise):
// the pseudonym of "" would tie every row without an id to one customer.
func rowIDs(key *pseudonym.Key, ids []string, idName string) []string {
	if idName == "" || !key.Enabled() {
		return ids
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		if id != "" {
			out[i] = key.ID(id)
		}
	}
	return out
}

// pseudonymOrder is the order a scores CSV of pseudonymised ids (ids,
// already replaced) lists its rows in: by pseudonym, so that no line's
// position beside a pseudonym gives back the id of a file sorted by id;
// nil (the file's order) without pseudonyms or for row numbers, which
// rowIDs leaves as they are.
func pseudonymOrder(key *pseudonym.Key, ids []string, idName string) []int {
	if !key.Enabled() || idName == "" {
		return nil
	}
	return experiment.IDOrder(ids)
}

// scoredColumns reads the columns of the rows a command scored, by name,
// for experiment.NewPersonalValues; it is called only under --pseudonymise.
type scoredColumns func() (map[string]*data.Column, error)

// tableColumns reads the columns of a loaded table.
func tableColumns(t *data.Table) scoredColumns {
	return func() (map[string]*data.Column, error) { return experiment.TableColumns(t), nil }
}

// fileColumns reads the model's categorical columns of a file read whole
// (raw) as text.
func fileColumns(b *experiment.Bundle, raw []byte, name string) scoredColumns {
	return func() (map[string]*data.Column, error) {
		texts, err := b.Pipeline.ReadTexts(bytes.NewReader(raw), name)
		return experiment.TextColumns(texts), err
	}
}

// personalValues says, under --pseudonymise (key set), which of the
// model's columns name people in the scored rows (cols) or by its levels,
// and notes on stderr that their values are shown as pseudonyms; nil when
// key is nil.
func personalValues(a *app, key *pseudonym.Key, b *experiment.Bundle, cols scoredColumns) (*experiment.PersonalValues, error) {
	if !key.Enabled() {
		return nil, nil
	}
	read, err := cols()
	if err != nil {
		return nil, err
	}
	v := experiment.NewPersonalValues(key, b.Pipeline, read)
	printNotes(a, v.Notes()...)
	return v, nil
}
