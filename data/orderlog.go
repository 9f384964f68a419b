package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// LogFormat selects how an order log is split into fields.
type LogFormat int

// The order-log formats.
const (
	// LogAuto reads a log whose first line holds a comma, semicolon, tab or pipe as
	// CSV, and any other log as whitespace-aligned columns.
	LogAuto LogFormat = iota
	// LogCSV reads comma-, semicolon- or tab-separated values (sniffed) with
	// RFC 4180 quoting.
	LogCSV
	// LogWhitespace splits every line on runs of spaces and tabs, as in the
	// CDNOW logs; a timestamp must then be one token (YYYYMMDD, YYYY-MM-DD,
	// or ISO 8601 with a "T").
	LogWhitespace
)

// LogColumns names the column playing each role in an order log. An empty
// name means "detect it from the header". In a log without a header the
// columns are named by their 1-based position: "1", "2", …
type LogColumns struct {
	Customer string // customer id (required)
	Time     string // order date or date-time (required)
	Amount   string // money of the line or order
	Price    string // unit price: amount = price × quantity when no Amount
	Quantity string // units; a negative quantity marks a cancellation
	Order    string // order or invoice id: lines sharing one form one order
	Item     string // product id: the distinct_items and basket features
	// Description is the item's text (read only when given or when
	// LogOptions.Descriptions asks for it; see OrderLog.ItemDescriptions).
	Description string `json:"Description,omitempty"`
	// Event is the event type of an event log (view, cart, purchase, …):
	// only its purchase events are orders (see IsPurchaseEvent); the others
	// are counted in OrderLog.OtherEvents.
	Event string `json:"Event,omitempty"`
	// Status is an order's status (delivered, canceled, …): a line whose
	// status is a cancellation (see IsCancelledStatus) is cancelled.
	Status string `json:"Status,omitempty"`
}

// LogOptions controls ReadOrderLog. The zero value detects everything.
type LogOptions struct {
	Format  LogFormat
	Columns LogColumns
	// NoHeader says the first line is data. Without it, a CSV log always has
	// a header and a whitespace log has one when no field of its first line
	// is a number.
	NoHeader bool
	// DateLayout is a Go time layout ("02.01.2006 15:04") that every
	// timestamp must match; it replaces detection.
	DateLayout string
	// DateOrder reads day/month/year or month/day/year dates, which are
	// refused by default because they cannot be told apart reliably.
	DateOrder DateOrder
	// DateOrderIfUnknown is the order to read day/month/year dates in when
	// DateOrder is not given and the log's own dates do not show one (a
	// model file's record of the order its training log used, say).
	DateOrderIfUnknown DateOrder
	// Today, when set, is the caller's current date: lines dated after it
	// are counted in OrderLog.Future (the data package reads no clock).
	Today time.Time
	// Descriptions detects an item description column ("Description",
	// "product_name", …) and keeps each item's most frequent description in
	// OrderLog.ItemDescriptions, unless the item column is named and not
	// named like a product id (a category: the products' descriptions do not
	// describe it). Off by default: only the recommender shows them, and
	// decoding the column costs time on large logs.
	Descriptions bool
	// WatchItems are item ids (as written, trimmed) to look for on the
	// lines left out of the orders; those found there are listed in
	// OrderLog.ItemsLeftOut, so that an id named to be excluded can be
	// told apart from one the log does not hold at all.
	WatchItems []string
	// noEvent reads the log as if it had no event type column: a column
	// detected by its name as one, in which no line is a purchase, is not
	// one (orderlog_events.go).
	noEvent bool
	// maxLines, when above 0, stops the reading after that many data
	// lines, as if the log ended there (LookLikeOrderLog).
	maxLines int
}

// Order is one order of an OrderLog: a line of the log, or all the lines
// sharing an order id (their amounts and quantities summed, the earliest
// date kept).
type Order struct {
	Customer int32   // index into OrderLog.Customers
	Day      int32   // calendar date as days since 1970-01-01
	Amount   float64 // 0 when the log has no amount or price
	Quantity float64 // 0 when the log has no quantity
}

