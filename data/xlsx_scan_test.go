package data

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMain, unless benchmarking, compares the fast scanner with
// encoding/xml on every sheet every test reads (checkScan).
func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		xlsxScanHook = checkScan
	}
	os.Exit(m.Run())
}

// checkScan reads sheet i with the fast scanner alone and with
// encoding/xml alone: when the fast scanner reads the sheet, encoding/xml
// must read it too, into the same rows and cells.
func checkScan(wb *workbook, i int) {
	read := wb.read
	defer func() { wb.read = read }()
	rec := func(dst *[]string) func(int, []string) (bool, error) {
		return func(row int, cells []string) (bool, error) {
			*dst = append(*dst, fmt.Sprintf("%d %q", row, cells))
			return true, nil
		}
	}
	var fast, slow []string
	ferr := wb.readRows(i, true, rec(&fast))
	wb.read = read
	serr := wb.readRows(i, false, rec(&slow))
	if ferr == nil && (serr != nil || !slices.Equal(fast, slow)) {
		panic(fmt.Sprintf("sheet %q: the fast scanner read %q, encoding/xml %q (error %v)", wb.sheets[i].name, fast, slow, serr))
	}
}

// scanResult is a workbook converted by one path.
type scanResult struct {
	text, note, err string
	fast, slow      int
}

func convertWith(mode int, raw []byte) scanResult {
	old := xlsxScan
	xlsxScan = mode
	defer func() { xlsxScan = old }()
	_, rest, err := sniffParquet(bytes.NewReader(raw), "book.xlsx")
	if err != nil {
		return scanResult{err: err.Error()}
	}
	wb, ok := rest.(*workbookText)
	if !ok {
		return scanResult{err: "not a workbook"}
	}
	var b bytes.Buffer
	b.ReadFrom(wb)
	return scanResult{text: b.String(), note: wb.sheets.Note(), fast: wb.fastReads, slow: wb.slowReads}
}

// sameBothWays converts raw with the fast path (falling back) and with
// encoding/xml alone, and fails unless the text, note or error are equal.
func sameBothWays(t testing.TB, name string, raw []byte) scanResult {
	t.Helper()
	auto, slow := convertWith(scanAuto, raw), convertWith(scanSlow, raw)
	if auto.text != slow.text || auto.note != slow.note || auto.err != slow.err {
		t.Errorf("%s: fast path %q %q (error %q), encoding/xml %q %q (error %q)", name, auto.text, auto.note, auto.err, slow.text, slow.note, slow.err)
	}
	return auto
}

// sheetPart is a whole worksheet part around sheetData content.
func sheetPart(before, rows, after string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
		before + `<sheetData>` + rows + `</sheetData>` + after + `</worksheet>`
}

const scanHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>`

// scanCases are sheets the fast scanner reads (fast) or leaves to
// encoding/xml; each is the sheetData content, or a whole part.
var scanCases = []struct {
	name, rows, part string
	fast             bool
}{
	{"entities", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#x263a;&#X;</t></is></c></row>`, "", false},
	{"entities ok", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#x263a;&#13;&#xD800;</t></is></c><c r="B2" t="str"><v>x,&#10;y</v></c></row>`, "", true},
	{"attribute entities and quotes", scanHeader + `<row r='2'><c t="s" s='1' r="&#65;2"><v>1</v></c><c s="2" r='B2'><v>0.5</v></c><c r="C&#x32;" t='inlineStr'><is><t>&quot;x&quot;</t></is></c></row>`, "", true},
	{"self-closing", scanHeader + `<row r="2"/><row r="3"><c r="A3"/><c r="B3" s="1"/><c r="C3"><v>1</v></c></row><row r="4" spans="1:3"/>`, "", true},
	{"formulas", scanHeader + `<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>3</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">1+2</f><v>1</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>2</v></c></row>`, "", true},
	{"rich text", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Ann </t></r><r><t>Lee</t></r><rPh sb="0" eb="1"><t>アン</t></rPh><phoneticPr fontId="1"/></is></c></row>`, "", true},
	{"whitespace", "\n  " + scanHeader + "\n  <row r=\"2\" >\n    <c r=\"A2\"\n\tt=\"inlineStr\" ><is>\n<t> a  b </t>\n</is></c>\n    <c r=\"B2\" ><v> 12 </v ></c>\n  </row >\n", "", true},
	{"shared strings and styles", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" s="1"><v>40513</v></c><c r="B2" s="3"><v>40513.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>`, "", true},
	{"parts around sheetData", "", sheetPart(`<sheetPr><outlinePr summaryBelow="0"/></sheetPr><dimension ref="A1:C2"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="3" width="9.140625"/></cols>`,
		scanHeader+`<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c></row>`,
		`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7"/><extLst><ext uri="{X}"><x14:foo xmlns:x14="x"/></ext></extLst>`), true},
	{"no declaration, rows without r", "", `<worksheet><sheetData><row><c t="inlineStr"><is><t>h</t></is></c><c t="inlineStr"><is><t>i</t></is></c></row><row><c><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`, true},
	{"prefixed", "", `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>h</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`, false},
	{"prefixed cell after rows", scanHeader + `<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><x:c r="A3" xmlns:x="y"><x:v>2</x:v></x:c></row>`, "", false},
	{"CDATA", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>`, "", false},
	{"comment", scanHeader + `<!-- a comment --><row r="2"><c r="A2"><v>1</v></c></row>`, "", false},
	{"DOCTYPE", "", `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet><sheetData>` + scanHeader + `</sheetData></worksheet>`, false},
	{"unknown element in a cell", scanHeader + `<row r="2"><c r="A2"><v>1</v><extLst/></c></row>`, "", false},
	{"carriage return", scanHeader + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a\r\nb\rc</t></is></c></row>", "", false},
	{"utf-16 declared", "", `<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData>` + scanHeader + `</sheetData></worksheet>`, false},
	{"unclosed", scanHeader + `<row r="2"><c r="A2"><v>1</v></row>`, "", false},
	{"unknown entity", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`, "", false},
	{"unquoted attribute", scanHeader + `<row r=2><c r="A2"><v>1</v></c></row>`, "", false},
	{"row out of order", scanHeader + `<row r="3"><c r="A3"><v>1</v></c></row><row r="2"/>`, "", false},
	{"bad shared string", scanHeader + `<row r="2"><c r="A2" t="s"><v>7</v></c></row>`, "", false},
	{"control character", scanHeader + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a\x01</t></is></c></row>", "", false},
	{"]]> in text", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t>a]]>b</t></is></c></row>`, "", false},
	{"long text", scanHeader + `<row r="2"><c r="A2" t="inlineStr"><is><t>` + strings.Repeat("long &amp; ", 60000) + `</t></is></c></row>`, "", true},
	{"long tag", scanHeader + `<row r="2" ` + strings.Repeat(`x="&gt;" `, 40000) + `><c r="A2"><v>1</v></c></row>`, "", true},
	{"nested row", scanHeader + `<row r="2"><c r="A2"><v>1</v></c><row r="3"><c r="A3"><v>7</v></c></row></row>`, "", false},
	{"nested row in an element", scanHeader + `<row r="2"><c r="A2"><v>1</v></c><x><row r="3"><c r="A3"><v>7</v></c></row></x></row>`, "", false},
	{"text after sheetData", "", `<worksheet><sheetData>` + scanHeader + `</sheetData><x:y/><!-- -->&bad;`, true},
}

// TestXlsxFastSlowText: the fast path with its fallback gives the text
// encoding/xml alone gives, byte for byte, reads the plain sheets itself
// and leaves the others to encoding/xml.
func TestXlsxFastSlowText(t *testing.T) {
	for _, c := range scanCases {
		b := book{strings: twoStrings, styles: dateStyles, sheets: [][2]string{{"S", c.rows}}}
		if c.part != "" {
			b.parts = map[string]string{"xl/worksheets/sheet1.xml": c.part}
		}
		got := sameBothWays(t, c.name, b.zip(t))
		if c.fast && (got.fast == 0 || got.slow != 0) {
			t.Errorf("%s: %d reads by the fast scanner, %d by encoding/xml; want all fast (error %q)", c.name, got.fast, got.slow, got.err)
		}
		if !c.fast && got.err == "" && got.slow == 0 {
			t.Errorf("%s: read without encoding/xml", c.name)
		}
	}
	for _, path := range []string{"testdata/xlsx/table.xlsx", "testdata/xlsx/orders.xlsx"} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := sameBothWays(t, path, raw); got.fast == 0 || got.slow != 0 {
			t.Errorf("%s: %d reads by the fast scanner, %d by encoding/xml", path, got.fast, got.slow)
		}
	}
}

// A sheet left to encoding/xml after rows were written starts again from
// the text before it: the second sheet's fallback keeps the first's rows.
func TestXlsxFastSlowRestart(t *testing.T) {
	first := scanHeader + `<row r="2"><c r="A2"><v>1</v></c></row>`
	second := scanHeader + `<row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>`
	b := book{sheets: [][2]string{{"S", first}, {"T", second}}}
	got := sameBothWays(t, "restart", b.zip(t))
	if got.slow == 0 || got.text != "a,b,c\n1,,\n2,,\nx,,\n" {
		t.Errorf("text %q, %d slow reads", got.text, got.slow)
	}
}

// xlsxScanSeeds are sheet parts to start the fuzzing from.
func xlsxScanSeeds() []string {
	seeds := []string{}
	for _, c := range scanCases {
		if c.part != "" {
			seeds = append(seeds, c.part)
		} else {
			seeds = append(seeds, sheetPart("", c.rows, ""))
		}
	}
	return seeds
}

func fastSlowBook(t testing.TB, part string) []byte {
	b := book{strings: twoStrings, styles: dateStyles, sheets: [][2]string{{"S", ""}},
		parts: map[string]string{"xl/worksheets/sheet1.xml": part}}
	return b.zip(t)
}

// FuzzXlsxFastSlow: on any sheet XML the two paths give the same text,
// or the same error.
func FuzzXlsxFastSlow(f *testing.F) {
	for _, s := range xlsxScanSeeds() {
		if len(s) < 4096 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, part string) {
		sameBothWays(t, "fuzzed", fastSlowBook(t, part))
	})
}

// TestXlsxFastSlowRandom mutates the seeds at random (bytes replaced,
// cut, doubled, markup spliced in): the paths agree on each. 2,000
// mutations; XLSX_SCAN_RANDOM=20000 runs more.
func TestXlsxFastSlowRandom(t *testing.T) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("XLSX_SCAN_RANDOM")); err == nil {
		n = v
	}
	rng := rand.New(rand.NewSource(1))
	seeds := xlsxScanSeeds()
	bits := []string{"<", ">", "/>", "&", "&amp;", "&#", ";", `"`, "'", "=", " ", "\n", "\r", "x:", "<row>", "</row>", "<c>", "</c>", "<v>", "</v>",
		"<is><t>", "</t></is>", "<rPh>", "</rPh>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version='1.0'?>", "\xff", "é", "r=\"A1\"", "t=\"s\""}
	for k := 0; k < n; k++ {
		s := []byte(seeds[rng.Intn(len(seeds))])
		if len(s) > 4096 {
			continue
		}
		for m := rng.Intn(4); m >= 0; m-- {
			i := rng.Intn(len(s) + 1)
			switch rng.Intn(4) {
			case 0:
				if i < len(s) {
					s[i] = byte(rng.Intn(128))
				}
			case 1:
				j := min(len(s), i+rng.Intn(20))
				s = append(s[:i:i], s[j:]...)
			case 2:
				j := min(len(s), i+rng.Intn(40))
				s = append(s[:j:j], append(append([]byte(nil), s[i:j]...), s[j:]...)...)
			default:
				s = append(s[:i:i], append([]byte(bits[rng.Intn(len(bits))]), s[i:]...)...)
			}
		}
		sameBothWays(t, fmt.Sprintf("mutation %d %q", k, s), fastSlowBook(t, string(s)))
		if t.Failed() {
			return
		}
	}
}

