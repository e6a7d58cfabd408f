package parquetfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/parquet-go/parquet-go"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// metaKey names the key-value metadata that holds the catalog's
// description.
const metaKey = "songs.catalog"

// WriteTracks writes rows to path atomically: a temporary file in the same
// folder renamed over path once complete, so a failed write leaves the
// previous file intact. The catalog's description (which optional and
// extra columns it has) is stored in the file's key-value metadata.
func WriteTracks(path string, cat *catalog.Catalog, rows []catalog.TrackRow) error {
	meta, err := json.Marshal(catalog.Describe(cat))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[catalog.TrackRow](&buf, parquet.KeyValueMetadata(metaKey, string(meta)))
	if _, err := w.Write(rows); err != nil {
		return fmt.Errorf("parquet %s: %w", path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("parquet %s: %w", path, err)
	}
	return atomicfile.WriteFile(path, buf.Bytes(), 0o644)
}

// ReadTracks reads a file written by WriteTracks back into a catalog
// (without findings) and the rows as stored.
func ReadTracks(path string) (*catalog.Catalog, []catalog.TrackRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	r := bytes.NewReader(data)
	pf, err := parquet.OpenFile(r, int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("parquet %s: %w", path, err)
	}
	var desc catalog.Description
	raw, ok := pf.Lookup(metaKey)
	if !ok {
		return nil, nil, fmt.Errorf("parquet %s: no %s metadata: not written by this package", path, metaKey)
	}
	if err := json.Unmarshal([]byte(raw), &desc); err != nil {
		return nil, nil, fmt.Errorf("parquet %s metadata: %w", path, err)
	}
	rows, err := parquet.Read[catalog.TrackRow](r, int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("parquet %s: %w", path, err)
	}
	cat, err := desc.Catalog("parquet "+path, rows)
	return cat, rows, err
}
