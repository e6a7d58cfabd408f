package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"gonum.org/v1/gonum/floats"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

// assignFlags declares the flags of songs assign and returns its body.
func assignFlags(fs *flag.FlagSet) body {
	csv := fs.String("csv", "", "CSV of new tracks, with the catalog's columns (id or uri, name, the audio features and duration_ms)")
	model := fs.String("model", "", "saved model (default: data/processed/model.json of CATALOG)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	return func(p songs.Params, args []string, stdout io.Writer) error {
		if *csv == "" {
			return usagef("--csv FILE is required")
		}
		path := *model
		if path == "" {
			path = p.Processed(songs.ModelFile)
		}
		m, err := songs.LoadModel(path)
		if err != nil {
			return err
		}
		cat, err := catalog.Load(*csv)
		if err != nil {
			return err
		}
		c := catalog.Clean(cat, catalog.CleanOptions{})
		type item struct {
			ID         string  `json:"id"`
			Name       string  `json:"name"`
			Cohort     int     `json:"cohort"`
			CohortName string  `json:"cohort_name"`
			Distance   float64 `json:"centre_distance"`
		}
		items := []item{}
		if len(c.Tracks.Tracks) > 0 {
			labels, err := m.Assign(c.Tracks)
			if err != nil {
				return err
			}
			z, err := m.Scale(c.Tracks)
			if err != nil {
				return err
			}
			for i, l := range labels {
				t := &c.Tracks.Tracks[i]
				items = append(items, item{t.ID, t.Name, l, m.CohortNames[l], floats.Distance(z.RawRowView(i), m.Centres[l], 2)})
			}
		}
		if *asJSON {
			return printJSON(stdout, struct {
				Model   string             `json:"model"`
				Tracks  []item             `json:"tracks"`
				Skipped []catalog.LogEntry `json:"skipped"`
			}{path, items, append([]catalog.LogEntry{}, c.Log...)})
		}
		fmt.Fprintf(stdout, "%s: %d tracks assigned with %s (%s, k=%d)\n", *csv, len(items), path, m.Algorithm, m.K)
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "id\tcohort\tcohort name\tdistance\ttitle")
		for _, it := range items {
			fmt.Fprintf(w, "%s\t%d\t%s\t%.3f\t%s\n", it.ID, it.Cohort, it.CohortName, it.Distance, clip(it.Name, 60))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		for _, e := range c.Log {
			fmt.Fprintf(stdout, "skipped record %d (%s): %s: %s\n", e.Record, e.ID, e.Rule, e.Detail)
		}
		return nil
	}
}