// quotedTagPart is a sheet whose second row's start tag holds n '>' in a
// quoted attribute value: each '>' ends one ReadSlice of the tag.
func quotedTagPart(n int) string {
	return sheetPart("", scanHeader+`<row r="2" x="`+strings.Repeat(">", n)+`"><c r="A2"><v>1</v></c></row>`, "")
}

// A start tag with 200,000 '>' inside a quoted attribute is read by the
// fast scanner, as encoding/xml reads it. The scanner keeps the quote
// state between the tag's pieces, so such a tag costs time linear in its
// length. BenchmarkXlsxScanQuotedTag (2 cores): 0.44 ms at 20,000 '>',
// 0.85 ms at 40,000, 1.6 ms at 80,000; when the whole tag was scanned
// again after each '>', 0.17 s, 0.46 s and 1.92 s (~5 min at maxScanTag).
func TestXlsxFastSlowQuotedTag(t *testing.T) {
	got := sameBothWays(t, "200,000 '>' in a quoted attribute", fastSlowBook(t, quotedTagPart(200000)))
	if got.fast == 0 || got.slow != 0 || got.text != "a,b,c\n1,,\n" {
		t.Errorf("text %q, %d reads by the fast scanner, %d by encoding/xml (error %q)", got.text, got.fast, got.slow, got.err)
	}
}

// BenchmarkXlsxScanQuotedTag times the fast scanner alone over a start
// tag with n '>' in a quoted attribute.
func BenchmarkXlsxScanQuotedTag(b *testing.B) {
	for _, n := range []int{20000, 40000, 80000} {
		part := quotedTagPart(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				var rows int
				s := &sheetReader{}
				err := s.scan(bufio.NewReader(strings.NewReader(part)), func(int, []string) (bool, error) {
					rows++
					return true, nil
				})
				if err != nil || rows != 2 {
					b.Fatalf("%d rows, error %v", rows, err)
				}
			}
		})
	}
}

func TestXlsxChunkTextTruncate(t *testing.T) {
	var c chunkText
	c.writeString(strings.Repeat("a", 2*textChunk+5))
	for _, n := range []int64{2*textChunk + 1, textChunk, textChunk - 3, 0} {
		c.truncate(n)
		c.writeString("xy")
		if c.Size() != n+2 {
			t.Fatalf("size %d after truncating to %d", c.Size(), n)
		}
		b := make([]byte, 3)
		k, _ := c.ReadAt(b, max(0, n-1))
		if string(b[:k]) != "axy"[:k] && n > 0 || n == 0 && string(b[:k]) != "xy" {
			t.Fatalf("truncated to %d: %q", n, b[:k])
		}
		c.truncate(n)
	}
}
