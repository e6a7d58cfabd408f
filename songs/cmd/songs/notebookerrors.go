package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/songcohorts/cohorts/songs"
)

// executedCells is the part of an executed notebook the check reads.
type executedCells struct {
	Cells []struct {
		CellType string   `json:"cell_type"`
		Source   []string `json:"source"`
		Outputs  []struct {
			OutputType string   `json:"output_type"`
			Name       string   `json:"name"`
			Text       []string `json:"text"`
			EName      string   `json:"ename"`
			EValue     string   `json:"evalue"`
		} `json:"outputs"`
	} `json:"cells"`
}

func runNotebookErrors(_ songs.Params, args []string, stdout io.Writer) error {
	b, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var nb executedCells
	if err := json.Unmarshal(b, &nb); err != nil {
		return fmt.Errorf("%s: not a notebook: %w", args[0], err)
	}
	for i, c := range nb.Cells {
		var stderr, errs []string
		for _, o := range c.Outputs {
			switch {
			case o.OutputType == "error":
				errs = append(errs, strings.TrimSpace(o.EName+": "+o.EValue))
			case o.OutputType == "stream" && o.Name == "stderr":
				stderr = append(stderr, strings.Join(o.Text, ""))
			}
		}
		if len(errs) == 0 {
			continue
		}
		fmt.Fprintf(stdout, "cell %d failed:\n%s\n", i+1, indent(strings.Join(c.Source, "")))
		if len(stderr) > 0 {
			fmt.Fprintf(stdout, "its messages:\n%s\n", indent(strings.Join(stderr, "")))
		}
		fmt.Fprintf(stdout, "error: %s\n", strings.Join(errs, "; "))
		return fmt.Errorf("%s: cell %d failed", args[0], i+1)
	}
	return nil
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
