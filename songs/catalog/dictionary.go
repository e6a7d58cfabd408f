package catalog

// DictionaryEntry is one variable of the data dictionary workbook (read by
// package workbook).
type DictionaryEntry struct {
	Variable    string
	Description string
}

// Undocumented returns the catalog columns the dictionary does not describe.
func Undocumented(columns []string, dict []DictionaryEntry) []string {
	known := map[string]bool{}
	for _, e := range dict {
		known[e.Variable] = true
	}
	var out []string
	for _, c := range columns {
		if !known[c] {
			out = append(out, c)
		}
	}
	return out
}
