"""What a user reads, for every front end: interface texts per language and plain-text rendering.
Below handlers/ and bot/, above knowledge/; never imports telegram."""
