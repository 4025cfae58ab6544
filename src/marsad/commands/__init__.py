"""Command modules of the `marsad` CLI beyond `extract`, `eval` and `schema`, loaded on first use
so that `marsad extract` never pays for a database driver, a web server or a cluster client."""
