package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"scorecard/internal/diag"
)

// An XLSX workbook is a zip file of XML parts, which a small file can
// unpack to gigabytes. ReadXLSX reads only the parts a sheet's cells need:
// the list of sheets, the cell formats, the shared text and the one sheet,
// each within a limit on its unpacked size. It reads the sheet twice, a
// token at a time: first to check it is within the limits on a sheet
// (MaxRows and the others), refusing it at the first cell beyond them;
// then through excelize, which shows each cell as the spreadsheet does.
// excelize is given a workbook made of those parts alone, with the cell
// formats the sheet uses and nothing else, so that it too stays within
// bounds.
const (
	maxSheetXML  = 128 << 20 // the sheet's part, unpacked
	maxSharedXML = 64 << 20  // the shared text, xl/sharedStrings.xml
	maxShared    = 500_000   // the shared texts
	maxStylesXML = 16 << 20  // the cell formats, xl/styles.xml
	maxOtherXML  = 16 << 20  // the list of sheets, and how the parts relate

	// Limits a spreadsheet keeps to: Excel has at most 64,000 cell
	// formats and a few hundred number formats, none of them longer than
	// 255 characters.
	maxStyles      = 65_536 // cell formats a cell may use
	maxNumFmts     = 10_000 // number formats the workbook defines
	maxFormatLen   = 255    // characters of a number format
	maxUsedFormats = 1_000  // number formats the sheet's cells use
)

// ReadXLSX reads the sheet called name (the first sheet when name is "") of
// an XLSX workbook. Each cell is read as the spreadsheet displays it, with
// its number format applied: 0.935 formatted as a percentage reads 93.5%,
// a time of a minute and a half formatted mm:ss reads 01:30. A workbook
// beyond the limits is refused with the first cell beyond them.
func ReadXLSX(file string, data []byte, name string) (*Sheet, error) {
	return readXLSX(file, bytes.NewReader(data), int64(len(data)), name)
}

// oleMagic starts a file in Microsoft's older compound format: an .xls
// workbook, or an .xlsx one protected with a password.
var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

