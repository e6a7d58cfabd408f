package catalog

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
)

// streamCatalog writes a course-file catalog of n records into a pipe
// while the loader reads it; bad, when not nil, may replace record i's line.
// Closing the reader stops the writer.
func streamCatalog(n int, bad func(i int) string) *io.PipeReader {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriterSize(pw, 1<<16)
		fmt.Fprintln(w, strings.Join(catalogtest.CourseHeader, ","))
		for i := 1; i <= n; i++ {
			if bad != nil {
				if line := bad(i); line != "" {
					fmt.Fprintln(w, line)
					continue
				}
			}
			fmt.Fprintf(w, "%d,Song %d,Album %d,6/10/2022,%d,T%021d,spotify:track:T%021d,0.%03d,0.5,0.7,0.01,0.2,-6.5,0.05,%d,0.4,%d,%d\n",
				i-1, i, i%500, i%20+1, i, i, i%1000, 60+i%140, i%101, 100000+i)
		}
		pw.CloseWithError(w.Flush())
	}()
	return pr
}

// TestLoadMillionRows streams one million records with one bad value near
// the end: the error names that record, its line and its column.
func TestLoadMillionRows(t *testing.T) {
	if testing.Short() {
		t.Skip("one million rows: skipped with -short")
	}
	const n, badRec = 1_000_000, 999_990
	cat := &Catalog{}
	r := streamCatalog(n, func(i int) string {
		if i == badRec {
			return fmt.Sprintf("%d,Song,Album,6/10/2022,1,T%021d,spotify:track:T%021d,0.1,0.5,0.7,0.01,0.2,-6.5,0.05,120,0.4,high,200000", i-1, i, i)
		}
		return ""
	})
	defer r.Close()
	err := LoadReader(cat, "million.csv", r)
	wantRecordError(t, err, "million.csv", badRec, badRec+1, "popularity",
		`million.csv: record 999990 (line 999991), column "popularity": value "high": not a number`)
	if len(cat.Tracks) != badRec-1 {
		t.Errorf("%d tracks read before the error; want %d", len(cat.Tracks), badRec-1)
	}
}

// TestLoadManyFindings loads 200,000 records that each have a missing value
// (one finding per row) in linear time, and Clean drops them all.
func TestLoadManyFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 rows: skipped with -short")
	}
	const n = 200_000
	cat := &Catalog{}
	err := LoadReader(cat, "findings.csv", streamCatalog(n, func(i int) string {
		if i%2 == 0 {
			return fmt.Sprintf("%d,Song %d,Album,6/10/2022,1,T%021d,spotify:track:T%021d,0.1,0.5,0.7,0.01,0.2,-6.5,0.05,120,0.4,,%d", i-1, i, i, i, 100000+i)
		}
		return ""
	}))
	if err != nil {
		t.Fatal(err)
	}
	checkIDs(cat)
	if len(cat.Tracks) != n || len(cat.Findings) != n/2 {
		t.Fatalf("%d tracks, %d findings; want %d, %d", len(cat.Tracks), len(cat.Findings), n, n/2)
	}
	f := cat.Findings[n/2-1]
	if f.Track != n-1 || f.Record != n || f.ID != catalogtest.ID(n) || f.Column != Popularity || f.Rule != RuleMissing {
		t.Errorf("last finding %+v", f)
	}
	c := Clean(cat, CleanOptions{})
	if len(c.Tracks.Tracks) != n/2 || len(c.Log) != n/2 {
		t.Errorf("kept %d, logged %d; want %d each", len(c.Tracks.Tracks), len(c.Log), n/2)
	}
}

// BenchmarkLoad measures loading synthetic course-file catalogs.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_610, 41_106, 200_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				cat := &Catalog{}
				if err := LoadReader(cat, "bench.csv", streamCatalog(n, nil)); err != nil {
					b.Fatal(err)
				}
				checkIDs(cat)
			}
		})
	}
}

// BenchmarkClean measures cleaning with the original study's drops.
func BenchmarkClean(b *testing.B) {
	for _, n := range []int{1_610, 41_106} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			cat := &Catalog{}
			if err := LoadReader(cat, "bench.csv", streamCatalog(n, nil)); err != nil {
				b.Fatal(err)
			}
			checkIDs(cat)
			for b.Loop() {
				Clean(cat, DefaultCleanOptions)
			}
		})
	}
}
