package sheet

import (
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// CSVToXLSX writes the CSV file csvFile as the first sheet of a new XLSX
// workbook, xlsxFile, the way a spreadsheet keeps such figures: numbers,
// percentages and times become numbers with a number format that shows
// them as written (93.5% is 0.935 shown with one decimal, 01:30 is a
// minute and a half shown as mm:ss); anything else stays text. Tests use
// it to make workbooks.
func CSVToXLSX(csvFile, xlsxFile string) error {
	data, err := os.ReadFile(csvFile)
	if err != nil {
		return err
	}
	sh, err := ReadCSV(csvFile, data)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	const name = "Sheet1"
	styles := map[string]int{}
	for i, row := range sh.Rows {
		for j, text := range row {
			if text == "" {
				continue // a blank cell, as a spreadsheet leaves it
			}
			cell := CellName(i+1, j+1)
			v, format := number(text)
			if format == "" {
				if err := f.SetCellStr(name, cell, text); err != nil {
					return err
				}
				continue
			}
			if err := f.SetCellValue(name, cell, v); err != nil {
				return err
			}
			id, ok := styles[format]
			if !ok {
				if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
					return err
				}
				styles[format] = id
			}
			if err := f.SetCellStyle(name, cell, cell, id); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(xlsxFile)
}

var (
	plainNumber = regexp.MustCompile(`^-?[0-9]+(\.([0-9]+))?$`)
	thousands   = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})+$`)
	percent     = regexp.MustCompile(`^-?[0-9]+(\.([0-9]+))?%$`)
	minSec      = regexp.MustCompile(`^([0-9]{2}):([0-5][0-9])$`)
)

// number reads text as a spreadsheet would store it: a value and the
// number format that shows it as text again; format is "" for text.
func number(text string) (float64, string) {
	decimals := func(frac string) string {
		if frac == "" {
			return "0"
		}
		return "0." + strings.Repeat("0", len(frac))
	}
	switch {
	case plainNumber.MatchString(text):
		v, _ := strconv.ParseFloat(text, 64)
		return v, decimals(plainNumber.FindStringSubmatch(text)[2])
	case thousands.MatchString(text):
		v, _ := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
		return v, "#,##0"
	case percent.MatchString(text):
		v, _ := strconv.ParseFloat(strings.TrimSuffix(text, "%"), 64)
		return v / 100, decimals(percent.FindStringSubmatch(text)[2]) + "%"
	case minSec.MatchString(text):
		m := minSec.FindStringSubmatch(text)
		min, _ := strconv.Atoi(m[1])
		sec, _ := strconv.Atoi(m[2])
		return float64(min*60+sec) / 86400, "mm:ss"
	}
	return 0, ""
}
