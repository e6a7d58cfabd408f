package catalog

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// The CSV form of TrackRows is what the notebooks read the cleaned tracks
// from: a header of TrackRow's column names, one record per row, numbers in
// Go's shortest exact form (strconv 'g', -1: they read back to the same
// bits), a missing number as an empty cell, booleans as true/false. Its
// Description is the JSON file beside it (DescriptionPath).

// trackColumns lists TrackRow's columns: the name from the field's tag and
// the field's index.
var trackColumns = func() (cols []string) {
	t := reflect.TypeFor[TrackRow]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("parquet"), ",")
		cols = append(cols, name)
	}
	return cols
}()

// DescriptionPath is the JSON file that holds the Description of the
// tracks in the CSV file at path: path with .json for .csv.
func DescriptionPath(path string) string {
	return strings.TrimSuffix(path, ".csv") + ".json"
}

// WriteTracksCSV writes rows to path and the description of cat to
// DescriptionPath(path), each atomically (the bytes of TracksCSV).
func WriteTracksCSV(path string, cat *Catalog, rows []TrackRow) error {
	data, desc, err := TracksCSV(cat, rows)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(DescriptionPath(path), desc, 0o644); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, 0o644)
}

// TracksCSV renders rows as the CSV file WriteTracksCSV writes, and cat's
// description as its JSON file.
func TracksCSV(cat *Catalog, rows []TrackRow) (data, desc []byte, err error) {
	desc, err = json.MarshalIndent(Describe(cat), "", " ")
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(trackColumns) // writes to a bytes.Buffer cannot fail
	rec := make([]string, len(trackColumns))
	for i := range rows {
		v := reflect.ValueOf(&rows[i]).Elem()
		for j := range rec {
			rec[j] = formatField(v.Field(j))
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes(), append(desc, '\n'), nil
}

// formatField renders one TrackRow field.
func formatField(f reflect.Value) string {
	switch f.Kind() {
	case reflect.String:
		return f.String()
	case reflect.Int32, reflect.Int64:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	case reflect.Pointer: // *float64: empty when missing
		if f.IsNil() {
			return ""
		}
		return strconv.FormatFloat(f.Elem().Float(), 'g', -1, 64)
	}
	panic("catalog: TrackRow field of kind " + f.Kind().String())
}

// ReadTracksCSV reads a file written by WriteTracksCSV, with its
// description, back into a catalog (without findings) and the rows as
// stored. A file of other columns, or a cell that does not parse, is
// refused with an error naming the file, record and column.
func ReadTracksCSV(path string) (*Catalog, []TrackRow, error) {
	raw, err := os.ReadFile(DescriptionPath(path))
	if err != nil {
		return nil, nil, err
	}
	var desc Description
	if err := json.Unmarshal(raw, &desc); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", DescriptionPath(path), err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil || !slices.Equal(header, trackColumns) {
		return nil, nil, fmt.Errorf("%s: header %q: not a file of tracks written by this package", path, header)
	}
	var rows []TrackRow
	for record := 1; ; record++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		var row TrackRow
		v := reflect.ValueOf(&row).Elem()
		for j, cell := range rec {
			if err := parseField(v.Field(j), cell); err != nil {
				return nil, nil, fmt.Errorf("%s: record %d, column %s: %w", path, record, trackColumns[j], err)
			}
		}
		rows = append(rows, row)
	}
	cat, err := desc.Catalog(path, rows)
	return cat, rows, err
}

// parseField sets one TrackRow field from its cell.
func parseField(f reflect.Value, cell string) error {
	switch f.Kind() {
	case reflect.String:
		f.SetString(cell)
	case reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(cell, 10, f.Type().Bits())
		if err != nil {
			return err
		}
		f.SetInt(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(cell)
		if err != nil {
			return err
		}
		f.SetBool(b)
	case reflect.Pointer: // *float64: nil when empty
		if cell == "" {
			return nil
		}
		x, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			return err
		}
		f.Set(reflect.ValueOf(&x))
	default:
		panic("catalog: TrackRow field of kind " + f.Kind().String())
	}
	return nil
}
