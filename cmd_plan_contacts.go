package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// checkContactsOut refuses, before anything is read, a --contacts-out that
// could not be written or would replace a file plan reads (inputs) or its
// own --out. "-" is stdout, which only a plan written to a file (--out)
// leaves free: two documents on one stream could not be told apart.
func checkContactsOut(o *planOptions, inputs []inputFile) error {
	switch out := o.contactsOut; {
	case out == "":
		return nil
	case out == "-" && o.out == "":
		return usageError(errors.New("--contacts-out -: the plan goes to stdout; give a file name, or write the plan to a file with --out"))
	case out == "-":
		return nil
	case o.out != "" && sameFile(out, o.out):
		return usageError(fmt.Errorf("--contacts-out %s is the --out file too: give the list a file of its own", out))
	}
	return checkOutFlag("--contacts-out", o.contactsOut, inputs...)
}

// sameFile reports whether paths a and b name one file: the same path
// once made absolute, or two paths to one existing file.
func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	infoA, errA := os.Stat(a)
	infoB, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(infoA, infoB)
}

// writeContacts writes the plan's whole target list to out ("-": stdout),
// a file replaced atomically as --out is, showing on a terminal how many
// customers are written, and says on stderr what it wrote.
func writeContacts(ctx context.Context, a *app, out string, l experiment.ContactList) error {
	path, shown := out, out
	if out == "-" {
		path, shown = "", "stdout"
	}
	live := a.isTerminal(a.stderr)
	progress := func(done, total int) {
		if live {
			fmt.Fprintf(a.stderr, "\r\x1b[KWriting the contacts: %s of %s", data.Thousands(done), data.Thousands(total))
		}
	}
	err := writeOut(ctx, a, path, func(w io.Writer) error { return l.Write(ctx, w, progress) })
	if live {
		fmt.Fprint(a.stderr, "\r\x1b[K")
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, contactsWritten(l.Len(), shown))
	return nil
}

// contactsWritten is the line that says n contacts were written to out.
func contactsWritten(n int, out string) string {
	switch n {
	case 0:
		return "Wrote the header only to " + out + ": the plan contacts no one"
	case 1:
		return "Wrote the 1 customer the plan contacts to " + out
	}
	return fmt.Sprintf("Wrote the %s customers the plan contacts to %s", data.Thousands(n), out)
}
