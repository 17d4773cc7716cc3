"""Folders of maps drawn in parallel: the jobs, the cache of drawings up to date, the pool."""
