package value_test

import (
	"fmt"

	"scorecard/internal/value"
)

func ExampleParse() {
	for _, cell := range []string{"42.5% (62/146)", "13-15%", "01:30", "12th to 20th in London", "1,00"} {
		v, err := value.Parse(cell)
		switch {
		case err != nil:
			fmt.Println(err)
		case v.Kind == value.Number:
			fmt.Printf("%s: %v (unit %q)\n", v.Raw, v.Num, v.Unit)
		default:
			fmt.Printf("%s: %s %v to %v (unit %q)\n", v.Raw, v.Kind, v.Low, v.High, v.Unit)
		}
	}
	// Output:
	// 42.5% (62/146): 42.5 (unit "%")
	// 13-15%: range 13 to 15 (unit "%")
	// 01:30: 90 (unit "min:sec")
	// 12th to 20th in London: rank range 12 to 20 (unit "")
	// "1,00" has a thousands separator in the wrong place; put a comma before each group of three digits, as in 1,000 or 33,000, or leave the commas out, as in 1000; use a point for decimals, as in 8.18
}