// OrderLog is a parsed order log: its orders in file order and what was left
// out of them.
type OrderLog struct {
	Name string
	// Customers holds each distinct customer id, in order of first appearance.
	Customers []string
	Orders    []Order
	// Columns records the header names used for each role ("" for none).
	Columns LogColumns
	// Header holds every column name as read ("1", "2", … without a header).
	Header []string
	// Headerless says the log had no header line: its columns are known by
	// number only.
	Headerless bool
	// HasAmount reports whether the log has an amount or price column.
	HasAmount bool
	// Stripped is what was removed from amounts, prices and quantities to
	// read them as numbers ("¥5,418.00"; see NumberNote).
	Stripped NumberMarks
	// Workbook says which sheets of an Excel workbook were read (nil when
	// the file is not a workbook).
	Workbook *WorkbookSheets
	// Titles are the lines above a CSV log's header read as a report's
	// titles and left out (csvTitles).
	Titles []string
	// Renamed lists the columns whose header name repeats an earlier
	// column's, read under another name (renameLogHeader); RenamedNotes
	// says them.
	Renamed []RenamedColumn
	// Lines counts the data lines read (excluding the header and blank lines).
	Lines int
	// Cancelled counts lines left out as cancellations or refunds: a
	// cancelled status, a negative quantity or amount (an order id of "C"
	// and digits, "C536379", only marks a negative line as no discount
	// and no stock adjustment). CancelRules and NegativeAmounts say by
	// which rule.
	// A line of negative amount in an order that is kept is not one but a
	// discount (Discounts).
	Cancelled int
	// Discounts counts the lines of negative amount (and a quantity that
	// is not negative) under the order id of a kept order of the same
	// customer: coupons, discounts, partial refunds, netted into that
	// order's amount (orderlog_discount.go).
	Discounts int
	// MissingCustomer counts lines left out for a blank or NA customer id
	// (a cancelled line without one counts as cancelled).
	MissingCustomer int
	// Blank records the kept lines whose amount, price or quantity held
	// no number, read as 0 (see BlankNumbers).
	Blank BlankNumbers
	// FullWidth records that amounts, prices or quantities were written
	// with full-width digits or signs, read as ASCII (orderlog_width.go).
	FullWidth bool
	// DecimalCommas records that amounts, prices or quantities were
	// written with decimal commas ("4,55" in a semicolon file).
	DecimalCommas bool
	// FloatIDs counts the lines whose customer id was a whole number
	// written with a decimal part of zeros ("13522.0"), read without it
	// (see customerID).
	FloatIDs int
	// Items holds each distinct item id (nil without an item column), and
	// OrderItems the item of each kept line that has one; CancelledOrders
	// the cancelled orders of customers with a kept order (orderlog_keep.go).
	Items      []string
	OrderItems []OrderItem
	// ItemDescriptions holds, for each item, its most frequent description
	// among the kept lines, trimmed ("" when none; ties go to the
	// alphabetically first). Nil unless a description column was read.
	ItemDescriptions []string
	CancelledOrders  []CancelledOrder
	// CancelledItems are the items of the cancelled lines that reverse a
	// sale, of the CancelledOrders (orderlog_keep.go).
	CancelledItems []CancelledItem
	// OtherEvents counts the lines of an event log whose event is not a
	// purchase, left out; EventCounts has them by event type, most lines
	// first (orderlog_events.go).
	OtherEvents int
	EventCounts []EventCount
	// Events are those events, of customers with a kept order, and
	// EventTypes their types as written (orderlog_events.go).
	Events     []LogEvent
	EventTypes []string
	// EventOnly holds, for each visitor of an event log with an event but
	// no kept order, the day of their first event (days since 1970-01-01,
	// in no particular order): they are not customers and are not scored
	// (orderlog_visitors.go).
	EventOnly []int32
	// StatusCounts counts the lines by order status, most first (a log
	// with a status column; see StatusNote).
	StatusCounts []StatusCount
	// EventTypesWithheld and StatusesWithheld keep the event types
	// (EventCounts) and the order statuses (StatusCounts) out of the notes
	// that count them: they name people (a column of e-mail addresses
	// given the event or status role), as experiment.Data.Pseudonymise
	// decides under --pseudonymise.
	EventTypesWithheld, StatusesWithheld bool
	// ItemsLeftOut are the ids of LogOptions.WatchItems that are on a
	// line left out of the orders or of their items (cancelled, a stock
	// adjustment, without a customer id, of quantity 0, or an event that
	// is not a purchase), in the order first seen.
	ItemsLeftOut []string
	// Adjustments counts stock adjustments left out: lines with a negative
	// quantity, a zero price or amount, no customer id and an order id that
	// is not a "C" cancellation (see isStockAdjustment).
	Adjustments int
	// NegativeAmounts describes the cancelled lines whose only mark of a
	// cancellation is a negative amount.
	NegativeAmounts NegativeAmounts
	// CancelRules counts the other cancelled lines by the rule that left
	// them out.
	CancelRules CancelRules
	// KeptCInvoices counts the lines kept as orders although their order
	// id is "C" + digits (KeptCNote).
	KeptCInvoices CancelRule
	// First and Last are the dates of the earliest and latest kept order.
	First, Last time.Time
	// earliest are the earliest dated lines, for EarlyDated.
	earliest earliest
	// Today is LogOptions.Today; Future counts the data lines dated after
	// it, and LastUpToToday is the latest kept order on or before it (zero
	// when every order is later). Without Today, Future is 0 and
	// LastUpToToday is Last.
	Today         time.Time
	Future        int
	LastUpToToday time.Time
	// DateOrder is the order its dates written with the year last were
	// read in (DateAuto when it has none).
	DateOrder DateOrder
	// dateShownBy is the date that showed the order when the log's own
	// dates did (`"13/1/2011" at line 5`; see DateOrderFound), dateAssumed
	// that it was LogOptions.DateOrderIfUnknown.
	dateShownBy string
	dateAssumed bool
	// weakOrder is set when few of its dates showed the order (see
	// WeakDateOrder).
	weakOrder *WeakDateOrder
	// dayNumbers records that the date column held day numbers, not dates
	// (see DayNumbers).
	dayNumbers bool
	// timeForm is the form its dates were written in (see TimeForm).
	timeForm TimeForm
}

