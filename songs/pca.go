package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
)

// PCAOf standardises the columns and fits a full PCA.
func PCAOf(cat *catalog.Catalog, columns []string) (*embed.PCA, error) {
	z, _, err := Standardised(cat, columns)
	if err != nil {
		return nil, err
	}
	var p embed.PCA
	if err := p.Fit(z); err != nil {
		return nil, err
	}
	return &p, nil
}
