"""Pages: the HTML view of a map beside its source, and the coverage page; templates and assets."""