// ErrLogColumns reports a log whose roles cannot be resolved: no customer or
// date column, or a named column that does not exist.
var ErrLogColumns = errors.New("cannot find the order log's columns")

// ErrBadDate reports a timestamp that cannot be parsed or is ambiguous.
var ErrBadDate = errors.New("unparseable date")

// ReadOrderLog reads an order or event log: one line per order or order line
// with a customer id, a timestamp and usually an amount. name is used in
// errors (usually the file name). Cancellations and lines without a customer
// id are left out and counted; any malformed line is a *ParseError naming
// the line and the 1-based field. A Parquet input (recognised by "PAR1") is
// read by the same rules, row by row (see readParquetLog).
func ReadOrderLog(r io.Reader, name string, opts LogOptions) (*OrderLog, error) {
	in, rest, err := sniffParquet(r, name)
	if err != nil {
		return nil, err
	}
	if in != nil {
		read := func(o LogOptions) (*OrderLog, error) { return readParquetLog(in, name, o) }
		return readSettled(name, opts, read, read)
	}
	if wb, ok := rest.(*workbookText); ok {
		read := func(o LogOptions) (*OrderLog, error) {
			return readTextLog(io.NewSectionReader(wb, 0, wb.Size()), name, o)
		}
		log, err := readSettled(name, opts, read, read)
		if log != nil {
			log.Workbook = wb.sheets
			log.dateShownBy = wb.relocateNote(log.dateShownBy)
		}
		return log, wb.locate(name, err)
	}
	var again func(LogOptions) (*OrderLog, error)
	if ra, ok := r.(io.ReaderAt); ok {
		if size, ok := sizeOf(r); ok {
			again = func(o LogOptions) (*OrderLog, error) {
				return readTextLog(io.NewSectionReader(ra, 0, size), name, o)
			}
		}
	}
	return readSettled(name, opts, func(o LogOptions) (*OrderLog, error) { return readTextLog(rest, name, o) }, again)
}

// readSettled reads a log (read) and reads it again (again; nil for a
// stream, which is refused instead) when the first reading ends on what
// it found: the order of dates written with the year last, which the
// options did not give (orderlog_order.go), or a column named like an
// event type (action, activity, …) in which no line is a purchase, which
// is then read as an ordinary column (orderlog_events.go). Each can end a
// reading once.
func readSettled(name string, opts LogOptions, read, again func(LogOptions) (*OrderLog, error)) (*OrderLog, error) {
	log, err := read(opts)
	var found *orderFound
	for range 2 {
		var notEvents *notEventsError
		switch f, ok := isOrderFound(err); {
		case ok && again == nil:
			return nil, orderStreamError(name, f)
		case ok:
			found, opts.DateOrder = f, f.order
		case errors.As(err, &notEvents) && again == nil:
			return nil, parseErr(name, 1, 0, ErrLogColumns, fmt.Sprintf(
				"column %q reads like an event type but no line of it is a purchase (%s); "+
					"a stream cannot be read twice to read it as an ordinary column: give the log as a file",
				notEvents.column, strings.Join(purchaseEvents, ", ")))
		case notEvents != nil:
			opts.noEvent = true
		default:
			if log != nil && found != nil {
				noteOrderFound(log, found)
			}
			return log, err
		}
		log, err = again(opts)
	}
	if log != nil && found != nil {
		noteOrderFound(log, found)
	}
	return log, err
}

