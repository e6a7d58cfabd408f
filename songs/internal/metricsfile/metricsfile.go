// Package metricsfile writes and merges the study's machine-readable results:
// canonical JSON (sorted keys, one spelling per number) written atomically,
// and the merge of the notebooks' metrics files into output/metrics.json.
package metricsfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// CanonicalJSON encodes v (anything encoding/json accepts) as indented JSON
// with the keys of every object sorted, struct fields included, and numbers
// written as encoding/json writes float64 values (the shortest decimal that
// round-trips, so the same value always prints the same way). The output
// ends with a newline. NaN and ±Inf are rejected with an error, as JSON has
// no spelling for them.
func CanonicalJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("metrics: encoding JSON: %w", err)
	}
	return canonicalize(raw)
}

// canonicalize re-encodes the JSON document raw with sorted keys.
func canonicalize(raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("metrics: decoding JSON: %w", err)
	}
	var b bytes.Buffer
	if err := writeCanonical(&b, tree, 0); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// writeCanonical writes the decoded JSON value v at the given depth.
func writeCanonical(b *bytes.Buffer, v any, depth int) error {
	ind := strings.Repeat("  ", depth+1)
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			b.WriteString("{}")
			return nil
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString("{\n")
		for i, k := range keys {
			kb, err := json.Marshal(k)
			if err != nil {
				return err
			}
			b.WriteString(ind)
			b.Write(kb)
			b.WriteString(": ")
			if err := writeCanonical(b, t[k], depth+1); err != nil {
				return err
			}
			if i < len(keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", depth) + "}")
	case []any:
		if len(t) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[\n")
		for i, e := range t {
			b.WriteString(ind)
			if err := writeCanonical(b, e, depth+1); err != nil {
				return err
			}
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", depth) + "]")
	case json.Number:
		// Integers keep their digits (also beyond 2^53); other numbers
		// go through float64, so 1.50 and 1.5 print the same way.
		if i, err := t.Int64(); err == nil {
			b.WriteString(strconv.FormatInt(i, 10))
			return nil
		}
		f, err := t.Float64()
		if err != nil {
			return fmt.Errorf("metrics: number %s: %w", t, err)
		}
		nb, err := json.Marshal(f)
		if err != nil {
			return err
		}
		b.Write(nb)
	default:
		eb, err := json.Marshal(t)
		if err != nil {
			return err
		}
		b.Write(eb)
	}
	return nil
}

// Write writes v as CanonicalJSON to path atomically (a temporary
// file in the same folder, synced and renamed over path), so that a
// reader sees the previous complete file or the new one, never a part.
func Write(path string, v any) error {
	data, err := CanonicalJSON(v)
	if err != nil {
		return fmt.Errorf("metrics: metrics %s: %w", path, err)
	}
	return atomicfile.WriteFile(path, data, 0o644)
}

// MergeJSON merges JSON objects into one canonical JSON object: the union
// of their top-level keys, sorted. A key present in several documents with
// different values is an error naming it; with equal values it is kept
// once. names label the documents in errors (e.g. their file names).
//
// MergeJSON panics if len(names) != len(docs).
func MergeJSON(names []string, docs [][]byte) ([]byte, error) {
	if len(names) != len(docs) {
		panic("metrics: MergeJSON names and docs differ in length")
	}
	merged := map[string]any{}
	from := map[string]string{}
	for i, d := range docs {
		var obj map[string]any
		if err := json.Unmarshal(d, &obj); err != nil {
			return nil, fmt.Errorf("metrics: merge %s: not a JSON object: %w", names[i], err)
		}
		if err := mergeObject(merged, obj, "", from, names[i]); err != nil {
			return nil, err
		}
	}
	raw, err := json.Marshal(merged)
	if err != nil {
		return nil, fmt.Errorf("metrics: merge: %w", err)
	}
	return canonicalize(raw)
}

// mergeObject merges src into dst: objects present in both merge key by
// key; any other value present in both must be equal. from records which
// document set each leaf, by dotted path, for error messages.
func mergeObject(dst, src map[string]any, prefix string, from map[string]string, name string) error {
	for k, v := range src {
		path := prefix + k
		old, ok := dst[k]
		if !ok {
			dst[k] = v
			markFrom(v, path, from, name)
			continue
		}
		oldObj, ok1 := old.(map[string]any)
		newObj, ok2 := v.(map[string]any)
		if ok1 && ok2 {
			if err := mergeObject(oldObj, newObj, path+".", from, name); err != nil {
				return err
			}
			continue
		}
		a, _ := json.Marshal(old)
		b, _ := json.Marshal(v)
		if !bytes.Equal(a, b) {
			return fmt.Errorf("metrics: merge: key %q differs between %s and %s", path, from[path], name)
		}
	}
	return nil
}

// markFrom records name as the source of v's leaves under path.
func markFrom(v any, path string, from map[string]string, name string) {
	from[path] = name
	if obj, ok := v.(map[string]any); ok {
		for k, sub := range obj {
			markFrom(sub, path+"."+k, from, name)
		}
	}
}

// Merge reads the JSON object files, merges them with MergeJSON and writes
// the result to dst atomically, e.g. the notebooks' metrics-*.json files
// into output/metrics.json.
func Merge(dst string, files ...string) error {
	docs := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("metrics: merge: %w", err)
		}
		docs[i] = b
	}
	out, err := MergeJSON(files, docs)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(dst, out, 0o644)
}
