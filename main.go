// Command retain trains and inspects multilayer perceptrons on e-commerce
// user-behaviour data, in the terminal or headless.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "retain: the terminal UI and commands are being built; run `go test ./...` to exercise the engine.")
}