// readTextLog reads a CSV or whitespace-separated log.
func readTextLog(r io.Reader, name string, opts LogOptions) (*OrderLog, error) {
	br, err := newInputReader(r, name)
	if err != nil {
		return nil, err
	}
	format := opts.Format
	if format == LogAuto {
		format = LogWhitespace
		first, _ := br.Peek(readBufferSize)
		// The first line with text: blank lines before the header (a
		// workbook's empty first rows) are skipped by the reader.
		first = bytes.TrimLeft(first, "\r\n")
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		if bytes.ContainsAny(first, ",;\t|") {
			format = LogCSV
		} else if sample, _ := br.Peek(readBufferSize); spaceTable(sample) {
			// Columns separated by spaces: a whitespace log.
		} else if n, _ := csvTitles(br, delimiterOf(br)); n > 0 {
			format = LogCSV // title lines above a CSV header
		}
	}
	var src logSource
	var titles []string
	decimalComma := false
	if format == LogCSV {
		delim := delimiterOf(br)
		if named, ok := excelSepLine(br); ok {
			delim = named
		}
		rr := newRecordReader(br, name, delim)
		if err := skipSepLine(rr, br); err != nil {
			return nil, wrapReadErr(name, err)
		}
		if err := skipTitles(rr, br); err != nil {
			return nil, wrapReadErr(name, err)
		}
		src, titles = &csvSource{rr: rr}, rr.titles
		// Semicolon-separated exports (spreadsheets in locales whose
		// decimal mark is a comma) write 12,50 for 12.5, as per-user
		// tables read them (csv_cells.go).
		decimalComma = delim == ';'
	} else {
		src = &spaceSource{rr: newRecordReader(br, name, 0)}
	}
	p := &logParser{name: name, src: src, opts: opts, decimalComma: decimalComma}
	log, err := p.run()
	if log != nil {
		log.Titles = titles
	}
	return log, atHeader(err, p.headerLine)
}

// TitlesNote says which lines above the log's header were read as titles
// and left out, "" when none were.
func (l *OrderLog) TitlesNote() string { return titlesNote(l.Titles) }

// logParser holds the state of one ReadOrderLog call.
type logParser struct {
	name string
	// headerLine is the line of the log's first record (its header, or
	// its first order when it has none).
	headerLine int
	src        logSource
	opts       LogOptions
	log        *OrderLog
	cols       logRoles
	// byCustomer maps a customer id to its index in log.Customers.
	byCustomer map[string]int32
	// byOrder maps (customer, order id) to the index of its order.
	byOrder map[orderKey]int
	dates   dateParser
	keep    keepState
	// maxItems, when above 0, bounds the lines that can keep an item (a
	// Parquet footer tells): OrderItems is then made once at that size
	// instead of growing by copies as the lines come.
	maxItems int
	// decimalComma accepts a decimal comma and points grouping thousands in
	// the numeric fields (semicolon-separated CSV); marks tracks, per field,
	// how it writes them (see decimalMarks).
	decimalComma bool
	marks        []decimalMarks // by field index
	// purchases counts the lines whose event is a purchase.
	purchases int
	// blank is the current line's first numeric cell without a number.
	blank blankCell
	// watch holds LogOptions.WatchItems, each true once seen on a line
	// left out (orderlog_watch.go); nil when none are watched.
	watch map[string]bool
	// discounts are the lines with a negative amount held aside until it
	// is known whether their order is kept, discountIndex their index by
	// order (orderlog_discount.go).
	discounts     []pendingDiscount
	discountIndex map[orderKey]int
	// negativeCustomers holds the customers of the lines cancelled only
	// for a negative amount (orderlog_negative.go).
	negativeCustomers map[string]struct{}
}

type orderKey struct {
	customer int32
	order    string
}

