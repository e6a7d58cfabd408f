package songs

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/songcohorts/cohorts/songs/internal/atomicfile"
)

// saveProcessedGob writes v as gob to data/processed/name, atomically.
func saveProcessedGob(p Params, name string, v any) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return err
	}
	if err := os.MkdirAll(p.ProcessedDir(), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(p.Processed(name), b.Bytes(), 0o644)
}

// loadProcessedGob reads the T in data/processed/name; when the file does
// not exist the error wraps ErrMissingInput and says what makes it
// (madeBy, such as "the evaluation cell of notebook 04-insights (make
// output/04-insights.html)").
func loadProcessedGob[T any](p Params, name, madeBy string) (*T, error) {
	b, err := os.ReadFile(p.Processed(name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run %s", ErrMissingInput, p.Processed(name), madeBy)
	}
	if err != nil {
		return nil, err
	}
	v := new(T)
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return nil, fmt.Errorf("%s: %w", p.Processed(name), err)
	}
	return v, nil
}
