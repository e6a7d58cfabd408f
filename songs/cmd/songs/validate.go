package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

func init() {
	commands["validate"] = command{summary: "load and validate a catalog; list its findings", run: runValidate}
}

func runValidate(args []string, stdout io.Writer) error {
	fs := newFlags("validate", "--csv FILE|GLOB [--json]", stdout)
	csv := fs.String("csv", "", "catalog CSV file or glob (default: RAW_CSV, else the study's catalog)")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	if err := parse(fs, args); err != nil {
		return helpOK(err)
	}
	p, err := songs.ParamsFromEnv()
	if err != nil && *csv == "" {
		return err
	}
	path := *csv
	if path == "" {
		path = p.Path(p.RawCSV)
	}
	cat, err := catalog.Load(path)
	if err != nil {
		return err
	}
	c := catalog.Clean(cat, catalog.CleanOptions{})
	counts := c.RuleCounts()
	if *asJSON {
		out := struct {
			File     string             `json:"file"`
			Tracks   int                `json:"tracks"`
			Valid    int                `json:"valid"`
			Findings map[string]int     `json:"findings"`
			Log      []catalog.LogEntry `json:"log"`
		}{path, len(cat.Tracks), len(c.Tracks.Tracks), counts, c.Log}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(stdout, "%s: %d tracks, %d valid\n", path, len(cat.Tracks), len(c.Tracks.Tracks))
	rules := make([]string, 0, len(counts))
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		fmt.Fprintf(stdout, "  %-26s %d\n", r, counts[r])
	}
	for i, e := range c.Log {
		if i == 20 {
			fmt.Fprintf(stdout, "  ... %d more\n", len(c.Log)-20)
			break
		}
		fmt.Fprintf(stdout, "  record %d (%s): %s: %s\n", e.Record, e.ID, e.Rule, e.Detail)
	}
	return nil
}

// helpOK turns a shown help into success.
func helpOK(err error) error {
	if err == errHelp {
		return nil
	}
	return err
}