func (p *logParser) run() (*OrderLog, error) {
	p.log = &OrderLog{Name: p.name, Today: p.opts.Today}
	p.byCustomer = make(map[string]int32)
	p.byOrder = make(map[orderKey]int)
	p.dates = dateParser{layout: p.opts.DateLayout, order: p.opts.DateOrder, dayNumbers: true}
	p.startWatch()
	err := p.src.next()
	if err == io.EOF {
		return nil, restated(parseErr(p.name, 0, 0, ErrEmpty, "empty file"))
	}
	if err != nil {
		return nil, wrapReadErr(p.name, err)
	}
	p.headerLine = p.src.line()
	header, hasHeader := p.header()
	var firstLine [][]byte
	if !hasHeader {
		firstLine = make([][]byte, p.src.fields())
		for i := range firstLine {
			firstLine[i] = p.src.field(i)
		}
	}
	if p.cols, err = resolveRoles(p.name, header, hasHeader, !p.src.isCSV(), p.opts.Columns, p.opts.Descriptions, firstLine); err != nil {
		return nil, err
	}
	if p.opts.noEvent {
		p.cols.event = -1
	}
	if hasHeader {
		if header, p.log.Renamed, err = renameLogHeader(p.name, p.headerLine, header, p.cols, p.opts.Columns); err != nil {
			return nil, err
		}
	}
	p.log.Columns = p.cols.names(header)
	p.log.Header, p.log.Headerless = header, !hasHeader
	p.log.HasAmount = p.cols.amount >= 0 || p.cols.price >= 0
	if hasHeader {
		err = p.src.next()
	}
	for ; err == nil; err = p.src.next() {
		if err := p.line(len(header)); err != nil {
			if err == errNeedOrder {
				return nil, p.findDateOrder(len(header))
			}
			return nil, err
		}
		if p.opts.maxLines > 0 && p.log.Lines >= p.opts.maxLines {
			err = io.EOF
			break
		}
	}
	if err != io.EOF {
		return nil, wrapReadErr(p.name, err)
	}
	if p.log.Lines == 0 {
		return nil, restated(parseErr(p.name, 0, 0, ErrHeaderOnly, "no order lines after the header"))
	}
	if p.dates.sawYearLast {
		p.log.DateOrder = p.opts.DateOrder
	}
	p.log.dayNumbers = p.dates.dayMode > 0
	p.log.timeForm = p.dates.form
	p.finishDescriptions()
	p.finishDiscounts()
	p.finishNegatives()
	p.finishKeep()
	if p.log.Columns.Event != "" && p.opts.Columns.Event == "" && p.purchases == 0 && !p.sawBehaviour() {
		return nil, &notEventsError{column: p.log.Columns.Event}
	}
	if len(p.log.Orders) == 0 {
		events, withheld := "", ""
		if n := p.log.EventNote(); n != "" {
			events = fmt.Sprintf(", %s: the event type column %q marks purchases as %s",
				n, p.log.Columns.Event, strings.Join(purchaseEvents, ", "))
			hidden := *p.log
			hidden.EventTypesWithheld = true
			withheld = fmt.Sprintf(", %s: the event type column %q marks purchases as %s",
				hidden.EventNote(), p.log.Columns.Event, strings.Join(purchaseEvents, ", "))
		}
		rules := cancelNote(p.log.CancelRules, p.log.NegativeAmounts)
		if rules != "" {
			rules = " (" + rules + ")"
		}
		noOrders := fmt.Sprintf("no usable orders: %s lines, %s cancelled%s, %s without a customer id%s",
			Thousands(p.log.Lines), Thousands(p.log.Cancelled), rules, Thousands(p.log.MissingCustomer), adjustmentNote(p.log.Adjustments))
		pe := parseErr(p.name, 0, 0, ErrHeaderOnly, noOrders+events)
		if withheld != "" {
			// Shown when the event types name people (experiment.WithholdCells).
			pe.Withheld = noOrders + withheld
		}
		pe.Facts = NoOrders{Lines: p.log.Lines, Cancelled: p.log.Cancelled, MissingCustomer: p.log.MissingCustomer,
			Adjustments: p.log.Adjustments, OtherEvents: p.log.OtherEvents, Events: p.log.EventCounts,
			Rules: p.log.CancelRules, Negative: p.log.NegativeAmounts,
			EventColumn: p.log.Columns.Event, Purchases: purchaseEvents}
		return nil, pe
	}
	first, last := p.log.Orders[0].Day, p.log.Orders[0].Day
	today, upTo := p.today(), int32(math.MinInt32)
	for _, o := range p.log.Orders {
		first, last = min(first, o.Day), max(last, o.Day)
		if o.Day <= today {
			upTo = max(upTo, o.Day)
		}
	}
	p.log.First, p.log.Last = dayTime(first), dayTime(last)
	if upTo > math.MinInt32 {
		p.log.LastUpToToday = dayTime(upTo)
	}
	return p.log, nil
}