func readXLSX(file string, r io.ReaderAt, size int64, name string) (*Sheet, error) {
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		return nil, fileError(file, "the workbook is protected with a password, or is an old .xls file; open it in the spreadsheet and save it without a password as an Excel Workbook (.xlsx)")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, notWorkbook(file, err)
	}
	wb := &xlsxFile{file: file, parts: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, `\`, "/")
		if _, dup := wb.parts[n]; !dup {
			wb.parts[n] = f
		}
		if _, dup := wb.lower[strings.ToLower(n)]; !dup {
			wb.lower[strings.ToLower(n)] = f
		}
	}

	book, err := wb.book()
	if err != nil {
		return nil, err
	}
	var sheet *bookSheet
	switch {
	case len(book.sheets) == 0:
		return nil, fileError(file, "the workbook has no sheets")
	case name == "":
		sheet = &book.sheets[0]
	default:
		for i := range book.sheets {
			if book.sheets[i].name == name {
				sheet = &book.sheets[i]
				break
			}
		}
		if sheet == nil {
			names := make([]string, 0, 20)
			for _, s := range book.sheets[:min(len(book.sheets), 20)] {
				names = append(names, strconv.Quote(s.name))
			}
			if more := len(book.sheets) - len(names); more > 0 {
				names = append(names, fmt.Sprintf("%s more", withCommas(more)))
			}
			return nil, fileError(file, "the workbook has no sheet %q; it has %s; pick one with -sheet", name, joinList(names))
		}
	}
	part, err := wb.sheetPart(book, sheet)
	if err != nil {
		return nil, err
	}
	st, err := wb.styles()
	if err != nil {
		return nil, err
	}
	shared, sharedPart, err := wb.shared()
	if err != nil {
		return nil, err
	}
	sh := &Sheet{File: file, Name: sheet.name}
	m := &measure{sh: sh, styles: st, shared: shared, used: map[int]bool{}, formats: map[int]bool{}}
	if err := wb.scan(part, fmt.Sprintf("sheet %q", sheet.name), maxSheetXML, m.token); err != nil {
		return nil, err
	}
	if m.lastRow == 0 {
		return sh, nil
	}
	return wb.read(sh, book, part, sharedPart, st, m)
}

func notWorkbook(file string, err error) error {
	return fileError(file, "cannot read the file as an XLSX workbook: %v; save it from the spreadsheet as an Excel Workbook (.xlsx)", err)
}

// xlsxFile is an XLSX file's parts, by name.
type xlsxFile struct {
	file  string
	parts map[string]*zip.File
	lower map[string]*zip.File // by lower-case name
}

// part returns the part called name, or one whose name differs only in
// case, or nil.
func (wb *xlsxFile) part(name string) *zip.File {
	if f := wb.parts[name]; f != nil {
		return f
	}
	return wb.lower[strings.ToLower(name)]
}

// errStop ends a scan early, without error.
var errStop = errors.New("stop")

// scan reads part f's XML a token at a time, calling each with every
// token until it returns an error; errStop ends the scan without one. A
// part that unpacks to more than limit bytes is refused; what names the
// part in that message.
func (wb *xlsxFile) scan(f *zip.File, what string, limit int64, each func(xml.Token) error) error {
	if f.UncompressedSize64 > uint64(limit) {
		return fileError(wb.file, "the workbook's %s unpacks to %s MiB, more than the %d MiB Scorecard reads, and far more than a scorecard needs; copy the scorecard alone into a new workbook and save that",
			what, withCommas(int(min(f.UncompressedSize64, 1<<50)>>20)), limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return wb.damaged(f, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return wb.damaged(f, err)
		}
		if err := each(tok); errors.Is(err, errStop) {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func (wb *xlsxFile) damaged(f *zip.File, err error) error {
	return notWorkbook(wb.file, fmt.Errorf("%s: %v", f.Name, err))
}

// attr returns the attribute of e whose local name is name, or "".
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// book is what the workbook's own part says: where it is, its sheets, and
// whether its dates count from 1904.
type book struct {
	path     string
	sheets   []bookSheet
	date1904 bool
}

type bookSheet struct{ name, rel string }

// book reads the workbook's part, found as excelize finds it: through the
// package's relationships, xl/workbook.xml when they do not say.
func (wb *xlsxFile) book() (*book, error) {
	b := &book{path: "xl/workbook.xml"}
	if rels := wb.part("_rels/.rels"); rels != nil {
		err := wb.scan(rels, "list of parts (_rels/.rels)", maxOtherXML, func(tok xml.Token) error {
			if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" && strings.HasSuffix(attr(e, "Type"), "/officeDocument") {
				b.path = strings.TrimPrefix(attr(e, "Target"), "/")
				return errStop
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	f := wb.part(b.path)
	if f == nil {
		return nil, notWorkbook(wb.file, fmt.Errorf("it has no %s", b.path))
	}
	err := wb.scan(f, "list of sheets ("+b.path+")", maxOtherXML, func(tok xml.Token) error {
		e, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case e.Name.Local == "workbookPr":
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case e.Name.Local == "sheet":
			b.sheets = append(b.sheets, bookSheet{name: attr(e, "name"), rel: attr(e, "id")})
		}
		return nil
	})
	return b, err
}

// sheetPart finds sheet's part as excelize does: through the workbook's
// relationships, relative to the workbook's own part.
func (wb *xlsxFile) sheetPart(b *book, sheet *bookSheet) (*zip.File, error) {
	dir := path.Dir(b.path)
	relsPath := path.Join(dir, "_rels", path.Base(b.path)+".rels")
	target := ""
	if rels := wb.part(relsPath); rels != nil {
		err := wb.scan(rels, "list of parts ("+relsPath+")", maxOtherXML, func(tok xml.Token) error {
			if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" && attr(e, "Id") == sheet.rel {
				target = attr(e, "Target")
				return errStop
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	p := strings.TrimPrefix(path.Clean(dir+"/"+target), "/")
	if strings.HasPrefix(target, "/") {
		p = strings.TrimPrefix(path.Clean(target), "/")
	}
	f := wb.part(p)
	if target == "" || f == nil {
		return nil, fileError(wb.file, "the workbook lists sheet %q, but the file does not hold it, so the file is damaged; open it in the spreadsheet and save it again", sheet.name)
	}
	return f, nil
}

// styles is what the workbook's cell formats say about showing a value.
type styles struct {
	xfs     []int          // each cell format's number format, by index
	formats map[int]string // the workbook's own number formats, by id
}

// styles reads xl/styles.xml, where excelize looks for it.
func (wb *xlsxFile) styles() (*styles, error) {
	st := &styles{formats: map[int]string{}}
	f := wb.part("xl/styles.xml")
	if f == nil {
		return st, nil
	}
	var inXfs, inFmts bool
	numFmts := 0
	err := wb.scan(f, "cell formats (xl/styles.xml)", maxStylesXML, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "cellXfs":
				inXfs = true
			case "numFmts":
				inFmts = true
			case "xf":
				if inXfs && len(st.xfs) < maxStyles {
					id, _ := strconv.Atoi(attr(e, "numFmtId"))
					st.xfs = append(st.xfs, id)
				}
			case "numFmt":
				if !inFmts {
					break
				}
				if numFmts++; numFmts > maxNumFmts {
					return fileError(wb.file, "the workbook defines more than %s number formats, where a spreadsheet allows a few hundred, so the file is damaged or was not saved by a spreadsheet; copy the scorecard into a new workbook and save that", withCommas(maxNumFmts))
				}
				id, err := strconv.Atoi(attr(e, "numFmtId"))
				if _, dup := st.formats[id]; err == nil && !dup {
					code := attr(e, "formatCode")
					st.formats[id] = code[:min(len(code), maxFormatLen+1)]
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "cellXfs":
				inXfs = false
			case "numFmts":
				inFmts = false
			}
		}
		return nil
	})
	return st, err
}

// shared reads the length of each shared text, in bytes, from
// xl/sharedStrings.xml, where excelize looks for it.
func (wb *xlsxFile) shared() ([]int, *zip.File, error) {
	f := wb.part("xl/sharedStrings.xml")
	if f == nil {
		return nil, nil, nil
	}
	var lens []int
	depth := 0 // inside an si, its depth
	err := wb.scan(f, "shared text (xl/sharedStrings.xml)", maxSharedXML, func(tok xml.Token) error {
		switch e := tok.(type) {
		case xml.StartElement:
			if depth > 0 {
				depth++
			} else if e.Name.Local == "si" {
				if len(lens) == maxShared {
					return fileError(wb.file, "the workbook holds more than %s different texts, far more than a scorecard needs; copy the scorecard alone into a new workbook and save that", withCommas(maxShared))
				}
				lens = append(lens, 0)
				depth = 1
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				lens[len(lens)-1] += len(e)
			}
		}
		return nil
	})
	return lens, f, err
}

// measure checks a sheet against the limits a token at a time, as
// excelize will read it: a cell belongs to the last row begun, and its
// column is the one after the cell before unless it names its own.
type measure struct {
	sh      *Sheet
	styles  *styles
	shared  []int
	used    map[int]bool // the cell formats of cells that hold something
	formats map[int]bool // the number formats they use

	inData  bool
	row     int // the row being read, or 0 before the first
	col     int // the last cell's column
	rowUsed int // cells of the row that hold something
	lastRow int // the last row with a cell that holds something
	text    int // the text of the cells, as shown, at most
	rowText int // the text of the row's cells, as shown, at most

	cell  bool // a cell is open
	c     cellScan
	in    string // the cell's v, is or f element being read
	depth int    // inside it, the depth
}

type cellScan struct {
	col    int
	typ    string
	style  int
	used   bool   // it has a value, inline text or a formula
	length int    // the bytes of its values and inline text
	value  []byte // its last value's own text, for a shared text's index, as excelize reads it
	long   bool   // that text was longer than value holds
}

func (m *measure) token(tok xml.Token) error {
	switch e := tok.(type) {
	case xml.StartElement:
		switch {
		case m.depth > 0:
			m.depth++
		case e.Name.Local == "sheetData":
			m.inData = true
		case !m.inData:
		case e.Name.Local == "row":
			next := m.row + 1
			if r := attr(e, "r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 {
					return m.damaged(next, 0, fmt.Sprintf("row %q is not a row number", r))
				}
				if n <= m.row {
					return m.damaged(n, 0, fmt.Sprintf("row %d comes after row %d", n, m.row))
				}
				next = n
			}
			m.row, m.col, m.rowUsed, m.rowText = next, 0, 0, 0
		case m.row == 0:
			// Before the first row, excelize reads nothing.
		case e.Name.Local == "c":
			m.col++
			if ref := attr(e, "r"); ref != "" {
				col, _, err := excelize.CellNameToCoordinates(ref)
				if err != nil {
					return m.damaged(m.row, m.col, fmt.Sprintf("cell %q is not a cell name", ref))
				}
				m.col = col
			}
			style, _ := strconv.Atoi(attr(e, "s"))
			m.cell, m.c = true, cellScan{col: m.col, typ: attr(e, "t"), style: style, value: m.c.value[:0]}
		case !m.cell:
		case e.Name.Local == "v", e.Name.Local == "is", e.Name.Local == "f":
			// excelize reads the element whole, whatever it holds, and
			// the last v of a cell is its value.
			m.c.used, m.in, m.depth = true, e.Name.Local, 1
			if m.in == "v" {
				m.c.value, m.c.long = m.c.value[:0], false
			}
		}
	case xml.CharData:
		switch {
		case m.depth == 0 || m.in == "f":
		case m.in == "v" && m.depth == 1:
			if m.c.long = m.c.long || len(m.c.value)+len(e) > 64; !m.c.long {
				m.c.value = append(m.c.value, e...)
			}
			fallthrough
		default:
			m.c.length += len(e)
		}
	case xml.EndElement:
		switch {
		case m.depth > 0:
			m.depth--
		case e.Name.Local == "c" && m.cell:
			m.cell = false
			if m.c.used {
				return m.add()
			}
		case e.Name.Local == "sheetData":
			return errStop
		}
	}
	return nil
}

// add checks the cell just read, which holds something.
func (m *measure) add() error {
	row, col := m.row, m.c.col
	if row > MaxRows {
		return beyondRows(m.sh, row, col)
	}
	if col > MaxCols {
		return beyondCols(m.sh, row, col)
	}
	if m.rowUsed++; m.rowUsed > MaxCols {
		return m.damaged(row, col, fmt.Sprintf("row %d lists more than %d cells, though a sheet may have at most %d columns", row, MaxCols, MaxCols))
	}
	m.lastRow = row

	// The text the cell will show, at most: its value (a shared text's
	// length), repeated as often as its number format could repeat it.
	n := m.c.length
	if m.c.typ == "s" {
		i, err := strconv.Atoi(strings.TrimSpace(string(m.c.value)))
		switch {
		case m.c.long || errors.Is(err, strconv.ErrRange):
			n = 0
			for _, l := range m.shared {
				n = max(n, l)
			}
		case i >= 0 && i < len(m.shared):
			n = m.shared[i]
		}
	}
	if s := m.c.style; s != 0 {
		if s < 0 || s >= maxStyles {
			return m.damaged(row, col, fmt.Sprintf("cell %s has cell format number %d, but a workbook may have at most %s", CellName(row, col), s, withCommas(maxStyles)))
		}
		m.used[s] = true
		if s < len(m.styles.xfs) {
			id := m.styles.xfs[s]
			if code, ok := m.styles.formats[id]; ok {
				if len([]rune(code)) > maxFormatLen {
					return diag.List{{Pos: m.sh.pos(row, col), Msg: fmt.Sprintf("cell %s has a number format longer than the %d characters a spreadsheet allows; give the cell another format, such as General, and save the file again", CellName(row, col), maxFormatLen)}}
				}
				if m.formats[id] = true; len(m.formats) > maxUsedFormats {
					return diag.List{{Pos: m.sh.pos(row, col), Msg: fmt.Sprintf("by cell %s the sheet uses more than %s number formats, where a spreadsheet allows a few hundred; give its cells fewer formats, or copy the scorecard alone into a new workbook, and save that", CellName(row, col), withCommas(maxUsedFormats))}}
				}
				n = shownAtMost(n, code)
			}
		}
	}
	if m.rowText += n; m.rowText > MaxRowText {
		return longRow(m.sh, row, col)
	}
	if m.text += n; m.text > MaxText {
		return tooMuchText(m.sh, row, col)
	}
	return nil
}

// shownAtMost is the most bytes a text of n bytes can take when shown
// with the number format code: a format for text may show it more than
// once (@@), and add its own text.
func shownAtMost(n int, code string) int {
	if !strings.Contains(code, "@") && strings.Count(code, ";") < 3 {
		return n // no section for text: the text is shown as it is
	}
	return n*max(1, strings.Count(code, "@")+strings.Count(code, "0")) + len(code)
}

// damaged refuses a sheet that no spreadsheet would write.
func (m *measure) damaged(row, col int, what string) error {
	return diag.List{{Pos: m.sh.pos(row, col), Msg: fmt.Sprintf("%s, so the file is damaged or was not saved by a spreadsheet; open it in the spreadsheet, copy the scorecard alone into a new workbook, and save that", what)}}
}

// read reads the sheet's cells through excelize, as the spreadsheet shows
// them, from a workbook made of the parts it needs: the sheet, the shared
// text, and the cell formats the sheet's cells use.
func (wb *xlsxFile) read(sh *Sheet, b *book, sheetPart, sharedPart *zip.File, st *styles, m *measure) (*Sheet, error) {
	tmp, err := os.CreateTemp("", "scorecard-import-*.xlsx")
	if err != nil {
		return nil, fileError(wb.file, "cannot read the workbook: %v", err)
	}
	defer os.Remove(tmp.Name())
	err = wb.pack(tmp, b, sheetPart, sharedPart, st, m)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fileError(wb.file, "cannot read the workbook: %v", err)
	}
	f, err := excelize.OpenFile(tmp.Name(), excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 1 << 20})
	if err != nil {
		return nil, notWorkbook(wb.file, err)
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return nil, fileError(wb.file, "cannot read sheet %q: %v", sh.Name, err)
	}
	defer rows.Close()
	g := &grid{sh: sh}
	for n := 1; n <= m.lastRow && rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, diag.List{{Pos: diag.Pos{File: wb.file, Line: n}, Msg: fmt.Sprintf("cannot read row %d of sheet %q: %v", n, sh.Name, err)}}
		}
		if err := g.add(n, cells); err != nil {
			return nil, err
		}
	}
	if err := rows.Close(); err != nil {
		return nil, fileError(wb.file, "cannot read sheet %q: %v", sh.Name, err)
	}
	return sh, nil
}

// pack writes the workbook excelize reads: the sheet and the shared text
// as they are, still compressed, and a list of sheets and cell formats
// made for it.
func (wb *xlsxFile) pack(w io.Writer, b *book, sheetPart, sharedPart *zip.File, st *styles, m *measure) error {
	z := zip.NewWriter(w)
	write := func(name, text string) error {
		fw, err := z.Create(name)
		if err == nil {
			_, err = io.WriteString(fw, text)
		}
		return err
	}
	raw := func(name string, f *zip.File) error {
		fw, err := z.CreateRaw(&zip.FileHeader{Name: name, Method: f.Method, CRC32: f.CRC32,
			CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64})
		if err != nil {
			return err
		}
		r, err := f.OpenRaw()
		if err == nil {
			_, err = io.Copy(fw, r)
		}
		return err
	}
	const (
		main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
		rels = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
		rel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
		ct   = `application/vnd.openxmlformats-officedocument.spreadsheetml.`
	)
	types := `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ct + `worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ct + `styles+xml"/>`
	bookRels := `<Relationships ` + rels + `>` +
		`<Relationship Id="rId1" Type="` + rel + `worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + rel + `styles" Target="styles.xml"/>`
	if sharedPart != nil {
		types += `<Override PartName="/xl/sharedStrings.xml" ContentType="` + ct + `sharedStrings+xml"/>`
		bookRels += `<Relationship Id="rId3" Type="` + rel + `sharedStrings" Target="sharedStrings.xml"/>`
	}
	date1904 := ""
	if b.date1904 {
		date1904 = `<workbookPr date1904="1"/>`
	}
	err := errors.Join(
		write("[Content_Types].xml", types+`</Types>`),
		write("_rels/.rels", `<Relationships `+rels+`><Relationship Id="rId1" Type="`+rel+`officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		write("xl/workbook.xml", `<workbook `+main+` xmlns:r="`+strings.TrimSuffix(rel, "/")+`">`+date1904+`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		write("xl/_rels/workbook.xml.rels", bookRels+`</Relationships>`),
		write("xl/styles.xml", st.xml(m.used)),
		raw("xl/worksheets/sheet1.xml", sheetPart),
	)
	if err == nil && sharedPart != nil {
		err = raw("xl/sharedStrings.xml", sharedPart)
	}
	if err != nil {
		return err
	}
	return z.Close()
}

// xml writes the cell formats used, each with its number format, and the
// number formats they use; the formats no cell uses become General.
func (st *styles) xml(used map[int]bool) string {
	last := 0 // the last cell format to write: excelize shows a cell whose format is not there as it is
	for s := range used {
		if s < len(st.xfs) {
			last = max(last, s)
		}
	}
	var b strings.Builder
	b.WriteString(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>`)
	done := map[int]bool{}
	for s := range used {
		if s >= len(st.xfs) {
			continue
		}
		id := st.xfs[s]
		if code, ok := st.formats[id]; ok && !done[id] {
			done[id] = true
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="`, id)
			xml.EscapeText(&b, []byte(code))
			b.WriteString(`"/>`)
		}
	}
	b.WriteString(`</numFmts><cellXfs>`)
	for s := 0; s <= last; s++ {
		id := 0
		if used[s] {
			id = st.xfs[s]
		}
		fmt.Fprintf(&b, `<xf numFmtId="%d"/>`, id)
	}
	b.WriteString(`</cellXfs></styleSheet>`)
	return b.String()
}
