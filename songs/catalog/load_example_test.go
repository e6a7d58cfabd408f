package catalog_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
)

const exampleCSV = `number_row,name,album,release_date,track_number,id,uri,acousticness,danceability,energy,instrumentalness,liveness,loudness,speechiness,tempo,valence,popularity,duration_ms
0,Angie - Live,Licked Live In NYC,6/10/2022,7,3R1Vq1RS6mWNSD2oni6jNf,spotify:track:3R1Vq1RS6mWNSD2oni6jNf,0.561,0.262,0.81,2.76E-06,0.972,-6.851,0.0969,77.52,0.394,31,245506
1,"Hello, ""World""",Licked Live In NYC,1969-07,8,0TGmW5dvuocb0QUMPsj31R,spotify:track:0TGmW5dvuocb0QUMPsj31R,0.317,0.413,0.971,0.000267,0.993,-5.509,0.0873,0,0.484,30,313586
`

// ExampleLoadReader loads a catalog whose second track has a zero tempo:
// the row is loaded with a finding, and Clean removes it with a log entry.
func ExampleLoadReader() {
	cat := &catalog.Catalog{}
	if err := catalog.LoadReader(cat, "example.csv", strings.NewReader(exampleCSV)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d tracks; %q released %s\n", len(cat.Tracks), cat.Tracks[1].Name, cat.Tracks[1].ReleaseDate)
	c := catalog.Clean(cat, catalog.CleanOptions{})
	for _, e := range c.Log {
		fmt.Printf("record %d %s: %s\n", e.Record, e.Rule, e.Detail)
	}
	fmt.Printf("%d kept\n", len(c.Tracks.Tracks))
	// Output:
	// 2 tracks; "Hello, \"World\"" released 1969-07
	// record 2 out_of_range: tempo = 0 outside the data dictionary's range (0, +Inf] BPM
	// 1 kept
}

// ExampleRecordError shows the error of a non-numeric value: it names the
// file, the data record, the file line and the column.
func ExampleRecordError() {
	bad := strings.Replace(exampleCSV, ",31,245506", ",popular,245506", 1)
	err := catalog.LoadReader(&catalog.Catalog{}, "example.csv", strings.NewReader(bad))
	fmt.Println(err)
	var re *catalog.RecordError
	if errors.As(err, &re) {
		fmt.Println(re.Record, re.Line, re.Column)
	}
	// Output:
	// example.csv: record 1 (line 2), column "popularity": value "popular": not a number
	// 1 2 popularity
}

// ExampleParseDate reads the spellings of the published catalogs.
func ExampleParseDate() {
	for _, s := range []string{"6/10/2022", "2022-06-10", "1969-07", "1969", "2/30/1970"} {
		d, err := catalog.ParseDate(s)
		fmt.Printf("%-10s %-10s decade %d error %v\n", s, d, d.Decade(), err != nil)
	}
	// Output:
	// 6/10/2022  2022-06-10 decade 2020 error false
	// 2022-06-10 2022-06-10 decade 2020 error false
	// 1969-07    1969-07    decade 1960 error false
	// 1969       1969       decade 1960 error false
	// 2/30/1970             decade 0 error true
}
