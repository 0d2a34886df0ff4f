"""`saidwhat serve`: a read-only web UI over the index, every page with a JSON twin (`.json`)."""
