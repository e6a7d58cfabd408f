package report

import (
	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/protocol"

	"github.com/songcohorts/cohorts/songs/chart"
)

// FigureCaption returns the HTML caption shown under a figure: its title in
// bold and its alternative text, both escaped.
func FigureCaption(fig chart.Figure) string {
	return HTMLf(`<p class="songs-figure-caption" style="font-size: 90%%"><strong>%s.</strong> %s</p>`, fig.Title, fig.Alt)
}

// DisplayFigure shows fig in the notebook as a PNG output (which nbconvert
// embeds in the HTML report as a data URI and pandoc keeps in the DOCX),
// with fig.Alt as the output's text/plain form, followed by FigureCaption
// so that the description is visible in every format.
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
	})
	gonbui.DisplayHTML(FigureCaption(fig))
}