// today is the day number of LogOptions.Today, or the largest day number
// when it is not set or the log's dates are day numbers, which are no
// calendar dates to be after today.
func (p *logParser) today() int32 {
	if p.opts.Today.IsZero() || p.dates.dayMode > 0 {
		return math.MaxInt32
	}
	return dayNumber(p.opts.Today)
}

// FutureDated describes the lines of an order log dated after today: Future
// of Lines, with the log's dates running First .. Last.
type FutureDated struct {
	Name               string
	Future, Lines      int
	Today, First, Last time.Time
}

// String is the description in English (OrderLog.FutureNote).
func (f FutureDated) String() string {
	verb := "are"
	if f.Future == 1 {
		verb = "is"
	}
	return fmt.Sprintf("%s: %s of %s lines %s dated after today (%s); the log's dates run %s .. %s",
		f.Name, Thousands(f.Future), Thousands(f.Lines), verb, f.Today.Format(time.DateOnly),
		f.First.Format(time.DateOnly), f.Last.Format(time.DateOnly))
}

// FutureDated describes the lines dated after Today, or returns nil when
// there are none.
func (l *OrderLog) FutureDated() *FutureDated {
	if l.Future == 0 {
		return nil
	}
	return &FutureDated{Name: l.Name, Future: l.Future, Lines: l.Lines, Today: l.Today, First: l.First, Last: l.Last}
}

// FutureNote describes the lines dated after Today, or returns "" when
// there are none.
func (l *OrderLog) FutureNote() string {
	if f := l.FutureDated(); f != nil {
		return f.String()
	}
	return ""
}

// LastKnown is the date default cutoffs count back from: LastUpToToday,
// so that lines dated after today (most often mistyped years) move no
// default, or Last when every order is dated after today.
func (l *OrderLog) LastKnown() time.Time {
	if l.LastUpToToday.IsZero() {
		return l.Last
	}
	return l.LastUpToToday
}

// CustomersBy counts the customers with an order on or before day's
// calendar date: the customers of the log up to LastKnown, where lines
// dated after today are left out.
func (l *OrderLog) CustomersBy(day time.Time) int {
	last := dayNumber(day)
	seen := make([]bool, len(l.Customers))
	n := 0
	for _, o := range l.Orders {
		if o.Day <= last && !seen[o.Customer] {
			seen[o.Customer] = true
			n++
		}
	}
	return n
}

// header returns the column names: the first record's fields, or "1", "2",
// … when the first record is data.
func (p *logParser) header() ([]string, bool) {
	n := p.src.fields()
	names := make([]string, n)
	for i := range names {
		names[i] = strings.TrimSpace(string(p.src.field(i)))
	}
	hasHeader := !p.opts.NoHeader
	// A first line with a number in it is data, in a whitespace log and in
	// a CSV one (Taobao's UserBehavior.csv has no header); a Parquet file's
	// first record is its column names.
	if _, parquet := p.src.(*parquetSource); hasHeader && !parquet {
		for _, s := range names {
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				hasHeader = false
			}
		}
	}
	if !hasHeader {
		for i := range names {
			names[i] = strconv.Itoa(i + 1)
		}
	}
	return names, hasHeader
}

// ragged refuses a current record without the header's want fields.
func (p *logParser) ragged(want int) error {
	if got := p.src.fields(); got != want {
		format := "%d fields, the header has %d"
		if p.log.Headerless {
			format = "%d fields, the first line has %d"
		}
		pe := parseErr(p.name, p.src.line(), min(got, want)+1, ErrRagged, fmt.Sprintf(format, got, want))
		pe.Facts = FieldCount{Got: got, Want: want, Headerless: p.log.Headerless}
		return pe
	}
	return nil
}

