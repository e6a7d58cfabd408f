package benchops

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// timingKeys are the fields of a record that are not quality figures.
var timingKeys = map[string]bool{
	"impl": true, "op": true, "n": true, "seconds": true, "rss_peak_mb": true,
	"rss_base_mb": true, "cpu_s": true, "other_cpu_s": true, "gomaxprocs": true,
	"rss_peak_scope": true, "skipped": true, "error": true, "stderr": true,
	"timeout_s": true, "cpu_profile": true, "file_mb": true,
}

// Env describes where a report was made.
type Env struct {
	// Date is the time of the report, as it should be printed.
	Date string
	// CPUs is the number of logical CPUs (nproc).
	CPUs int
	// CPUModel is the processor's name.
	CPUModel string
	// Go lists the Go toolchain and module versions, as printed.
	Go string
	// Python holds the reference side's versions ("env" record of
	// sklearn_ref.py env --json), printed key=value; it may be nil.
	Python *Record
}

// ReadRecords reads a JSON-lines stream of records, skipping blank lines
// and lines that do not start with '{'. A line {"env": {...}} is returned
// as env instead of a record.
func ReadRecords(r io.Reader) (recs []*Record, env *Record, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(t, "{") {
			continue
		}
		rec := NewRecord()
		if err := json.Unmarshal([]byte(t), rec); err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line, err)
		}
		if e, ok := rec.Get("env"); ok {
			b, _ := json.Marshal(e)
			env = NewRecord()
			if err := json.Unmarshal(b, env); err != nil {
				return nil, nil, fmt.Errorf("line %d: env: %w", line, err)
			}
			continue
		}
		if _, ok := rec.Get("_n"); ok {
			continue
		}
		recs = append(recs, rec)
	}
	return recs, env, sc.Err()
}

// cell is the runs of one implementation for one (op, n).
type cell struct {
	runs []*Record
}

// ok returns the runs that have a time.
func (c *cell) ok() []*Record {
	var out []*Record
	for _, r := range c.runs {
		if _, ok := r.Float("seconds"); ok {
			out = append(out, r)
		}
	}
	return out
}

