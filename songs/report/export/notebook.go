package export

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Notebook is an nbformat 4 notebook kept whole: the fields Prepare does
// not change are written back as they were read.
type Notebook struct {
	top   map[string]json.RawMessage
	meta  map[string]json.RawMessage
	Cells []*Cell
}

// Cell is one cell of a Notebook.
type Cell struct {
	raw  map[string]json.RawMessage
	meta map[string]json.RawMessage
	// Type is "markdown", "code" or "raw".
	Type string
	// Source is the cell's text.
	Source string
	// Tags are the cell's tags (metadata "tags").
	Tags []string
}

// Read decodes a notebook.
func Read(r io.Reader) (*Notebook, error) {
	var nb Notebook
	if err := json.NewDecoder(r).Decode(&nb.top); err != nil {
		return nil, fmt.Errorf("export: not a notebook: %w", err)
	}
	if err := decodeOptional(nb.top["metadata"], &nb.meta); err != nil {
		return nil, fmt.Errorf("export: notebook metadata: %w", err)
	}
	if nb.meta == nil {
		nb.meta = map[string]json.RawMessage{}
	}
	var cells []map[string]json.RawMessage
	if err := json.Unmarshal(nb.top["cells"], &cells); err != nil {
		return nil, fmt.Errorf("export: notebook cells: %w", err)
	}
	for i, raw := range cells {
		c := &Cell{raw: raw}
		if err := json.Unmarshal(raw["cell_type"], &c.Type); err != nil {
			return nil, fmt.Errorf("export: cell %d: cell_type: %w", i+1, err)
		}
		src, err := sourceText(raw["source"])
		if err != nil {
			return nil, fmt.Errorf("export: cell %d: source: %w", i+1, err)
		}
		c.Source = src
		if err := decodeOptional(raw["metadata"], &c.meta); err != nil {
			return nil, fmt.Errorf("export: cell %d: metadata: %w", i+1, err)
		}
		if c.meta == nil {
			c.meta = map[string]json.RawMessage{}
		}
		if err := decodeOptional(c.meta["tags"], &c.Tags); err != nil {
			return nil, fmt.Errorf("export: cell %d: tags: %w", i+1, err)
		}
		nb.Cells = append(nb.Cells, c)
	}
	return &nb, nil
}

// decodeOptional decodes raw into v unless it is absent or null.
func decodeOptional(raw json.RawMessage, v any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return json.Unmarshal(raw, v)
}

// sourceText returns a cell source, which nbformat allows as a string or
// a list of lines.
func sourceText(raw json.RawMessage) (string, error) {
	if len(raw) == 0 {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var lines []string
	if err := json.Unmarshal(raw, &lines); err != nil {
		return "", err
	}
	return strings.Join(lines, ""), nil
}

// HasTag reports whether the cell carries tag.
func (c *Cell) HasTag(tag string) bool { return slices.Contains(c.Tags, tag) }

// Execution returns the cell's timing metadata (nbclient's
// "execution" object: iopub.execute_input, shell.execute_reply, ...),
// nil when there is none.
func (c *Cell) Execution() map[string]string {
	var m map[string]string
	if decodeOptional(c.meta["execution"], &m) != nil {
		return nil
	}
	return m
}

// ExecutionCount returns the cell's execution count (its "In [n]"), or 0.
func (c *Cell) ExecutionCount() int {
	var n int
	if decodeOptional(c.raw["execution_count"], &n) != nil {
		return 0
	}
	return n
}

// NewMarkdown returns a markdown cell holding src, with the given tags.
func NewMarkdown(src string, tags ...string) *Cell {
	c := &Cell{raw: map[string]json.RawMessage{}, meta: map[string]json.RawMessage{}, Type: "markdown", Source: src, Tags: tags}
	return c
}

// SetTitle sets the notebook's title metadata, which nbconvert writes as
// the HTML document's title.
func (nb *Notebook) SetTitle(title string) {
	b, _ := json.Marshal(title)
	nb.meta["title"] = b
}

// Title returns the notebook's title metadata, or "".
func (nb *Notebook) Title() string {
	var s string
	decodeOptional(nb.meta["title"], &s)
	return s
}

// Write encodes the notebook.
func (nb *Notebook) Write(w io.Writer) error {
	cells := make([]map[string]json.RawMessage, len(nb.Cells))
	for i, c := range nb.Cells {
		raw := c.raw
		mustSet(raw, "cell_type", c.Type)
		mustSet(raw, "source", c.Source)
		if len(c.Tags) > 0 {
			mustSet(c.meta, "tags", c.Tags)
		} else {
			delete(c.meta, "tags")
		}
		mustSet(raw, "metadata", c.meta)
		cells[i] = raw
	}
	top := make(map[string]json.RawMessage, len(nb.top))
	for k, v := range nb.top {
		top[k] = v
	}
	mustSet(top, "cells", cells)
	mustSet(top, "metadata", nb.meta)
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(top)
}

// mustSet stores v encoded as JSON under key; v is always encodable.
func mustSet(m map[string]json.RawMessage, key string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic("export: encoding " + key + ": " + err.Error())
	}
	m[key] = b
}