// line parses the current record and adds it to the log.
func (p *logParser) line(want int) error {
	src, c := p.src, p.cols
	line := src.line()
	if err := p.ragged(want); err != nil {
		return err
	}
	p.log.Lines++
	p.blank.col = -1
	cell := trimSpace(src.field(c.time))
	day, err := p.dates.day(cell)
	if err == errNeedOrder {
		return err
	}
	if err != nil {
		pe := parseErr(p.name, line, c.time+1, ErrBadDate, err.Error())
		pe.Facts = badDate(string(cell), err)
		return pe
	}
	if day > p.today() {
		p.log.Future++
	}
	p.log.earliest.add(datedLine{day, line, c.time + 1})
	if c.event >= 0 {
		if ev := trimSpace(src.field(c.event)); !IsPurchaseEvent(ev) {
			p.keepEvent(p.customerID(trimSpace(src.field(c.customer))), ev, day)
			p.watchLeftOut()
			return nil
		}
		p.purchases++
	}
	qty, err := p.number(c.quantity, "quantity", line)
	if err != nil {
		return err
	}
	amount, err := p.number(c.amount, "amount", line)
	if err != nil {
		return err
	}
	if c.amount < 0 && c.price >= 0 {
		price, err := p.number(c.price, "price", line)
		if err != nil {
			return err
		}
		amount = price
		if c.quantity >= 0 {
			amount = price * qty
		}
		if !(math.Abs(amount) <= MaxLogNumber) {
			return p.tooLarge(line, c.price, TooLarge{Role: "price", Cell: string(trimSpace(src.field(c.price))),
				Times: string(trimSpace(src.field(c.quantity)))})
		}
	}
	var orderID string
	switch {
	case c.order >= 0:
		orderID = string(trimSpace(src.field(c.order)))
	case c.item >= 0:
		// A log of item lines without order ids: one customer's lines on
		// one day form one order (a basket), as the recommender's baskets
		// and the SQL export's orders do.
		orderID = strconv.Itoa(int(day))
	}
	cust := p.customerID(trimSpace(src.field(c.customer)))
	var cancelled bool
	if c.status >= 0 {
		status := trimSpace(src.field(c.status))
		cancelled = IsCancelledStatus(status)
		p.countStatus(status)
	}
	// An order id "C" + digits marks a cancellation only on a line that
	// reverses a sale (a negative quantity or amount), as in the UCI
	// Online Retail logs: a log whose order ids merely start with "C"
	// loses none of its sales to it (see cancelInvoice).
	cInvoice := cancelInvoice(orderID, qty, amount)
	// A line without a customer whose only mark of a cancellation is a
	// negative amount (a quantity of at least 0, no cancelled status or
	// "C" invoice: Online Retail's "Adjust bad debt" lines) cancels no
	// one's order; it is counted as a line without a customer id.
	unowned := isMissing(cust) && !cancelled && qty >= 0 && !cInvoice
	if !unowned && (cancelled || qty < 0 || amount < 0) {
		p.watchLeftOut()
		if p.isStockAdjustment(cInvoice, qty, amount, cust) {
			p.log.Adjustments++
			return nil
		}
		if !cancelled && !cInvoice && p.mayBeDiscount(orderID, qty, amount, cust) {
			p.holdDiscount(cust, orderID, day, amount, line)
			return nil
		}
		p.log.Cancelled++
		switch r := &p.log.CancelRules; {
		case cancelled:
			r.Status.note(line, c.status+1)
		case qty < 0:
			r.NegativeQuantity.note(line, c.quantity+1)
		case cInvoice:
			r.CInvoice.note(line, p.amountCol())
		case !isMissing(cust):
			p.noteNegative(1, line, p.amountCol(), string(cust))
		}
		// A line that reverses a sale (a negative quantity or amount, a
		// "C" invoice) takes its money back from the customer's spend; a
		// line cancelled by its status alone is the cancelled order
		// itself, whose money was never counted.
		var refund, units float64
		if qty < 0 || amount < 0 {
			refund, units = math.Abs(amount), math.Abs(qty)
			if c.quantity < 0 {
				units = 1 // without quantities a line is one unit
			}
		}
		var item []byte
		if c.item >= 0 {
			item = trimSpace(src.field(c.item))
		}
		p.keepCancel(cust, orderID, day, refund, item, units)
		return nil
	}
	if c.order >= 0 && isCancelledInvoice(orderID) {
		p.log.KeptCInvoices.note(line, c.order+1)
	}
	if isMissing(cust) {
		p.log.MissingCustomer++
		p.watchLeftOut()
		return nil
	}
	oi := p.add(cust, orderID, day, amount, qty)
	p.keepBlank(line)
	// A line of zero quantity sold nothing: its order counts, its item not.
	if c.item >= 0 && (c.quantity < 0 || qty > 0) {
		units := qty
		if c.quantity < 0 {
			units = 1 // without quantities a line is one unit
		}
		ii := p.keepItem(oi, trimSpace(src.field(c.item)), units)
		if ii >= 0 && c.description >= 0 {
			p.keepDescription(ii, trimSpace(src.field(c.description)))
		}
	} else {
		p.watchLeftOut()
	}
	return nil
}

