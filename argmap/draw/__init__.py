"""Drawing maps: style and themes, text, the graph and legend, the engine, the SVG for documents."""
