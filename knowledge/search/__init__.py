"""Finding the passage: the in-memory index and its snapshot, the matcher and its confidence."""
