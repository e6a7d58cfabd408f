package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/songcohorts/cohorts/songs"
)

// notebookCells is the part of the .ipynb format the check reads.
type notebookCells struct {
	Cells []struct {
		CellType       string            `json:"cell_type"`
		ExecutionCount *int              `json:"execution_count"`
		Outputs        []json.RawMessage `json:"outputs"`
	} `json:"cells"`
}

func runCheckNotebooks(_ songs.Params, args []string, stdout io.Writer) error {
	bad := 0
	for _, path := range args {
		problems, err := notebookProblems(path)
		if err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Fprintf(stdout, "%s: %s\n", path, p)
		}
		bad += len(problems)
	}
	if bad > 0 {
		return fmt.Errorf("%d cells carry outputs or execution counts: clear them before committing (executed copies belong in output/)", bad)
	}
	fmt.Fprintf(stdout, "%d notebooks are clean\n", len(args))
	return nil
}

func notebookProblems(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb notebookCells
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("%s: not a notebook: %w", path, err)
	}
	var out []string
	for i, c := range nb.Cells {
		if c.ExecutionCount != nil {
			out = append(out, fmt.Sprintf("cell %d has execution count %d", i+1, *c.ExecutionCount))
		}
		if len(c.Outputs) > 0 {
			out = append(out, fmt.Sprintf("cell %d has %d outputs", i+1, len(c.Outputs)))
		}
	}
	return out, nil
}
