// Package widget holds retain's reusable, data-agnostic terminal building
// blocks: a line chart for training curves (SeriesChart), per-label
// distribution sparklines (Distribution), a signed heatmap for weight
// matrices (Heatmap), a signed horizontal bar chart for attributions
// (SignedBars) and pure layout helpers.
//
// Every component is a value built by its New function, sized with SetSize
// and rendered by View. Views are always exactly the size they were given
// (padded with spaces), never panic at any size, and stay readable without
// colour: series differ by glyph, signs are shown by a marker as well as by
// colour. Non-finite inputs (NaN, ±Inf) are dropped before anything reaches
// ntcharts, whose drawing loops do not terminate on them.
//
// Styles come from a Styles value (DefaultStyles); the package keeps no
// style state of its own, so colours are downsampled per output by the
// Bubble Tea program that renders the views.
package widget