// median returns the median of field over the timed runs (NaN if none).
func (c *cell) median(field string) float64 {
	var v []float64
	for _, r := range c.ok() {
		if x, ok := r.Float(field); ok {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return math.NaN()
	}
	sort.Float64s(v)
	m := len(v) / 2
	if len(v)%2 == 1 {
		return v[m]
	}
	return (v[m-1] + v[m]) / 2
}

// representative returns the timed run of median time (the lower middle
// one for an even count), whose quality figures the table shows, or the
// last run if none was timed.
func (c *cell) representative() *Record {
	ok := c.ok()
	if len(ok) == 0 {
		if len(c.runs) == 0 {
			return nil
		}
		return c.runs[len(c.runs)-1]
	}
	sorted := append([]*Record(nil), ok...)
	sort.SliceStable(sorted, func(a, b int) bool {
		x, _ := sorted[a].Float("seconds")
		y, _ := sorted[b].Float("seconds")
		return x < y
	})
	return sorted[(len(sorted)-1)/2]
}

// status returns why a cell has no time ("skipped: ...", "error: ...",
// "timeout after ... s"), or "".
func (c *cell) status() string {
	if len(c.ok()) > 0 {
		return ""
	}
	r := c.representative()
	if r == nil {
		return "not run"
	}
	if s := r.String("skipped"); s != "" {
		return "skipped: " + s
	}
	if t, ok := r.Float("timeout_s"); ok {
		return fmt.Sprintf("timeout after %g s", t)
	}
	if s := r.String("error"); s != "" {
		return "error: " + s
	}
	return "no time"
}

// WriteReport writes the markdown comparison of the records of both
// implementations ("sklearn" and "go"): a table per size n with, for each op,
// the median seconds of each side, their ratio (sklearn / go: above 1 means
// Go is faster), the median peak memory of each side and its ratio (go /
// sklearn: below 1 means Go uses less), the cores each side kept busy, and the
// quality figures of the median run side by side.
func WriteReport(w io.Writer, recs []*Record, env Env) error {
	cells := groupCells(recs)
	var ns []int
	seenN := map[int]bool{}
	for _, r := range recs {
		nf, _ := r.Float("n")
		if n := int(nf); !seenN[n] {
			seenN[n] = true
			ns = append(ns, n)
		}
	}
	sort.Ints(ns)
	ops := reportOps(cells)

	b := &strings.Builder{}
	fmt.Fprintf(b, "# Go against scikit-learn: speed, memory and quality\n\n")
	fmt.Fprintf(b, "Made %s by `make bench` (`songs bench-report`).\n\n", env.Date)
	fmt.Fprintf(b, "- Machine: %d CPUs (nproc), %s.\n", env.CPUs, orDash(env.CPUModel))
	fmt.Fprintf(b, "- Go side: %s.\n", orDash(env.Go))
	fmt.Fprintf(b, "- Python side: %s.\n", pythonVersions(env.Python))
	fmt.Fprintf(b, "\nEach op ran in a fresh process on the same generated CSV, the two sides "+
		"alternating. Cells are medians over the runs counted in \"runs\" (sklearn/go). "+
		"Time ratio = sklearn seconds / Go seconds (above 1: Go is faster). "+
		"Memory is the peak resident set during the timed call (VmHWM, reset just before it), "+
		"so it includes each process's baseline (Python with scikit-learn is about 130 MB); "+
		"memory ratio = Go / sklearn (below 1: Go uses less). "+
		"Cores = CPU seconds / wall seconds. Quality figures are those of the median run; "+
		"rows drawn at random (silhouette above 20k, knn queries, DBSCAN's eps estimate, "+
		"trustworthiness) come from different generators on the two sides. "+
		"load: pandas.read_csv against catalog.Load, which parses all 18 columns and also validates every row. "+
		"umap-parallel: umap-learn without a random_state (its layout on every core, not reproducible) "+
		"against the same reproducible Go UMAP runs as the umap row.\n")
	for _, n := range ns {
		fmt.Fprintf(b, "\n## n = %s\n\n", thousands(n))
		b.WriteString("| op | runs | sklearn s | Go s | time ratio | sklearn MB | Go MB | memory ratio | cores | sklearn quality | Go quality |\n")
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n")
		var busy []string
		for _, op := range ops {
			m := cells[cellKey{op, n}]
			if m == nil {
				continue
			}
			sk, gocell := m["sklearn"], m["go"]
			borrowed := false
			if alt, ok := goSideOf[op]; ok && gocell == nil && cells[cellKey{alt, n}] != nil {
				gocell, borrowed = cells[cellKey{alt, n}]["go"], true
			}
			if sk == nil {
				sk = &cell{}
			}
			if gocell == nil {
				gocell = &cell{}
			}
			ss, gs := sk.median("seconds"), gocell.median("seconds")
			sm, gm := sk.median("rss_peak_mb"), gocell.median("rss_peak_mb")
			sc := sk.median("cpu_s") / ss
			gc := gocell.median("cpu_s") / gs
			fmt.Fprintf(b, "| %s | %d/%d | %s | %s | %s | %s | %s | %s | %s/%s | %s | %s |\n",
				op, len(sk.ok()), len(gocell.ok()),
				secOr(ss, sk), secOr(gs, gocell), ratio(ss, gs),
				mb(sm), mb(gm), ratio(gm, sm),
				fixed(sc, 1), fixed(gc, 1),
				quality(sk), quality(gocell))
			for _, side := range []struct {
				name string
				c    *cell
			}{{"sklearn", sk}, {"Go", gocell}} {
				if borrowed && side.name == "Go" {
					continue // listed under the op it belongs to
				}
				count, worst, worstS := 0, 0.0, 0.0
				for _, r := range side.c.ok() {
					o, _ := r.Float("other_cpu_s")
					s, _ := r.Float("seconds")
					if o > 0.25*s && o > 0.05 {
						count++
						if o/s > worst/math.Max(worstS, 1e-9) || count == 1 {
							worst, worstS = o, s
						}
					}
				}
				if count > 0 {
					busy = append(busy, fmt.Sprintf("%s %s: %d of %d runs (worst: other processes used %.2f CPU s during a %.3f s run)",
						side.name, op, count, len(side.c.ok()), worst, worstS))
				}
			}
		}
		if len(busy) > 0 {
			b.WriteString("\nDisturbed runs (other_cpu_s above a quarter of the run's time: less trustworthy; " +
				"multi-threaded scikit-learn ops suffer most, as its README explains):\n\n")
			for _, s := range busy {
				fmt.Fprintf(b, "- %s\n", s)
			}
		}
	}
	b.WriteString("\n## Targets\n\n")
	b.WriteString("| op | n | target | source | measured | verdict |\n|---|---:|---|---|---|---|\n")
	var unmet []Target
	for _, t := range Targets {
		m := cells[cellKey{t.Op, t.N}]
		got, v := t.verdict(m["sklearn"], m["go"])
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", t.Op, thousands(t.N), t, t.Source, got, v)
		if strings.HasPrefix(v, "not met") {
			unmet = append(unmet, t)
		}
	}
	if len(unmet) > 0 {
		b.WriteString("\n## Why the goals not met fall short\n\n")
		for _, t := range unmet {
			why := t.Shortfall
			if why == "" {
				why = "No profile-based explanation recorded for this op."
			}
			fmt.Fprintf(b, "- **%s at n = %s.** %s\n", t.Op, thousands(t.N), why)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// goSideOf names, for a reference op without a Go counterpart of its own,
// the Go op it is compared with: umap-learn without a seed (every core, not
// reproducible) against the one, reproducible, Go UMAP.
var goSideOf = map[string]string{"umap-parallel": "umap"}

// reportOps lists the ops of the records in table order: those of Ops in
// its order, each op of goSideOf right after its Go op, then any other op
// (cohort-run) sorted by name.
func reportOps(cells map[cellKey]map[string]*cell) []string {
	seen := map[string]bool{}
	for k := range cells {
		seen[k.op] = true
	}
	var ops, extra []string
	for _, op := range Ops {
		ops = append(ops, op)
		for ref, goOp := range goSideOf {
			if goOp == op && seen[ref] {
				ops = append(ops, ref)
			}
		}
	}
	for op := range seen {
		if !contains(ops, op) {
			extra = append(extra, op)
		}
	}
	sort.Strings(extra)
	return append(ops, extra...)
}

// cellKey names a table cell: an op at a size.
type cellKey struct {
	op string
	n  int
}

// groupCells gathers the records by cell and implementation.
func groupCells(recs []*Record) map[cellKey]map[string]*cell {
	cells := map[cellKey]map[string]*cell{}
	for _, r := range recs {
		nf, _ := r.Float("n")
		k := cellKey{r.String("op"), int(nf)}
		if cells[k] == nil {
			cells[k] = map[string]*cell{}
		}
		impl := r.String("impl")
		if cells[k][impl] == nil {
			cells[k][impl] = &cell{}
		}
		cells[k][impl].runs = append(cells[k][impl].runs, r)
	}
	return cells
}

// Unmet returns the goals that the records show not met, the largest time
// shortfall first: the ops whose CPU profiles a report should carry.
func Unmet(recs []*Record) []Target {
	cells := groupCells(recs)
	var out []Target
	short := map[int]float64{}
	for _, t := range Targets {
		m := cells[cellKey{t.Op, t.N}]
		if _, v := t.verdict(m["sklearn"], m["go"]); !strings.HasPrefix(v, "not met") {
			continue
		}
		by := 1.0 // a missed absolute or memory goal ranks first
		if t.MinTimeRatio > 0 && m["sklearn"] != nil {
			if r := m["sklearn"].median("seconds") / m["go"].median("seconds"); r < t.MinTimeRatio {
				by = 1 - r/t.MinTimeRatio
			}
		}
		short[len(out)] = by
		out = append(out, t)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return short[idx[a]] > short[idx[b]] })
	sorted := make([]Target, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// pythonVersions prints the versions of the reference side's env record.
func pythonVersions(env *Record) string {
	if env == nil {
		return "versions not recorded"
	}
	var parts []string
	for _, k := range []string{"python", "sklearn", "numpy", "scipy", "pandas", "umap", "pynndescent", "numba"} {
		if v, ok := env.Get(k); ok {
			parts = append(parts, fmt.Sprintf("%s %v", k, v))
		}
	}
	if tp, ok := env.Get("threadpools"); ok {
		if list, ok := tp.([]any); ok {
			for _, p := range list {
				if m, ok := p.(map[string]any); ok {
					parts = append(parts, fmt.Sprintf("%v %v threads", m["internal_api"], m["num_threads"]))
				}
			}
		}
	}
	if len(parts) == 0 {
		return "versions not recorded"
	}
	return strings.Join(parts, ", ")
}

// secOr prints seconds with 4 significant digits, or the cell's status.
func secOr(s float64, c *cell) string {
	if math.IsNaN(s) {
		return esc(c.status())
	}
	return strconv.FormatFloat(s, 'g', 4, 64)
}

func mb(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

func ratio(a, b float64) string {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return "–"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64)
}

func fixed(v float64, d int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// maxListed is the number of values of a list field shown in the table.
const maxListed = 8

// quality prints the quality figures of the cell's median run as
// key=value pairs.
func quality(c *cell) string {
	r := c.representative()
	if r == nil || len(c.ok()) == 0 {
		return "–"
	}
	var parts []string
	for _, k := range r.Keys() {
		if timingKeys[k] {
			continue
		}
		v, _ := r.Get(k)
		parts = append(parts, k+"="+value(v))
	}
	// EM and FastICA iteration counts depend on the start, so their cost per
	// iteration is compared too (the reference README's advice).
	if op := r.String("op"); op == "gmm" || op == "fastica" {
		it, ok1 := r.Float("n_iter")
		sec, ok2 := r.Float("seconds")
		if ok1 && ok2 && it > 0 {
			parts = append(parts, "s/iter="+strconv.FormatFloat(sec/it, 'g', 3, 64))
		}
	}
	return esc(strings.Join(parts, " "))
}

// value prints a JSON value compactly: lists space-separated in brackets,
// cut after maxListed values.
func value(v any) string {
	switch x := v.(type) {
	case []any:
		var s []string
		for i, e := range x {
			if i == maxListed {
				s = append(s, fmt.Sprintf("…(%d)", len(x)))
				break
			}
			s = append(s, value(e))
		}
		return "[" + strings.Join(s, " ") + "]"
	case []int:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = e
		}
		return value(a)
	case []float64:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = e
		}
		return value(a)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// esc makes text safe inside a markdown table cell.
func esc(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\n", " ")
	return s
}

// thousands prints n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
