package data

import "unicode/utf8"

// Chinese and Japanese spreadsheets and exports often write numbers in
// full-width forms: digits U+FF10–U+FF19, and the full-width point,
// comma, minus and percent sign ("¥１３９．１２", "－５"). They are the
// ASCII characters at another width, as Unicode's NFKC normalisation
// says: the Halfwidth and Fullwidth Forms block U+FF01–U+FF5E maps onto
// U+0021–U+007E by subtracting 0xFEE0, and the ideographic space U+3000
// is a space. An amount, price or quantity cell so written is folded to
// ASCII before it is read, and the log's notes say so (WidthNote).
// The full-width yen sign U+FFE5 is outside that block and stays: it is
// one of the currency signs a number may carry.

// foldWidth returns cell with its full-width ASCII forms and ideographic
// spaces folded to ASCII, and whether any was; cell itself when none was.
func foldWidth(cell []byte) ([]byte, bool) {
	// Every full-width form is 3 bytes in UTF-8 starting 0xEF (0xE3 for
	// U+3000): a cell without them is returned at once.
	i := 0
	for i < len(cell) && cell[i] != 0xEF && cell[i] != 0xE3 {
		i++
	}
	if i == len(cell) {
		return cell, false
	}
	out := make([]byte, 0, len(cell))
	folded := false
	for j := 0; j < len(cell); {
		r, size := utf8.DecodeRune(cell[j:])
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			out = append(out, byte(r-0xFEE0))
			folded = true
		case r == 0x3000:
			out = append(out, ' ')
			folded = true
		default:
			out = append(out, cell[j:j+size]...)
		}
		j += size
	}
	if !folded {
		return cell, false
	}
	return trimSpace(out), true
}

// WidthNote says that numbers written in full-width forms were read as
// their ASCII forms ("" when none was).
func (l *OrderLog) WidthNote() string {
	if !l.FullWidth {
		return ""
	}
	return "numbers written with full-width digits or signs (\"１３９．１２\") read as their ASCII forms (\"139.12\")"
}
