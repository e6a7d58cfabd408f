package report

import (
	"math"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"
	"gonum.org/v1/plot/vg"

	"github.com/songcohorts/cohorts/songs/chart"
)

// cssPixelsPerInch is the CSS reference pixel density: a figure drawn w
// inches wide is shown w*96 CSS pixels wide, so that its text has the
// point sizes it was drawn with.
const cssPixelsPerInch = 96

// FigureCaption returns the HTML of the caption shown under a figure, its
// Caption escaped, or "" when the figure has none. The full description
// (fig.Alt) is not shown: it is the image's alternative text.
func FigureCaption(fig chart.Figure) string {
	if fig.Caption == "" {
		return ""
	}
	return HTMLf(`<p class="songs-figure-caption">%s</p>`, fig.Caption)
}

// figureMetadata returns the display metadata of fig's PNG: its width in
// CSS pixels (the notebook, the HTML export and the DOCX export show it
// at its drawn size, never wider than the page).
func figureMetadata(fig chart.Figure) map[string]any {
	if fig.Width <= 0 {
		return nil
	}
	w := int(math.Round(float64(fig.Width / vg.Inch * cssPixelsPerInch)))
	return map[string]any{string(protocol.MIMEImagePNG): map[string]int{"width": w}}
}

// DisplayFigure shows fig in the notebook as a PNG output at its drawn
// size (which nbconvert embeds in the HTML report as a data URI with
// fig.Alt as its alt text, and pandoc keeps in the DOCX with fig.Alt as
// its description), with fig.Alt as the output's text/plain form,
// followed by the visible caption when fig has one.
func DisplayFigure(fig chart.Figure) {
	defer gonbui.Sync()
	if !gonbui.IsNotebook {
		return
	}
	gonbui.SendData(&protocol.DisplayData{
		Data: map[protocol.MIMEType]any{
			protocol.MIMEImagePNG:  fig.PNG,
			protocol.MIMETextPlain: fig.Alt,
		},
		Metadata: figureMetadata(fig),
	})
	if c := FigureCaption(fig); c != "" {
		gonbui.DisplayHTML(c)
	}
}
