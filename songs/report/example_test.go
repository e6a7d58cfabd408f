package report_test

import (
	"fmt"

	"github.com/songcohorts/cohorts/songs/report"
)

func ExampleTable_Markdown() {
	t := report.Table{
		Headers: []string{"album", "popular songs", "share"},
		Rows: [][]string{
			{"Sticky Fingers", "7", report.FormatFloat(0.4375, 4)},
			{"Some_Girls | *Deluxe*", "5", report.FormatFloat(0.2, 4)},
			{"<img src=x onerror=alert(1)>", "1", report.FormatFloat(0.05, 4)},
		},
		MaxRows: 2,
	}
	fmt.Print(t.Markdown())
	// Output:
	// | album | popular songs | share |
	// | :--- | ---: | ---: |
	// | Sticky Fingers | 7 | 0.4375 |
	// | Some\_Girls \| \*Deluxe\* | 5 | 0.2000 |
	//
	// *... 1 more row*
}

func ExampleMarkdownf() {
	fmt.Println(report.Markdownf("The most popular album is **%s** with %d songs at %.4f mean popularity.", "Let_It_Bleed", 9, 41.25))
	// Output:
	// The most popular album is **Let\_It\_Bleed** with 9 songs at 41.2500 mean popularity.
}
