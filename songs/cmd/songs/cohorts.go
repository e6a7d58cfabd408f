package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/catalog/parquetfile"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// cohortsFlags declares the flags of songs cohorts and returns its body.
func cohortsFlags(fs *flag.FlagSet) body {
	out := fs.String("out", "", "write the table to FILE (CSV, or Parquet when FILE ends in .parquet) instead of printing it")
	save := fs.Bool("save", false, "also write output/cohorts.csv, output/cohorts.parquet and data/processed/model.json")
	asJSON := fs.Bool("json", false, "print JSON (one object per track) instead of text")
	return func(p songs.Params, args []string, stdout io.Writer) error {
		var rows []catalog.CohortRow
		var err error
		if *save {
			if rows, _, err = songs.ExportCohorts(p); err != nil {
				return err
			}
			if err := parquetfile.WriteCohorts(p.OutputDir(), rows); err != nil {
				return err
			}
		} else {
			cat, v, err := songs.LoadCohorts(p)
			if err != nil {
				return err
			}
			cs, err := songs.Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold)
			if err != nil {
				return err
			}
			subs, err := songs.SubcohortProfiles(cat, v.Labels, v.SubLabels, cs, p.PopularThreshold)
			if err != nil {
				return err
			}
			if rows, err = songs.CohortTable(cat, v, cs, subs); err != nil {
				return err
			}
		}
		switch {
		case *out != "":
			data := catalog.CohortCSV(rows)
			if strings.HasSuffix(strings.ToLower(*out), ".parquet") {
				if data, err = parquetfile.Cohorts(rows); err != nil {
					return err
				}
			}
			if err := atomicfile.WriteFile(*out, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %d tracks to %s\n", len(rows), *out)
			return nil
		case *asJSON:
			return printJSON(stdout, rows)
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "id\tcohort\tcohort name\tsub-cohort\tdistance\ttitle\talbum")
		for _, r := range rows {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%.3f\t%s\t%s\n", r.ID, r.Cohort, r.CohortName, r.Subcohort, r.CentreDistance, clip(r.Name, 48), clip(r.Album, 40))
		}
		return w.Flush()
	}
}

// num is nil for NaN, so JSON shows null.
func num(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// clip shortens s to n runes for a text column.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
