"""Reading maps: bytes → positioned YAML or JSON trees → the model; source texts and quotes."""
