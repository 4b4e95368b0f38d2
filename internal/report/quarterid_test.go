package report

import "testing"

func TestParseQuarterID(t *testing.T) {
	q3 := QuarterOf(2016, 3)
	for _, in := range []string{
		"2016-17 Q3", "2016/17 Q3", "2016-17-q3", "Q3 2016/17", "Q3 2016-17", "2016/17 q3",
		"2016-17-Q3", "q3 2016-17", "Q3-2016-17", " 2016-17  Q3 ", "2016 - 17 Q3", "2016-17Q3",
		"2016\u201317 Q3", "2016-2017 Q3", "2016/2017 q3", "Quarter 3, 2016/17", "QUARTER 3 2016-17",
		"2016-17/q3", "2016-17, Q3", "2016-17\u00a0Q3", "\t2016-17 Q3\n",
	} {
		if got, err := ParseQuarterID(in); err != nil || got != q3 {
			t.Errorf("ParseQuarterID(%q) = %v, %v; want %v", in, got, err, q3)
		}
	}
	// Every form a QuarterID writes reads back.
	for _, id := range []Period{QuarterOf(1900, 1), QuarterOf(1999, 4), QuarterOf(2016, 2), QuarterOf(9998, 3)} {
		for _, s := range []string{id.String(), id.Slug(), id.Path(), id.Label(), id.Long()} {
			if got, err := ParseQuarterID(s); err != nil || got != id {
				t.Errorf("ParseQuarterID(%q) = %v, %v; want %v", s, got, err, id)
			}
		}
	}

	const how = "; write the financial year and the quarter, such as 2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3"
	for _, tc := range []struct{ in, want string }{
		{"", `"" is not a quarter`},
		{"soon", `"soon" is not a quarter`},
		{"Q3", `"Q3" is not a quarter: it names the quarter but not the financial year, with both its years`},
		{"Q3 2016", `"Q3 2016" is not a quarter: it names the quarter but not the financial year, with both its years`},
		{"2016-17", `"2016-17" is not a quarter: it names the financial year but not the quarter`},
		{"2016-17 Q5", `"2016-17 Q5" is not a quarter: a year has quarters 1 to 4, not 5`},
		{"2016-17 Q0", `"2016-17 Q0" is not a quarter: a year has quarters 1 to 4, not 0`},
		{"2016-18 Q3", `"2016-18 Q3" is not a quarter: a financial year runs into the next, so 2016 is followed by 17, not 18`},
		{"2016-2018 Q3", `"2016-2018 Q3" is not a quarter: a financial year runs into the next, so 2016 is followed by 17, not 2018`},
		{"2016-017 Q3", `"2016-017 Q3" is not a quarter: a financial year runs into the next, so 2016 is followed by 17, not 017`},
		{"1899-00 Q1", `"1899-00 Q1" is not a quarter: Scorecard reads years from 1900 to 9998, not 1899`},
		{"9999-00 Q1", `"9999-00 Q1" is not a quarter: Scorecard reads years from 1900 to 9998, not 9999`},
		{"2016-17 Q3 and more", `"2016-17 Q3 and more" is not a quarter`},
		{"2016-17 Q99999999999999999999", `"2016-17 Q99999999999999999999" is not a quarter: a year has quarters 1 to 4, not 99999999999999999999`},
		{"+2016-17 Q3", `"+2016-17 Q3" is not a quarter`},
		{"２０１６-17 Q3", `"２０１６-17 Q3" is not a quarter: it names the quarter but not the financial year, with both its years`},
		{"2016-17 Q3 2016-17 Q3 2016-17 Q3 2016-17 Q3", `"2016-17 Q3 2016-17 Q3 2016-17 Q3 2016-17…" is not a quarter`},
	} {
		got, err := ParseQuarterID(tc.in)
		if err == nil {
			t.Errorf("ParseQuarterID(%q) = %v; want an error", tc.in, got)
			continue
		}
		if err.Error() != tc.want+how {
			t.Errorf("ParseQuarterID(%q):\n got %s\nwant %s", tc.in, err, tc.want+how)
		}
	}
}
