package report

import (
	"encoding/base64"

	"github.com/janpfeifer/gonb/gonbui"

	"github.com/songcohorts/cohorts/songs/chart"
)

// FigureHTML renders a chart as an HTML figure: the PNG embedded as a data
// URI (so the exported report stays one self-contained file and pandoc
// carries the image into DOCX) with its alt text.
func FigureHTML(fig chart.Figure) string {
	return HTMLf(`<figure style="margin:0"><img src="data:image/png;base64,%s" alt="%s" style="max-width:100%%;height:auto"></figure>`,
		base64.StdEncoding.EncodeToString(fig.PNG), fig.Alt)
}

// DisplayFigure shows a chart in the notebook.
func DisplayFigure(fig chart.Figure) {
	defer gonbui.Sync()
	gonbui.DisplayHTML(FigureHTML(fig))
}
