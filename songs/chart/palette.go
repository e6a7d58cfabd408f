package chart

import (
	"image/color"
)

// OkabeIto is the eight-colour palette of Okabe and Ito (2008), ordered for
// categorical use: the first colours are the most distinct on white, black
// comes last. Categories beyond eight reuse the colours.
var OkabeIto = []color.Color{
	color.RGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
	color.RGBA{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}, // sky blue
	color.RGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
	color.RGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
	color.RGBA{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, // vermillion
	color.RGBA{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
	color.RGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF}, // yellow
	color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xFF}, // black
}

// Colour returns the categorical colour of category i (i >= 0), cycling
// through OkabeIto.
func Colour(i int) color.Color {
	if i < 0 {
		panic("chart: negative colour index")
	}
	return OkabeIto[i%len(OkabeIto)]
}

// Named colours of the palette used for single-series charts.
var (
	colBlue      = OkabeIto[3]
	colSky       = OkabeIto[1]
	colOrange    = OkabeIto[0]
	colVermilion = OkabeIto[4]
	colGrey      = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xFF}
)

// withAlpha returns c with opacity a in [0, 1] (premultiplied).
func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.RGBA64{
		R: uint16(float64(r) * a),
		G: uint16(float64(g) * a),
		B: uint16(float64(b) * a),
		A: uint16(0xFFFF * a),
	}
}
