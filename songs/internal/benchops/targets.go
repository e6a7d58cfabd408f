package benchops

import (
	"fmt"
	"math"
	"strings"
)

// Target is a speed or memory goal for one op at one size, from the
// project's issues.
type Target struct {
	// Op and N name the table cell the goal applies to.
	Op string
	N  int
	// MinTimeRatio, if positive, is the least sklearn/Go time ratio.
	MinTimeRatio float64
	// MaxMemoryRatio, if positive, is the largest Go/sklearn peak memory
	// ratio.
	MaxMemoryRatio float64
	// MaxFileRatio, if positive, is the largest ratio of the Go peak
	// memory to the input file's size (the file_mb field of the Go record).
	MaxFileRatio float64
	// Source names where the goal is set.
	Source string
}

// Targets are the goals of issues 3, 4 and 8.
var Targets = []Target{
	{Op: "load", N: 1000000, MinTimeRatio: 4, MaxFileRatio: 2, Source: "issue 8"},
	{Op: "pca", N: 1000000, MinTimeRatio: 1, Source: "issues 4, 8"},
	{Op: "kmeans", N: 1000000, MinTimeRatio: 2, MaxMemoryRatio: 1, Source: "issues 3, 8"},
	{Op: "gmm", N: 1000000, MinTimeRatio: 1.5, Source: "issues 3, 8"},
	{Op: "fastica", N: 1000000, MinTimeRatio: 2, Source: "issues 4, 8"},
	{Op: "silhouette", N: 1000000, MinTimeRatio: 2, Source: "issue 8"},
	{Op: "knn", N: 1000000, MinTimeRatio: 1, Source: "issue 8"},
	{Op: "silhouette", N: 20000, MinTimeRatio: 2, Source: "issue 3"},
	{Op: "ward", N: 20000, MinTimeRatio: 2, MaxMemoryRatio: 0.1, Source: "issue 3"},
	{Op: "dbscan", N: 100000, MinTimeRatio: 5, Source: "issue 3"},
	{Op: "meanshift", N: 20000, MinTimeRatio: 5, Source: "issue 3"},
	{Op: "tsne", N: 20000, MinTimeRatio: 4, Source: "issue 4"},
	{Op: "umap", N: 100000, MinTimeRatio: 4, Source: "issue 4"},
}

// String describes the goal, for example "time ratio ≥ 2".
func (t Target) String() string {
	var parts []string
	if t.MinTimeRatio > 0 {
		parts = append(parts, fmt.Sprintf("time ratio ≥ %g", t.MinTimeRatio))
	}
	if t.MaxMemoryRatio > 0 {
		parts = append(parts, fmt.Sprintf("memory ratio ≤ %g", t.MaxMemoryRatio))
	}
	if t.MaxFileRatio > 0 {
		parts = append(parts, fmt.Sprintf("Go peak ≤ %g × file size", t.MaxFileRatio))
	}
	return strings.Join(parts, ", ")
}

// verdict judges the goal against the medians of one cell: "met", or by how
// much it falls short, or "not measured".
func (t Target) verdict(sk, gc *cell) (measured, verdict string) {
	if gc == nil || len(gc.ok()) == 0 {
		return "–", "not measured"
	}
	var got, short, missing []string
	ss, gs := math.NaN(), gc.median("seconds")
	if sk != nil {
		ss = sk.median("seconds")
	}
	if t.MinTimeRatio > 0 {
		r := ss / gs
		if math.IsNaN(r) {
			missing = append(missing, "no scikit-learn time")
		} else {
			got = append(got, fmt.Sprintf("time %.2f", r))
			if r < t.MinTimeRatio {
				short = append(short, fmt.Sprintf("time %.0f%% short", 100*(1-r/t.MinTimeRatio)))
			}
		}
	}
	if t.MaxMemoryRatio > 0 {
		sm := math.NaN()
		if sk != nil {
			sm = sk.median("rss_peak_mb")
		}
		r := gc.median("rss_peak_mb") / sm
		if math.IsNaN(r) {
			missing = append(missing, "no scikit-learn peak")
		} else {
			got = append(got, fmt.Sprintf("memory %.2f", r))
			if r > t.MaxMemoryRatio {
				short = append(short, fmt.Sprintf("memory %.1f× over", r/t.MaxMemoryRatio))
			}
		}
	}
	if t.MaxFileRatio > 0 {
		file := gc.median("file_mb")
		r := gc.median("rss_peak_mb") / file
		if math.IsNaN(r) {
			missing = append(missing, "no file size")
		} else {
			got = append(got, fmt.Sprintf("peak/file %.2f", r))
			if r > t.MaxFileRatio {
				short = append(short, fmt.Sprintf("peak %.1f× over", r/t.MaxFileRatio))
			}
		}
	}
	g := strings.Join(got, ", ")
	if g == "" {
		g = "–"
	}
	switch {
	case len(short) > 0:
		return g, "not met: " + strings.Join(append(short, missing...), ", ")
	case len(missing) > 0:
		return g, "not compared: " + strings.Join(missing, ", ")
	}
	return g, "met"
}
