package benchops

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
)

// Record is one result line: named values that print as a JSON object in
// the order they were first set, as the reference script prints its
// dictionaries.
type Record struct {
	keys []string
	vals map[string]any
}

// NewRecord returns an empty record.
func NewRecord() *Record {
	return &Record{vals: map[string]any{}}
}

// Set sets key to v. A new key goes last; an existing key keeps its place.
func (r *Record) Set(key string, v any) {
	if r.vals == nil {
		r.vals = map[string]any{}
	}
	if _, ok := r.vals[key]; !ok {
		r.keys = append(r.keys, key)
	}
	r.vals[key] = v
}

// Get returns the value of key and whether it is set.
func (r *Record) Get(key string) (any, bool) {
	v, ok := r.vals[key]
	return v, ok
}

// Delete removes key.
func (r *Record) Delete(key string) {
	if _, ok := r.vals[key]; !ok {
		return
	}
	delete(r.vals, key)
	for i, k := range r.keys {
		if k == key {
			r.keys = append(r.keys[:i], r.keys[i+1:]...)
			break
		}
	}
}

// Keys returns the keys in order.
func (r *Record) Keys() []string {
	return append([]string(nil), r.keys...)
}

// Merge sets every key of s in r, in s's order.
func (r *Record) Merge(s *Record) {
	for _, k := range s.keys {
		r.Set(k, s.vals[k])
	}
}

// String returns the value of key as a string, or "" if it is not a string.
func (r *Record) String(key string) string {
	s, _ := r.vals[key].(string)
	return s
}

// Float returns the value of key as a number. ok is false if the key is
// missing or not a number.
func (r *Record) Float(key string) (v float64, ok bool) {
	switch x := r.vals[key].(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// MarshalJSON writes the record as one JSON object, keys in order. NaN and
// infinite numbers, which JSON cannot hold, are written as null.
func (r *Record) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range r.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := encode(&b, k); err != nil {
			return nil, err
		}
		b.WriteString(": ")
		if err := encode(&b, finite(r.vals[k])); err != nil {
			return nil, fmt.Errorf("benchops: field %s: %w", k, err)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encode writes v as JSON in the layout of Python's json.dumps: lists
// with ", " between items, no escaping of <, > and &.
func encode(b *bytes.Buffer, v any) error {
	rv := reflect.ValueOf(v)
	if v != nil && rv.Kind() == reflect.Slice {
		b.WriteByte('[')
		for i := 0; i < rv.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := encode(b, finite(rv.Index(i).Interface())); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	return nil
}

// Line returns the record as one JSON line without its newline, in the
// layout of Python's json.dumps ("key": value, separated by ", ").
func (r *Record) Line() ([]byte, error) {
	return r.MarshalJSON()
}

// finite replaces NaN and infinite float64 values by nil.
func finite(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	}
	return v
}

// UnmarshalJSON reads one JSON object, keeping its key order. Numbers are
// kept as json.Number, so they print back exactly as they were written.
func (r *Record) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("benchops: record is not a JSON object")
	}
	*r = Record{vals: map[string]any{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return fmt.Errorf("benchops: bad key %v", tok)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("benchops: field %s: %w", key, err)
		}
		r.Set(key, v)
	}
	_, err = dec.Token()
	return err
}

// round rounds x to the given number of decimals, as Python's round.
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	v := math.RoundToEven(x*p) / p
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return x
	}
	return v
}
