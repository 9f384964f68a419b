package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// TestParquetLargePagesMatchLibrary reads columns written as single pages
// of several hundred KiB, larger than the snappy history and the window
// they stream through, as pyarrow writes them: every cell as parquet-go
// reads it.
func TestParquetLargePagesMatchLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([][]string, 30_000)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("c%d-%x", rng.IntN(5000), rng.Uint64()), fmt.Sprint(rng.IntN(900)),
			fmt.Sprintf("%.2f", rng.Float64()*100)}
		if i%7 == 3 {
			rows[i][rng.IntN(3)] = ""
		}
	}
	cols := []pqCol{{"text", "string"}, {"n", "int64"}, {"x", "double"}}
	for _, pageSize := range []int{1 << 20, 100 << 10} {
		b := writeParquet(t, cols, rows, 0, parquet.PageBufferSize(pageSize))
		got, own := readCells(t, b, false)
		want, _ := readCells(t, b, true)
		if own != len(cols) || len(got) != len(want) || len(want) != len(rows)*len(cols) {
			t.Fatalf("page size %d: %d cells (%d chunks ours), parquet-go reads %d", pageSize, len(got), own, len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("page size %d: row %d, column %d: %q, parquet-go reads %q", pageSize, i/len(cols)+1, i%len(cols)+1, got[i], want[i])
			}
		}
	}
}

// TestSnappyReaderFarCopy streams a block with a copy reaching further back
// than the history kept (legal, though no common encoder writes one): the
// reader uncompresses the whole block and goes on from where it was.
func TestSnappyReaderFarCopy(t *testing.T) {
	lit := bytes.Repeat([]byte("0123456789abcdef"), 6000) // 96,000 bytes
	for i := range lit {
		lit[i] ^= byte(i * 7)
	}
	var block []byte
	block = binary.AppendUvarint(block, uint64(len(lit)+40))
	block = append(block, 63<<2) // a literal whose length-1 follows in 4 bytes
	block = binary.LittleEndian.AppendUint32(block, uint32(len(lit)-1))
	block = append(block, lit...)
	block = append(block, 3|(40-1)<<2) // a copy of 40 bytes, 4-byte offset
	block = binary.LittleEndian.AppendUint32(block, uint32(len(lit)))
	want, err := new(snappy.Codec).Decode(nil, block)
	if err != nil {
		t.Fatal(err)
	}
	z, err := newSnappyReader(io.NewSectionReader(bytes.NewReader(block), 0, int64(len(block))), len(want), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(z)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("got %d bytes (err %v), want %d; equal: %v", len(got), err, len(want), bytes.Equal(got, want))
	}
	if z.whole == nil {
		t.Error("the far copy did not make the reader uncompress the whole block")
	}
	// A copy reaching before the start of the block is refused.
	bad := binary.AppendUvarint(nil, 5)
	bad = append(bad, 0<<2, 'a', 2|(4-1)<<2, 9, 0)
	z, err = newSnappyReader(io.NewSectionReader(bytes.NewReader(bad), 0, int64(len(bad))), 5, nil)
	if err == nil {
		_, err = io.ReadAll(z)
	}
	if err != errSnappy {
		t.Errorf("copy before the start: error %v, want %v", err, errSnappy)
	}
}