// number parses the numeric field at index col (0 when col < 0).
func (p *logParser) number(col int, what string, line int) (float64, error) {
	if col < 0 {
		return 0, nil
	}
	cell := trimSpace(p.src.field(col))
	if isMissing(cell) {
		// No number: the line still is an order (BlankNumbers).
		p.noteBlank(col, what, cell)
		return 0, nil
	}
	if c, ok := foldWidth(cell); ok {
		cell, p.log.FullWidth = c, true
	}
	if p.decimalComma {
		if bytes.IndexByte(cell, ',') >= 0 {
			p.log.DecimalCommas = true
		}
		v, err := p.commaNumber(col, what, line, cell)
		if err == nil && !(math.Abs(v) <= MaxLogNumber) {
			return 0, p.tooLarge(line, col, TooLarge{Role: what, Cell: string(cell)})
		}
		return v, err
	}
	v, ok := parseNumber(cell)
	if !ok {
		var marks NumberMarks
		v, marks, ok = parseCleaned(cell, false)
		p.log.Stripped |= marks
	}
	if !ok {
		pe := parseErr(p.name, line, col+1, ErrNotNumeric,
			fmt.Sprintf("%s %s is not a number", what, quoteCut(cell)))
		pe.Facts = NotANumber{Role: what, Cell: string(cell)}
		return 0, pe
	}
	if !(math.Abs(v) <= MaxLogNumber) {
		return 0, p.tooLarge(line, col, TooLarge{Role: what, Cell: string(cell)})
	}
	return v, nil
}

// intern returns the index of id in names, appending it (and recording it
// in index) the first time it is seen.
func intern(index map[string]int32, names *[]string, id []byte) int32 {
	i, ok := index[string(id)]
	if !ok {
		i = int32(len(*names))
		s := string(id)
		*names = append(*names, s)
		index[s] = i
	}
	return i
}

// add records one kept line, merging it into its order when the log has
// order ids, and returns the index of its order.
func (p *logParser) add(cust []byte, orderID string, day int32, amount, qty float64) int {
	log := p.log
	ci := intern(p.byCustomer, &log.Customers, cust)
	if orderID != "" {
		key := orderKey{ci, orderID}
		if oi, ok := p.byOrder[key]; ok {
			o := &log.Orders[oi]
			o.Amount += amount
			o.Quantity += qty
			o.Day = min(o.Day, day)
			return oi
		}
		p.byOrder[key] = len(log.Orders)
	}
	log.Orders = append(log.Orders, Order{Customer: ci, Day: day, Amount: amount, Quantity: qty})
	return len(log.Orders) - 1
}

// cancelInvoice reports a line that an invoice number of the form "C" +
// digits marks as a cancellation: its quantity or amount is negative, as
// on every "C" line of the UCI Online Retail logs. A "C" id on a line that
// sells (orders numbered "C1000000", "C1000001", …) is an order id like
// any other.
func cancelInvoice(id string, qty, amount float64) bool {
	return (qty < 0 || amount < 0) && isCancelledInvoice(id)
}

// isCancelledInvoice reports an invoice number of the form "C" + digits
// only, the cancellation convention of the UCI Online Retail logs (when
// the line is negative: cancelInvoice). Ids such as "CA-2016-152156",
// hexadecimal ids ("c76abf43…") and UUIDs that happen to start with "c"
// and a digit are not cancellations.
func isCancelledInvoice(id string) bool {
	if len(id) < 2 || id[0] != 'C' && id[0] != 'c' {
		return false
	}
	for i := 1; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// dayTime returns midnight UTC of a day number.
func dayTime(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// DayNumber returns the day number (days since 1970-01-01) of t's calendar
// date in its own location: a log's day n is DayNumber n when its dates are
// day numbers (OrderLog.DayNumbers).
func DayNumber(t time.Time) int32 { return dayNumber(t) }

// dayNumber returns the day number of t's calendar date in its own location.
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	secs := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	if secs < 0 {
		secs -= 86400 - 1 // round towards minus infinity
	}
	return int32(secs / 86400)
}
